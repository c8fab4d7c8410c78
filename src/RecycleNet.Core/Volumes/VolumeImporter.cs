using System.Globalization;
using System.Text.RegularExpressions;
using RecycleNet.Core.Import;
using RecycleNet.Core.Input;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Volumes;

/// <summary>Limits of a volume import; the latest month is the last that has ended (a report cannot cover a month still running).</summary>
public sealed record VolumeImportOptions
{
    /// <summary>The last month a report may cover (the latest full month in China, from the clock).</summary>
    public required ReportMonth LatestMonth { get; init; }

    /// <summary>Most sheet rows one import may carry.</summary>
    public int MaxRows { get; init; } = Import.TableRowReader.MaxRows;

    /// <summary>Most figures (rows × category columns of a wide sheet) one import may carry: bounds the request's memory (bench: 1.2 M figures peak at about 620 MB of working set).</summary>
    public int MaxFigures { get; init; } = 2_000_000;

    /// <summary>Largest quantity of one figure, in its unit: beyond it, a typing slip (a tonnage typed in kilograms).</summary>
    public decimal MaxQuantity { get; init; } = 10_000_000m;
}

/// <summary>One figure of an import, valid, with the sheet row it came from.</summary>
public sealed record VolumeFigure(int Row, ReportingFacility Facility, ReportMonth Month, VolumeCategory Category, VolumeUnit Unit, long QuantityMilli,
    string? Source, string? Note);

