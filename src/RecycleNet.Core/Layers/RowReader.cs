using System.Globalization;
using RecycleNet.Core.Input;
using RecycleNet.Core.Import;

namespace RecycleNet.Core.Layers;

/// <summary>
/// Typed access to an import row's properties by field (name or alias), recording an
/// <see cref="ImportError"/> for each value that is present but breaks its rule.
/// </summary>
public sealed class RowReader(ImportRow row, List<ImportError> errors)
{
    public ImportRow Row => row;

    public void Error(string field, string reason, string? reasonZh = null) => errors.Add(new ImportError(row.Index, field, reason, reasonZh));

    public void Error(string field, Reason reason) => Error(field, reason.En, reason.Zh);

    /// <summary>The raw value for a field, null when absent or blank.</summary>
    public object? Raw(LayerField field) => RawOf(row, field);

    /// <summary>The raw value a row gives a field (under its name or an alias), null when absent or blank.</summary>
    public static object? RawOf(ImportRow row, LayerField field)
    {
        foreach (var key in field.Keys)
            if (row.Properties.TryGetValue(key, out var v) && v is not null && !(v is string s && string.IsNullOrWhiteSpace(s)))
                return v;
        return null;
    }

    /// <summary>
    /// A reference to another row, given as a name (or code) in <paramref name="nameField"/> or as an id in
    /// <paramref name="idField"/> (what a GET writes, sent back by a PUT): the name wins when both are there.
    /// </summary>
    public string? Reference(LayerField nameField, LayerField idField) =>
        Raw(nameField) is not null ? String(nameField)
        : Raw(idField) is not null ? Integer(idField, min: 1)?.ToString(CultureInfo.InvariantCulture) : null;

    public string? String(LayerField f, bool required = false, int maxLength = 200)
    {
        var v = Raw(f);
        if (v is null)
        {
            if (required) Error(f.Name, "is required", "必填");
            return null;
        }
        if (v is not string && (row.StrictTypes || v is System.Collections.IEnumerable or JsonObjectValue))
        {
            Error(f.Name, $"must be text (a JSON string), not {Describe(v)}", "须为文本");
            return null;
        }
        var s = Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim();
        if (s.Length > maxLength) { Error(f.Name, $"is longer than {maxLength} characters", $"超过 {maxLength} 个字符"); return null; }
        if (TextRules.Check(s) is { } why) { Error(f.Name, why); return null; }
        return s;
    }

    public double? Number(LayerField f, bool required = false, double min = double.MinValue, double max = double.MaxValue)
    {
        var v = Raw(f);
        if (v is null)
        {
            if (required) Error(f.Name, "is required", "必填");
            return null;
        }
        double d;
        switch (v)
        {
            case double x: d = x; break;
            case long or int or decimal or float: d = Convert.ToDouble(v, CultureInfo.InvariantCulture); break;
            case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p): d = p; break;
            default: Error(f.Name, $"must be a number, got {Shown(v)}", $"须为数字，实际为 {Shown(v)}"); return null;
        }
        if (!double.IsFinite(d)) { Error(f.Name, "must be a finite number", "须为有限的数字"); return null; }
        if (d < min) { Error(f.Name, min == 0 ? $"must not be negative, got {I(d)}" : $"must be at least {I(min)}, got {I(d)}",
            min == 0 ? $"不能为负数，实际为 {I(d)}" : $"不能小于 {I(min)}，实际为 {I(d)}"); return null; }
        if (d > max) { Error(f.Name, $"must be at most {I(max)}, got {I(d)}", $"不能大于 {I(max)}，实际为 {I(d)}"); return null; }
        return d;
    }

    public int? Integer(LayerField f, bool required = false, int min = 0, int max = int.MaxValue)
    {
        var d = Number(f, required, min, max);
        if (d is null) return null;
        if (d != Math.Floor(d.Value)) { Error(f.Name, $"must be a whole number, got {I(d.Value)}", $"须为整数，实际为 {I(d.Value)}"); return null; }
        return (int)d.Value;
    }

    private static string Shown(object v) => v is string s ? $"'{(s.Length <= 60 ? s : s[..57] + "…")}'" : Describe(v);

    private static string Describe(object v) => v switch
    {
        bool b => b ? "true" : "false",
        double or int or long or decimal => $"the number {Convert.ToString(v, CultureInfo.InvariantCulture)}",
        JsonObjectValue => "an object",
        System.Collections.IEnumerable => "a list",
        _ => v.GetType().Name,
    };

    // Messages are read by people and scripts everywhere: numbers never take the server's culture.
    private static string I(double d) => d.ToString(CultureInfo.InvariantCulture);

    public bool? Bool(LayerField f)
    {
        var v = Raw(f);
        switch (v)
        {
            case null: return null;
            case bool b: return b;
            case double d when d is 0 or 1: return d == 1;
            case string s:
                switch (s.Trim().ToLowerInvariant())
                {
                    case "true" or "yes" or "y" or "1" or "是": return true;
                    case "false" or "no" or "n" or "0" or "否": return false;
                }
                break;
        }
        Error(f.Name, $"must be true or false, got {Shown(v)}", $"须为 是/否（true/false），实际为 {Shown(v)}");
        return null;
    }

    public DateOnly? Date(LayerField f)
    {
        var v = Raw(f);
        switch (v)
        {
            case null: return null;
            case DateTime dt: return DateOnly.FromDateTime(dt);
            case not string when ExcelDates.TryDate(v, out var excel): return excel; // a Chinese date format the workbook reader left a number
            case string s when DateOnly.TryParseExact(s.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                return d;
        }
        Error(f.Name, $"must be a date written yyyy-MM-dd, got {Shown(v)}", $"须为日期（yyyy-MM-dd），实际为 {Shown(v)}");
        return null;
    }

    /// <summary>Parses an enum by its English name or a Chinese synonym from <paramref name="synonyms"/>.</summary>
    public T? Enum<T>(LayerField f, IReadOnlyDictionary<string, T> synonyms, bool required = false) where T : struct, System.Enum
    {
        var s = String(f, required);
        if (s is null) return null;
        if (System.Enum.TryParse<T>(s, true, out var e) && System.Enum.IsDefined(e) && !s.All(char.IsAsciiDigit)) return e;
        if (synonyms.TryGetValue(s, out e)) return e;
        var allowed = string.Join("|", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        Error(f.Name, $"must be one of {allowed}, got '{s}'", $"须为 {allowed} 之一，实际为“{s}”");
        return null;
    }

    /// <summary>A list given as a JSON array or as text separated by ';', ',', '、' or '|'.</summary>
    public IReadOnlyList<string>? List(LayerField f)
    {
        switch (Raw(f))
        {
            case null: return null;
            case string text:
                return text.Split([';', ',', '、', '|', '；', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            case IEnumerable<object?> items:
                var list = new List<string>();
                foreach (var i in items)
                {
                    if (i is string or double) list.Add(Convert.ToString(i, CultureInfo.InvariantCulture)!.Trim());
                    else if (i is not null) { Error(f.Name, $"must list ids (numbers) or names (text), not {Describe(i)}", "须列出编号（数字）或名称（文本）"); return null; }
                }
                return list.Where(i => i.Length > 0).ToList();
            case var v:
                if (row.StrictTypes) { Error(f.Name, $"must be a list (a JSON array) or text separated by ';', not {Describe(v)}", "须为列表（JSON 数组）或以“;”分隔的文本"); return null; }
                return [Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim()];
        }
    }
}
