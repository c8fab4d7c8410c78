namespace RecycleNet.Core.Input;

/// <summary>
/// Why a value was refused, in the two languages the service speaks: English for scripts, logs and the English page;
/// Chinese, which the page shows first. A rule states both where it is defined, so no reason reaches a Chinese page
/// untranslated and no translation table drifts away from the rule it translates.
/// </summary>
public readonly record struct Reason(string En, string Zh)
{
    /// <summary>"must be at most 5,000 [unit]": <paramref name="max"/> as the message shows it.</summary>
    public static Reason AtMost(string max, string unitEn = "", string unitZh = "") =>
        new($"must be at most {max}{Space(unitEn)}", $"不能超过 {max}{Space(unitZh)}");

    /// <summary>"must be above 0 and at most 600 [unit]".</summary>
    public static Reason AboveZeroAtMost(string max, string unitEn = "", string unitZh = "") =>
        new($"must be above 0 and at most {max}{Space(unitEn)}", $"须大于 0 且不超过 {max}{Space(unitZh)}");

    /// <summary>"must be from 50 to 10,000 [unit]", both ends allowed.</summary>
    public static Reason FromTo(string min, string max, string unitEn = "", string unitZh = "") =>
        new($"must be from {min} to {max}{Space(unitEn)}", $"须在 {min} 到 {max}{Space(unitZh)} 之间");

    private static string Space(string unit) => unit.Length == 0 ? "" : " " + unit;
}

/// <summary>A request member that breaks a rule: its JSON path (or parameter name), the rule in English and in Chinese.</summary>
public sealed record FieldError(string Field, string Rule, string? RuleZh = null)
{
    public FieldError(string field, Reason reason) : this(field, reason.En, reason.Zh) { }
}
