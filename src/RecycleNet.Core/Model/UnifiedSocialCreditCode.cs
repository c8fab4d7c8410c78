using RecycleNet.Core.Input;

namespace RecycleNet.Core.Model;

/// <summary>
/// Validation of the 18-character unified social credit code (GB 32100-2015): registration authority,
/// entity type, 6-digit administrative code, 9-character organisation code, and a check character
/// computed modulo 31 over the first 17 with weights 3^i mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    // The 31 characters the standard allows: digits and capitals without I, O, S, V, Z.
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Returns null when valid, otherwise the reason it is not.</summary>
    public static Reason? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return new("is required", "必填");
        if (code.Length != 18) return new($"must have 18 characters, has {code.Length}", $"须为 18 位，实际为 {code.Length} 位");
        for (var i = 0; i < 18; i++)
            if (Charset.IndexOf(code[i]) < 0)
                return new($"character {i + 1} ('{code[i]}') is not allowed (digits and capitals except I, O, S, V, Z)",
                    $"第 {i + 1} 位（“{code[i]}”）不允许（只能是数字和除 I、O、S、V、Z 以外的大写字母）");
        if (!code[2..8].All(char.IsAsciiDigit))
            return new("characters 3-8 must be a 6-digit administrative division code", "第 3 至 8 位须为 6 位行政区划代码");
        var expected = CheckCharacter(code);
        return code[17] == expected ? null : new($"check character should be '{expected}', not '{code[17]}'", $"校验码应为“{expected}”，而不是“{code[17]}”");
    }

    /// <summary>The check character for the first 17 characters of a code.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Charset.IndexOf(first17[i]) * Weights[i];
        var c = 31 - sum % 31;
        return Charset[c == 31 ? 0 : c];
    }
}
