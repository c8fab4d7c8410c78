using System.Globalization;
using RecycleNet.Core.Input;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Volumes;

/// <summary>
/// A query of the volume figures as read from its parameters (/api/volumes' query string): the filter, the totals'
/// grouping, the page. The first parameter that is wrong is named, with the rule in both languages.
/// </summary>
public sealed record VolumeQuery(VolumeFilter Filter, IReadOnlyList<VolumeGroup>? By, int Offset, int Limit)
{
    /// <summary>Most rows of a totals answer: beyond, the query must be narrowed (bounds the answer's memory).</summary>
    public const int MaxGroups = 50_000;

    /// <summary>Most figures of an XLSX export (a sheet holds 1,048,576 rows; this keeps the workbook's memory near 100 MB).</summary>
    public const int MaxExportRows = 200_000;

    public const int MaxLimit = 10_000;

    public static string Name(VolumeGroup g) => g.ToString().ToLowerInvariant();

    /// <param name="q">A parameter's value by name; empty when not given.</param>
    public static (VolumeQuery, FieldError?) Read(Func<string, string> q, VolumeCategories categories)
    {
        var empty = new VolumeQuery(new VolumeFilter(), null, 0, 0);
        FacilityKind? kind = null;
        long? id = null;
        if (q("facility") is { Length: > 0 } f)
        {
            if (ParseFacility(f) is not { } parsed)
                return (empty, FacilityProblem(f));
            (kind, id) = parsed;
        }
        string? category = null;
        if (q("category") is { Length: > 0 } c)
        {
            if (categories.Find(c) is not { } found)
                return (empty, new FieldError("category", $"'{c}' is not a category; categories: {string.Join(", ", categories.All.Select(x => x.Id))}",
                    $"“{c}”不是品类；品类有：{string.Join("、", categories.All.Select(x => x.LabelZh))}"));
            category = found.Id;
        }
        string? unit = null;
        if (q("unit") is { Length: > 0 } u)
        {
            if (categories.FindUnit(u) is not { } found)
                return (empty, new FieldError("unit", $"'{u}' is not a unit; units: {string.Join(", ", categories.Units.Select(x => x.Id))}",
                    $"“{u}”不是计量单位；单位有：{string.Join("、", categories.Units.Select(x => x.LabelZh))}"));
            unit = found.Id;
        }
        long? district = null;
        if (q("district") is { Length: > 0 } d)
        {
            if (!long.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var did)) return (empty, new FieldError("district", $"must be a district id, got '{d}'", $"须为区县编号，实际为“{d}”"));
            district = did;
        }
        ReportMonth? from = null, to = null;
        foreach (var (name, set) in new (string, Action<ReportMonth>)[] { ("from", m => from = m), ("to", m => to = m) })
        {
            if (q(name) is not { Length: > 0 } text) continue;
            if (!ReportMonth.TryParse(text, out var m)) return (empty, new FieldError(name, $"must be a month written yyyy-MM, got '{text}'", $"须为 yyyy-MM 格式的月份，实际为“{text}”"));
            set(m);
        }
        if (from > to) return (empty, new FieldError("from", $"{from} is after to={to}", $"起始月 {from} 晚于截止月 {to}"));
        List<VolumeGroup>? by = null;
        if (q("by") is { Length: > 0 } b)
        {
            by = [];
            foreach (var part in b.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<VolumeGroup>(part, true, out var g) || part.All(char.IsAsciiDigit))
                    return (empty, new FieldError("by", $"'{part}' is not a grouping; use month, year, category, district or facility, separated by commas",
                        $"“{part}”不是分组方式；可用 month（月）、year（年）、category（品类）、district（区县）、facility（设施），以逗号分隔"));
                if (!by.Contains(g)) by.Add(g);
            }
            if (by.Contains(VolumeGroup.Month) && by.Contains(VolumeGroup.Year)) return (empty, new FieldError("by", "group by month or by year, not both", "按月或按年分组，不能同时两者"));
        }
        var offset = 0;
        var limit = 1000;
        if (q("offset") is { Length: > 0 } o && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > 10_000_000))
            return (empty, new FieldError("offset", "must be a whole number from 0 to 10000000", "须为 0 到 10000000 之间的整数"));
        if (q("limit") is { Length: > 0 } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            return (empty, new FieldError("limit", $"must be a whole number from 1 to {MaxLimit}", $"须为 1 到 {MaxLimit} 之间的整数"));
        return (new VolumeQuery(new VolumeFilter(kind, id, category, unit, district, from, to), by, offset, limit), null);
    }

    /// <summary>Why a facility parameter that is not "outlets/12" is refused.</summary>
    public static FieldError FacilityProblem(string given) =>
        new FieldError("facility", $"must be written outlets/12 (or sorting-centers/, transfer-stations/, enterprises/), got '{given}'",
            $"须写作 outlets/12（或 sorting-centers/、transfer-stations/、enterprises/），实际为“{given}”");

    /// <summary>"outlets/12" as a facility kind and id.</summary>
    public static (FacilityKind, long)? ParseFacility(string text)
    {
        var slash = text.IndexOf('/');
        if (slash <= 0 || FacilityDirectory.ParseKind(text[..slash]) is not { } kind) return null;
        return long.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? (kind, id) : null;
    }
}
