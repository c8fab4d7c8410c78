using System.Globalization;
using System.Text.Json;

namespace RecycleNet.Core.Input;

/// <summary>
/// Typed reads of JSON object members that collect an error (JSON path, rule) instead of throwing, so one answer
/// can list every field to fix. A member that is absent or null reads as null; the caller decides if it was needed.
/// </summary>
public sealed class JsonFieldReader
{
    public List<FieldError> Errors { get; } = [];

    public void Fail(string field, string rule, string ruleZh) => Errors.Add(new FieldError(field, rule, ruleZh));

    public void Fail(string field, Reason reason) => Errors.Add(new FieldError(field, reason));

    /// <summary>Refuses members other than <paramref name="known"/>: a misspelt field must not silently change an answer.</summary>
    public void OnlyKnown(JsonElement obj, string path, params string[] known)
    {
        foreach (var p in obj.EnumerateObject())
            if (!known.Contains(p.Name))
                Fail(Join(path, p.Name), $"is not a known field; expected one of {string.Join(", ", known)}", $"不是可识别的字段；应为 {string.Join("、", known)} 之一");
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static JsonElement? Member(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public string? Text(JsonElement obj, string path, string name, int maxLength = 200)
    {
        if (Member(obj, name) is not { } v) return null;
        var at = Join(path, name);
        if (v.ValueKind != JsonValueKind.String) { Fail(at, $"must be a string, not {Kind(v)}", "须为文本（字符串）"); return null; }
        var s = v.GetString()!.Trim();
        if (s.Length == 0) { Fail(at, "must not be empty", "不能为空"); return null; }
        if (s.Length > maxLength) { Fail(at, $"must be at most {maxLength} characters", $"不能超过 {maxLength} 个字符"); return null; }
        if (TextRules.Check(s) is { } why) { Fail(at, why); return null; }
        return s;
    }

    public bool? Flag(JsonElement obj, string path, string name)
    {
        if (Member(obj, name) is not { } v) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        Fail(Join(path, name), $"must be true or false, not {Kind(v)}", "须为 true 或 false");
        return null;
    }

    /// <summary>A number ≥ 0, read as an exact decimal (money and areas are never doubles).</summary>
    public decimal? Amount(JsonElement obj, string path, string name)
    {
        if (Member(obj, name) is not { } v) return null;
        var at = Join(path, name);
        if (v.ValueKind != JsonValueKind.Number) { Fail(at, $"must be a number, not {Kind(v)}", "须为数字"); return null; }
        if (!v.TryGetDecimal(out var d)) { Fail(at, "is too large or too precise for an exact decimal", "数字太大或位数太多，无法精确表示"); return null; }
        if (d < 0) { Fail(at, $"must not be negative (got {d.ToString(CultureInfo.InvariantCulture)})", $"不能为负数，实际为 {d.ToString(CultureInfo.InvariantCulture)}"); return null; }
        return d;
    }

    /// <summary>A JSON number as a finite double; false for anything else, 1e400 included (System.Text.Json would throw).</summary>
    public static bool Finite(JsonElement v, out double d)
    {
        d = 0;
        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out d) && double.IsFinite(d);
    }

    /// <summary>A whole number ≥ 0.</summary>
    public int? Count(JsonElement obj, string path, string name)
    {
        var d = Amount(obj, path, name);
        if (d is null) return null;
        if (d != decimal.Truncate(d.Value) || d > int.MaxValue)
        {
            Fail(Join(path, name), $"must be a whole number (got {d.Value.ToString(CultureInfo.InvariantCulture)})", $"须为整数，实际为 {d.Value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return (int)d.Value;
    }

    /// <summary>A calendar date written yyyy-MM-dd (ISO 8601), nothing else.</summary>
    public DateOnly? Date(JsonElement obj, string path, string name)
    {
        if (Member(obj, name) is not { } v) return null;
        var at = Join(path, name);
        if (v.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Fail(at, v.ValueKind == JsonValueKind.String
            ? new Reason($"'{Clip(v.GetString()!)}' is not a date written yyyy-MM-dd", $"“{Clip(v.GetString()!)}”不是 yyyy-MM-dd 格式的日期")
            : new Reason($"must be a date string yyyy-MM-dd, not {Kind(v)}", "须为 yyyy-MM-dd 格式的日期"));
        return null;
    }

    /// <summary>The member as an object, or null (with an error when present but not an object).</summary>
    public JsonElement? Object(JsonElement obj, string path, string name)
    {
        if (Member(obj, name) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Object) return v;
        Fail(Join(path, name), $"must be an object, not {Kind(v)}", "须为对象");
        return null;
    }

    /// <summary>The member's objects with their paths (name[i]); absent is empty.</summary>
    /// <summary>
    /// The elements of the array <paramref name="name"/> of <paramref name="obj"/>, of any kind, each with its path under
    /// <paramref name="prefix"/> (e.g. changes.close[2]); nothing when it is absent, and <paramref name="notArray"/> said
    /// when it is not an array.
    /// </summary>
    public IEnumerable<(JsonElement Item, string Path)> Items(JsonElement obj, string prefix, string name, Reason notArray)
    {
        if (Member(obj, name) is not { } v) yield break;
        if (v.ValueKind != JsonValueKind.Array) { Fail($"{prefix}{name}", notArray); yield break; }
        var i = 0;
        foreach (var e in v.EnumerateArray()) yield return (e, $"{prefix}{name}[{i++}]");
    }

    public IEnumerable<(JsonElement Item, string Path)> Objects(JsonElement obj, string name)
    {
        if (Member(obj, name) is not { } v) yield break;
        if (v.ValueKind != JsonValueKind.Array) { Fail(name, $"must be an array, not {Kind(v)}", "须为数组"); yield break; }
        var i = 0;
        foreach (var e in v.EnumerateArray())
        {
            var at = $"{name}[{i++}]";
            if (e.ValueKind == JsonValueKind.Object) yield return (e, at);
            else Fail(at, $"must be an object, not {Kind(e)}", "须为对象");
        }
    }

    public static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Clip(v.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Clip(v.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>A value echoed in a message, cut so that a megabyte string does not come back in the answer.</summary>
    public static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