/// <summary>What an import's rows hold: the figures, or why not (every row's errors at once).</summary>
public sealed record VolumeSheet(string Layout, IReadOnlyList<VolumeFigure> Figures, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Reads the monthly report forms bureaus use — CSV or XLSX, Chinese or English headers — into figures, checking every rule
/// before anything is stored. Two layouts: <b>long</b>, one row per facility, month and category (品类, 数量, 计量单位), and
/// <b>wide</b>, one row per facility and month with a column per category and unit ("废钢铁(吨)", "废弃电器电子产品(台)"). A facility
/// is named by 单位名称 (unique among the city's outlets, centres, stations and enterprises), or by type and id.
/// </summary>
public sealed partial class VolumeImporter(VolumeCategories categories, FacilityDirectory facilities, VolumeImportOptions options)
{
    private static readonly LayerField FacilityF = new("facility", "string", "facility name (unique in the city), or 'outlets/12'", "facilityName", "name",
        "单位名称", "网点名称", "企业名称", "设施名称", "名称");
    private static readonly LayerField KindF = new("facilityType", "string", "outlets | sorting-centers | transfer-stations | enterprises", "facilityKind", "type", "设施类型", "类型");
    private static readonly LayerField IdF = new("facilityId", "integer", "the facility's id", "id", "编号", "网点编号", "设施编号");
    private static readonly LayerField MonthF = new("month", "string", "statistics month, yyyy-MM", "统计月份", "月份", "报告期", "统计期");
    private static readonly LayerField CategoryF = new("category", "string", "statistics category (long layout)", "品类", "类别", "品种", "回收品类");
    private static readonly LayerField QuantityF = new("quantity", "number", "quantity in the unit (long layout)", "数量", "回收量");
    private static readonly LayerField UnitF = new("unit", "string", "吨 | 台 | 辆 (long layout)", "计量单位", "单位");
    private static readonly LayerField SourceF = new("source", "string", "where the figures come from", "来源", "数据来源");
    private static readonly LayerField NoteF = new("note", "string", "remark", "备注", "说明");

    /// <summary>The columns the long layout and every row read (the wide layout adds a column per category and unit).</summary>
    public static readonly IReadOnlyList<LayerField> Fields = [FacilityF, KindF, IdF, MonthF, CategoryF, QuantityF, UnitF, SourceF, NoteF];

    public VolumeSheet Read(IReadOnlyList<ImportRow> rows)
    {
        var errors = new List<ImportError>();
        if (rows.Count == 0) return new VolumeSheet("", [], [new ImportError(null, null, "the report holds no rows", "报表没有数据行")]);
        if (rows.Count > options.MaxRows)
            return new VolumeSheet("", [], [new ImportError(null, null, $"the report holds {rows.Count} rows; at most {options.MaxRows} are accepted at once",
                $"报表有 {rows.Count} 行；一次最多接受 {options.MaxRows} 行")]);

        var headers = rows.SelectMany(r => r.Properties.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var known = Fields.SelectMany(f => f.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wide = new List<(string Header, VolumeCategory Category, VolumeUnit Unit)>();
        foreach (var h in headers.Where(h => !known.Contains(h) && !TableRowReader.GeometryColumns.Contains(h)))
        {
            var (category, unit, problem) = WideColumn(h);
            if (problem is { } why) errors.Add(new ImportError(null, h, why.En, why.Zh));
            else if (category is not null) wide.Add((h, category, unit!));
        }
        var isLong = headers.Any(h => CategoryF.Keys.Contains(h, StringComparer.OrdinalIgnoreCase));
        if (isLong && wide.Count > 0)
            errors.Add(new ImportError(null, CategoryF.Name,
                $"the sheet has both a category column and category columns ({string.Join(", ", wide.Take(3).Select(w => w.Header))}): use one layout",
                $"表中既有“品类”列，又有按品类分的列（{string.Join("、", wide.Take(3).Select(w => w.Header))}）：请只用一种格式"));
        else if (!isLong && wide.Count == 0 && errors.Count == 0)
            errors.Add(new ImportError(null, CategoryF.Name,
                $"no category found: add 品类 + 数量 + 计量单位 columns (long layout), or a column per category such as \"废钢铁(吨)\" (wide layout); categories: {CategoryList}",
                $"找不到品类：请加上 品类、数量、计量单位 三列（长表），或每个品类一列，如“废钢铁(吨)”（宽表）；品类有：{CategoryList}"));
        if (!headers.Any(h => MonthF.Keys.Contains(h, StringComparer.OrdinalIgnoreCase)))
            errors.Add(new ImportError(null, MonthF.Name, "no month column: add 统计月份 (yyyy-MM)", "没有月份列：请加上“统计月份”列（yyyy-MM）"));
        if (errors.Count > 0) return new VolumeSheet("", [], errors);
        var figureCount = isLong ? rows.Count : (long)rows.Count * wide.Count;
        if (figureCount > options.MaxFigures)
            return new VolumeSheet("", [], [new ImportError(null, null, $"the report holds up to {figureCount} figures; at most {options.MaxFigures} are accepted at once",
                $"报表最多有 {figureCount} 个数据；一次最多接受 {options.MaxFigures} 个")]);

        var figures = new List<VolumeFigure>();
        var seen = new Dictionary<(FacilityKind, long, int, string, string), int>();
        foreach (var row in rows)
        {
            var r = new RowReader(row, errors);
            var before = errors.Count;
            var facility = Facility(r);
            var month = Month(r);
            var source = r.String(SourceF);
            var note = r.String(NoteF, maxLength: 500);
            var rowFigures = new List<(VolumeCategory, VolumeUnit, long)>();
            if (isLong)
            {
                if (LongFigure(r) is { } f) rowFigures.Add(f);
            }
            else
            {
                foreach (var (header, category, unit) in wide)
                    if (Quantity(r, header, row.Properties.GetValueOrDefault(header), unit, required: false) is { } q) rowFigures.Add((category, unit, q));
            }
            if (facility is null || month is null || errors.Count > before) continue;
            if (facility.ClosedOn is { } closed && month.Value.FirstDay > closed)
            {
                r.Error(MonthF.Name, $"{facility.Name} ({facility.Ref}) closed on {closed:yyyy-MM-dd}; it cannot report for {month}",
                    $"{facility.Name}（{facility.Ref}）已于 {closed:yyyy-MM-dd} 关闭，不能报送 {month} 的数据");
                continue;
            }
            foreach (var (category, unit, q) in rowFigures)
            {
                var key = (facility.Kind, facility.Id, month.Value.Key, category.Id, unit.Id);
                if (seen.TryGetValue(key, out var first))
                {
                    r.Error(isLong ? CategoryF.Name : $"{category.LabelZh}({unit.LabelZh})",
                        $"{facility.Name}, {month}, {category.LabelZh} in {unit.LabelZh} is already given on row {first}: a facility reports each month and category once",
                        $"{facility.Name} {month} 的{category.LabelZh}（{unit.LabelZh}）已在第 {first} 行给出：每个单位每月每个品类只报一次");
                    continue;
                }
                seen[key] = row.Index;
                figures.Add(new VolumeFigure(row.Index, facility, month.Value, category, unit, q, source, note));
            }
        }
        return new VolumeSheet(isLong ? "long" : "wide", errors.Count == 0 ? figures : [], errors);
    }

    /// <summary>A wide layout's column: a category and its unit ("废钢铁(吨)", "appliances (units)"); (null, null, null) for a column that is no category.</summary>
    private (VolumeCategory?, VolumeUnit?, Reason?) WideColumn(string header)
    {
        var m = WideHeader().Match(header.Trim());
        var name = m.Success ? m.Groups["name"].Value.Trim() : header.Trim();
        var unitText = m.Success ? m.Groups["unit"].Value.Trim() : null;
        if (categories.Find(name) is not { } category)
            // A column in a unit of the forms ("废钢材(吨)") is meant as a category: a typo must not drop its figures silently.
            return unitText is not null && categories.FindUnit(unitText) is not null
                ? (null, null, new($"column '{header}': '{name}' is not a category; categories: {CategoryList}", $"“{header}”列：“{name}”不是品类；品类有：{CategoryList}"))
                : (null, null, null);
        if (unitText is null)
            return category.Units.Count == 1 ? (category, categories.Unit(category.Units[0]), null)
                : (null, null, new($"column '{header}' does not say its unit: write {string.Join(" or ", category.Units.Select(u => $"\"{category.LabelZh}({categories.Unit(u).LabelZh})\""))}",
                    $"“{header}”列没有写明单位：请写成{string.Join("或", category.Units.Select(u => $"“{category.LabelZh}({categories.Unit(u).LabelZh})”"))}"));
        // 万吨 and 千克 are not the forms' units: a figure in them would be read a thousand times off.
        if (categories.FindUnit(unitText) is not { } unit)
            return (null, null, new($"column '{header}': '{unitText}' is not a unit; {category.LabelZh} is reported in {Allowed(category)}",
                $"“{header}”列：“{unitText}”不是计量单位；{category.LabelZh}以{AllowedZh(category)}计"));
        if (!category.Units.Contains(unit.Id))
            return (null, null, new($"column '{header}': {category.LabelZh} is not reported in {unit.LabelZh}; it is reported in {Allowed(category)}",
                $"“{header}”列：{category.LabelZh}不以{unit.LabelZh}计，而以{AllowedZh(category)}计"));
        return (category, unit, null);
    }

    private string Allowed(VolumeCategory c) => string.Join(" or ", c.Units.Select(u => $"{categories.Unit(u).LabelZh} ({u})"));

    private string AllowedZh(VolumeCategory c) => string.Join("或", c.Units.Select(u => categories.Unit(u).LabelZh));

    private string CategoryList => string.Join("、", categories.All.Select(c => c.LabelZh));

    // "废钢铁(吨)", "废钢铁（吨）", "废钢铁/吨", "废钢铁 吨", "appliances (units)"
    [GeneratedRegex(@"^(?<name>.+?)\s*(?:[(（]\s*(?<unit>[^)）]+?)\s*[)）]|[/／]\s*(?<unit>\S+))$")]
    private static partial Regex WideHeader();

    private (VolumeCategory, VolumeUnit, long)? LongFigure(RowReader r)
    {
        var categoryText = r.String(CategoryF, required: true);
        var unitText = r.String(UnitF, required: true);
        VolumeCategory? category = null;
        if (categoryText is not null && (category = categories.Find(categoryText)) is null)
            r.Error(CategoryF.Name, $"'{categoryText}' is not a category; categories: {CategoryList}", $"“{categoryText}”不是品类；品类有：{CategoryList}");
        VolumeUnit? unit = null;
        if (unitText is not null && (unit = categories.FindUnit(unitText)) is null)
            r.Error(UnitF.Name, $"'{unitText}' is not a unit; units: {string.Join(", ", categories.Units.Select(u => $"{u.LabelZh} ({u.Id})"))}",
                $"“{unitText}”不是计量单位；单位有：{string.Join("、", categories.Units.Select(u => u.LabelZh))}");
        if (category is not null && unit is not null && !category.Units.Contains(unit.Id))
        {
            r.Error(UnitF.Name, $"{category.LabelZh} is not reported in {unit.LabelZh}; it is reported in {Allowed(category)}",
                $"{category.LabelZh}不以{unit.LabelZh}计，而以{AllowedZh(category)}计");
            unit = null;
        }
        var q = Quantity(r, QuantityF.Name, RowReader.RawOf(r.Row, QuantityF), unit, required: true);
        return category is not null && unit is not null && q is { } quantity ? (category, unit, quantity) : null;
    }

    /// <summary>A quantity in thousandths of <paramref name="unit"/>; null when absent (wide: no figure) or refused.</summary>
    private long? Quantity(RowReader r, string field, object? raw, VolumeUnit? unit, bool required)
    {
        if (raw is null || raw is string blank && string.IsNullOrWhiteSpace(blank))
        {
            if (required) r.Error(field, "is required", "必填");
            return null;
        }
        decimal q;
        switch (raw)
        {
            case double d when double.IsFinite(d): q = (decimal)d; break;
            case int or long or decimal or float: q = Convert.ToDecimal(raw, CultureInfo.InvariantCulture); break;
            case string s when decimal.TryParse(s.Trim().Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var p): q = p; break;
            default:
                r.Error(field, $"must be a number, got '{Convert.ToString(raw, CultureInfo.InvariantCulture)}'", $"须为数字，实际为“{Convert.ToString(raw, CultureInfo.InvariantCulture)}”");
                return null;
        }
        if (q < 0) { r.Error(field, $"must not be negative, got {Q(q)}", $"不能为负数，实际为 {Q(q)}"); return null; }
        if (q > options.MaxQuantity)
        {
            r.Error(field, $"must be at most {Q(options.MaxQuantity)}, got {Q(q)}", $"不能大于 {Q(options.MaxQuantity)}，实际为 {Q(q)}");
            return null;
        }
        if (unit is null) return null;
        if (decimal.Round(q, unit.Decimals) != q)
        {
            r.Error(field, unit.Decimals == 0
                ? new Reason($"{unit.LabelEn} ({unit.LabelZh}) are counted: must be a whole number, got {Q(q)}", $"{unit.LabelZh}是计数单位：须为整数，实际为 {Q(q)}")
                : new Reason($"must have at most {unit.Decimals} decimals ({unit.LabelZh}), got {Q(q)}", $"以{unit.LabelZh}计最多 {unit.Decimals} 位小数，实际为 {Q(q)}"));
            return null;
        }
        return (long)(q * 1000m);
    }

    private static string Q(decimal q) => q.ToString(CultureInfo.InvariantCulture);

    private ReportMonth? Month(RowReader r)
    {
        var raw = r.Raw(MonthF);
        if (raw is null) { r.Error(MonthF.Name, "is required", "必填"); return null; }
        if (!ReportMonth.TryParse(raw, out var m))
        {
            r.Error(MonthF.Name, $"must be a month written yyyy-MM (2024-03, 2024年3月), got '{Convert.ToString(raw, CultureInfo.InvariantCulture)}'",
                $"须为月份，写作 yyyy-MM（2024-03、2024年3月），实际为“{Convert.ToString(raw, CultureInfo.InvariantCulture)}”");
            return null;
        }
        if (m < ReportMonth.Earliest)
        {
            r.Error(MonthF.Name, $"{m} is before {ReportMonth.Earliest}: the service holds statistics from 2000 on", $"{m} 早于 {ReportMonth.Earliest}：本服务只收 2000 年以来的统计");
            return null;
        }
        if (m > options.LatestMonth)
        {
            r.Error(MonthF.Name, $"{m} has not ended yet: the latest month a report may cover is {options.LatestMonth}", $"{m} 还没有结束：报表最晚只能报到 {options.LatestMonth}");
            return null;
        }
        return m;
    }

    private ReportingFacility? Facility(RowReader r)
    {
        var kindText = r.String(KindF);
        var id = r.Raw(IdF) is null ? null : r.Integer(IdF, min: 1);
        var name = r.String(FacilityF);
        // "outlets/12" in the facility column: what the service's own exports write.
        if (name is not null && kindText is null && id is null && FacilityRef().Match(name) is { Success: true } m
            && FacilityDirectory.ParseKind(m.Groups["kind"].Value) is { } refKind)
            return ById(r, FacilityF.Name, refKind, long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture));
        if (id is not null)
        {
            if (kindText is null)
            {
                r.Error(KindF.Name, "is required with a facility id: outlets, sorting-centers, transfer-stations or enterprises", $"给出设施编号时必填：{KindsZh}");
                return null;
            }
            if (FacilityDirectory.ParseKind(kindText) is not { } kind)
            {
                r.Error(KindF.Name, $"must be outlets, sorting-centers, transfer-stations or enterprises (回收网点、分拣中心、中转站、企业), got '{kindText}'", $"须为{KindsZh}之一，实际为“{kindText}”");
                return null;
            }
            var byId = ById(r, IdF.Name, kind, id.Value);
            if (byId is not null && name is not null && byId.Name != name)
                r.Error(FacilityF.Name, $"{byId.Ref} is named '{byId.Name}', not '{name}'", $"{byId.Ref} 名为“{byId.Name}”，不是“{name}”");
            return byId;
        }
        if (name is null) { r.Error(FacilityF.Name, "is required: the facility's name (单位名称), or its type and id", "必填：单位名称，或设施类型和编号"); return null; }
        var named = facilities.Named(name);
        if (kindText is not null && FacilityDirectory.ParseKind(kindText) is { } only) named = named.Where(f => f.Kind == only).ToList();
        switch (named.Count)
        {
            case 1: return named[0];
            case 0:
                r.Error(FacilityF.Name, $"no outlet, sorting centre, transfer station or enterprise of this city is named '{name}'", $"本市没有名为“{name}”的回收网点、分拣中心、中转站或企业");
                return null;
            default:
                r.Error(FacilityF.Name, $"{named.Count} facilities of this city are named '{name}' ({string.Join(", ", named.Take(5).Select(f => f.Ref))}): give the type and id",
                    $"本市有 {named.Count} 个设施名为“{name}”（{string.Join("、", named.Take(5).Select(f => f.Ref))}）：请给出设施类型和编号");
                return null;
        }
    }

    private ReportingFacility? ById(RowReader r, string field, FacilityKind kind, long id)
    {
        var f = facilities.Find(kind, id);
        if (f is null) r.Error(field, $"{FacilityDirectory.RouteOf(kind)}/{id} is not a facility of this city", $"{FacilityDirectory.RouteOf(kind)}/{id} 不是本市的设施");
        return f;
    }

    private const string KindsZh = "回收网点、分拣中心、中转站、企业（outlets、sorting-centers、transfer-stations、enterprises）";

    [GeneratedRegex(@"^(?<kind>[a-z-]+)/(?<id>\d{1,18})$")]
    private static partial Regex FacilityRef();
}
