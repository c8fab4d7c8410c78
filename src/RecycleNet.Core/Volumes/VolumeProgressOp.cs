using RecycleNet.Core.Model;
using RecycleNet.Core.Policies;

namespace RecycleNet.Core.Volumes;

/// <summary>How volume targets are measured; the defaults are the service's documented choices.</summary>
public sealed record VolumeProgressOptions
{
    /// <summary>Facilities listed by name under each missing month, at most (the count is always whole).</summary>
    public int MissingExamples { get; init; } = 20;

    /// <summary>Annual totals a future year's trend is fitted to, at most (the latest years).</summary>
    public int TrendYears { get; init; } = 5;
}

/// <summary>A month in which facilities that report a category gave no figure: listed, never counted as zero.</summary>
public sealed record MissingMonth(ReportMonth Month, int Facilities, IReadOnlyList<ReportingFacility> Examples);

/// <summary>One area's figures for a target (the city's, or a district's), in the category's target unit.</summary>
/// <param name="Baseline">The baseline year's total (growth targets); null when that year has not ended or has no figure.</param>
/// <param name="YearToDate">The as-of month's year, January to the as-of month.</param>
/// <param name="TrailingTwelveMonths">The twelve months ending with the as-of month.</param>
/// <param name="TargetYearTotal">The target year's total once it has ended.</param>
/// <param name="Projected">The target year's figure as projected (see <see cref="Projection"/>), or its total once ended.</param>
/// <param name="TargetFigure">What the target asks in the unit: baseline × (1 + growth), or the count.</param>
/// <param name="Current">Growth targets: the growth reached (a share; the target year's total over the baseline once it has ended, else the trailing twelve months'); counts: the target year's total, year to date, or — for a later year — the trailing twelve months.</param>
/// <param name="Status">met | missed (the target year has ended), onTrack | offTrack (by the projection), notMeasured.</param>
public sealed record VolumeFigures(decimal? Baseline, decimal YearToDate, decimal TrailingTwelveMonths, decimal? TargetYearTotal, decimal? Projected,
    Projection? Projection, decimal? TargetFigure, decimal? Current, Input.Reason CurrentBasis, double? Progress, decimal? Remaining, bool? OnTrack, string Status,
    Input.Reason? NotMeasuredBecause);

/// <summary>How a target year's figure was had: actual (the year has ended), seasonal, linear, trend or flat; said in English and Chinese.</summary>
public sealed record Projection(decimal Value, string Kind, string Method, string MethodZh);

/// <summary>A district's figures for a target (<see cref="DistrictId"/> null: enterprises and facilities in no district).</summary>
public sealed record DistrictVolumeFigures(long? DistrictId, VolumeFigures Figures);

/// <summary>A volume target measured from the reports: the city's figures, each district's, and the months missing.</summary>
public sealed record VolumeMeasure(PolicyTarget Target, VolumeCategory Category, VolumeUnit Unit, ReportMonth AsOf, VolumeFigures City,
    IReadOnlyList<DistrictVolumeFigures> Districts, IReadOnlyList<MissingMonth> Missing, IReadOnlyList<ReportMonth> MonthsWithoutReports,
    ReportMonth? WindowFrom, IReadOnlyList<(ReportMonth Month, decimal Quantity)> Series)
{
    /// <summary>Every facility that reports the category gave a figure for every month the figures rest on.</summary>
    public bool Complete => Missing.Count == 0 && MonthsWithoutReports.Count == 0;
}

/// <summary>
/// Measures a growth or count target of the recycling statistics (废旧家电回收量 +15 % over 2023, 报废汽车 25,000 in 2025) from the
/// monthly reports, as of the latest full month: the baseline year's total, the year to date, the trailing twelve months, the
/// target year's figure (actual once ended; projected before), progress and whether it is on track — for the city and each
/// district. The figures are sums of the reports received; months a reporting facility did not report are listed, never
/// filled with zero or guessed. Projection: a year in progress is its year to date scaled by how the previous year's same
/// months compared with its whole (seasonal), or × 12 / months elapsed when the previous year lacks them (linear); a later
/// year extends a least-squares line through the annual totals up to the current year (the current year as projected).
/// </summary>
public static class VolumeProgressOp
{
    public static VolumeMeasure Measure(PolicyTarget target, VolumeCategory category, VolumeUnit unit, VolumeSummary summary, VolumeProgressOptions options)
    {
        var asOf = summary.AsOf;
        var mine = summary.Monthly.Where(t => t.Category == category.Id && t.Unit == unit.Id).ToList();
        var city = Series(mine);
        var cityFigures = Figures(target, city, asOf, options);
        var districts = mine.Select(t => t.DistrictId).Distinct().OrderBy(d => d ?? long.MaxValue)
            .Select(d => new DistrictVolumeFigures(d, Figures(target, Series(mine.Where(t => t.DistrictId == d)), asOf, options))).ToList();

        var window = Window(target, asOf);
        var missing = window is null ? [] : Missing(summary, category, unit, window.Value.From, asOf, m => WindowHas(target, asOf, m), options);
        var without = window is null ? []
            : ReportMonth.Range(window.Value.From, asOf).Where(m => !city.ContainsKey(m.Key) && WindowHas(target, asOf, m)).ToList();
        var series = city.OrderBy(kv => kv.Key).Select(kv => (ReportMonth.FromKey(kv.Key), kv.Value)).ToList();
        return new VolumeMeasure(target, category, unit, asOf, cityFigures, districts, missing, without, window?.From, series);
    }

    private static Dictionary<int, decimal> Series(IEnumerable<MonthTotal> totals) =>
        totals.GroupBy(t => t.Month).ToDictionary(g => g.Key, g => g.Sum(t => t.QuantityMilli) / 1000m);

    private static decimal Sum(Dictionary<int, decimal> s, ReportMonth from, ReportMonth to) =>
        from > to ? 0 : ReportMonth.Range(from, to).Sum(m => s.GetValueOrDefault(m.Key));

    private static bool Any(Dictionary<int, decimal> s, ReportMonth from, ReportMonth to) =>
        from <= to && ReportMonth.Range(from, to).Any(m => s.ContainsKey(m.Key));

    private static bool Ended(int year, ReportMonth asOf) => new ReportMonth(year, 12) <= asOf;

    /// <summary>The figures of one area's monthly series.</summary>
    public static VolumeFigures Figures(PolicyTarget t, Dictionary<int, decimal> s, ReportMonth asOf, VolumeProgressOptions options)
    {
        var year = asOf.Year;
        var ytd = Sum(s, new ReportMonth(year, 1), asOf);
        var ttm = Sum(s, asOf.Plus(-11), asOf);
        var ended = Ended(t.Year, asOf);
        decimal? targetYearTotal = ended ? Sum(s, new ReportMonth(t.Year, 1), new ReportMonth(t.Year, 12)) : null;

        Input.Reason? why = null;
        decimal? baseline = null;
        if (t.Kind == "growth")
        {
            if (t.BaselineYear is not { } b) why = new("the target names no baseline year", "目标未指明基准年");
            else if (!Ended(b, asOf)) why = new($"the baseline year {b} has not ended", $"基准年 {b} 尚未结束");
            else if (!Any(s, new ReportMonth(b, 1), new ReportMonth(b, 12))) why = new($"no figures for the baseline year {b}", $"基准年 {b} 没有上报数据");
            else if ((baseline = Sum(s, new ReportMonth(b, 1), new ReportMonth(b, 12))) == 0) why = new($"the baseline year {b} totals zero", $"基准年 {b} 合计为零");
        }
        if (why is null && s.Count == 0) why = new("no figures", "没有上报数据");
        if (why is null && ended && !Any(s, new ReportMonth(t.Year, 1), new ReportMonth(t.Year, 12))) why = new($"no figures for {t.Year}", $"{t.Year} 年没有上报数据");
        if (why is not null)
            return new VolumeFigures(baseline, ytd, ttm, targetYearTotal, null, null, null, null, new("", ""), null, null, null, "notMeasured", why);

        var projection = Project(s, t.Year, asOf, t.BaselineYear, options);
        var projected = projection.Value;
        if (t.Kind == "growth")
        {
            var targetFigure = Math.Round(baseline!.Value * (1 + t.Value), 3);
            var figure = targetYearTotal ?? ttm;
            var growth = Math.Round(figure / baseline.Value - 1, 4);
            var basis = targetYearTotal is not null
                ? new Input.Reason($"the {t.Year} total over the {t.BaselineYear} total", $"{t.Year} 年合计与 {t.BaselineYear} 年合计之比")
                : new Input.Reason($"the twelve months {asOf.Plus(-11)} to {asOf} over the {t.BaselineYear} total",
                    $"{asOf.Plus(-11)} 至 {asOf} 十二个月合计与 {t.BaselineYear} 年合计之比");
            var progress = t.Value > 0 ? Math.Round(Math.Clamp((double)(growth / t.Value), 0, 1), 4) : 1.0;
            var onTrack = projected >= targetFigure;
            var status = ended ? (targetYearTotal >= targetFigure ? "met" : "missed") : onTrack ? "onTrack" : "offTrack";
            return new VolumeFigures(baseline, ytd, ttm, targetYearTotal, Math.Round(projected, 3), projection, targetFigure, growth, basis, progress,
                Math.Max(0, t.Value - growth), onTrack, status, null);
        }
        var (current, currentBasis) = ended ? (targetYearTotal!.Value, new Input.Reason($"the {t.Year} total", $"{t.Year} 年合计"))
            : t.Year == year ? (ytd, new Input.Reason($"{t.Year} to date ({new ReportMonth(year, 1)} to {asOf})", $"{t.Year} 年累计（{new ReportMonth(year, 1)} 至 {asOf}）"))
            : (ttm, new Input.Reason($"the twelve months {asOf.Plus(-11)} to {asOf}", $"{asOf.Plus(-11)} 至 {asOf} 十二个月"));
        var share = t.Value > 0 ? Math.Round(Math.Clamp((double)(current / t.Value), 0, 1), 4) : 1.0;
        var countOnTrack = projected >= t.Value;
        var countStatus = ended ? (current >= t.Value ? "met" : "missed") : countOnTrack ? "onTrack" : "offTrack";
        return new VolumeFigures(null, ytd, ttm, targetYearTotal, Math.Round(projected, 3), projection, t.Value, current, currentBasis, share,
            Math.Max(0, t.Value - current), countOnTrack, countStatus, null);
    }

    /// <summary>The target year's figure: its total once ended, else a projection, with how it was made.</summary>
    public static Projection Project(Dictionary<int, decimal> s, int targetYear, ReportMonth asOf, int? baselineYear, VolumeProgressOptions options)
    {
        if (Ended(targetYear, asOf))
            return new(Sum(s, new ReportMonth(targetYear, 1), new ReportMonth(targetYear, 12)), "actual", $"the {targetYear} total (the year has ended)",
                $"{targetYear} 年实际合计（该年已结束）");
        var current = ProjectCurrentYear(s, asOf);
        if (targetYear == asOf.Year) return current;

        // A later year: a straight line through the annual totals, the current year as projected.
        var first = s.Count == 0 ? asOf.Year : Math.Min(ReportMonth.FromKey(s.Keys.Min()).Year, baselineYear ?? int.MaxValue);
        // A year whose first months precede the first report is partial: the trend starts with the first full year.
        if (s.Count > 0 && ReportMonth.FromKey(s.Keys.Min()).Month != 1 && first < asOf.Year) first++;
        first = Math.Max(first, asOf.Year - options.TrendYears + 1);
        var points = new List<(int Year, decimal Total)>();
        for (var y = first; y < asOf.Year; y++) points.Add((y, Sum(s, new ReportMonth(y, 1), new ReportMonth(y, 12))));
        points.Add((asOf.Year, current.Value));
        if (points.Count == 1)
            return new(current.Value, "flat", $"{asOf.Year} as projected ({current.Method}), held flat to {targetYear}: one year of figures gives no trend",
                $"按 {asOf.Year} 年预计值（{current.MethodZh}）持平推至 {targetYear} 年：仅一年数据，无法判断趋势");
        var mx = points.Average(p => (decimal)p.Year);
        var my = points.Average(p => p.Total);
        var sxx = points.Sum(p => (p.Year - mx) * (p.Year - mx));
        var slope = points.Sum(p => (p.Year - mx) * (p.Total - my)) / sxx;
        var value = Math.Max(0, my + slope * (targetYear - mx));
        return new(value, "trend",
            $"a least-squares line through the annual totals {first}–{asOf.Year} ({asOf.Year} as projected: {current.Method}), extended to {targetYear}",
            $"以 {first}–{asOf.Year} 年各年合计（{asOf.Year} 年为预计值：{current.MethodZh}）作最小二乘直线，外推至 {targetYear} 年");
    }

    /// <summary>The as-of month's year, projected to December.</summary>
    private static Projection ProjectCurrentYear(Dictionary<int, decimal> s, ReportMonth asOf)
    {
        var year = asOf.Year;
        var ytd = Sum(s, new ReportMonth(year, 1), asOf);
        if (asOf.Month == 12) return new(ytd, "actual", $"the {year} total", $"{year} 年实际合计");
        var lastYearSame = Sum(s, new ReportMonth(year - 1, 1), new ReportMonth(year - 1, asOf.Month));
        var lastYearAll = Sum(s, new ReportMonth(year - 1, 1), new ReportMonth(year - 1, 12));
        var lastYearComplete = ReportMonth.Range(new ReportMonth(year - 1, 1), new ReportMonth(year - 1, 12)).All(m => s.ContainsKey(m.Key));
        if (lastYearComplete && lastYearSame > 0)
            return new(ytd * lastYearAll / lastYearSame, "seasonal",
                $"seasonal: {year} to date × {year - 1}'s whole year / its January–{MonthName(asOf.Month)}",
                $"按季节折算：{year} 年累计 × {year - 1} 年全年 ÷ {year - 1} 年 1–{asOf.Month} 月");
        return new(ytd * 12 / asOf.Month, "linear", $"linear: {year} to date × 12 / {asOf.Month} (no complete {year - 1} to take the season from)",
            $"线性折算：{year} 年累计 × 12 ÷ {asOf.Month}（{year - 1} 年数据不全，无法按季节折算）");
    }

    private static string MonthName(int m) => System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m);

    /// <summary>The months the city's figures rest on: the baseline year (growth), the target year so far, and the trailing twelve months.</summary>
    public static (ReportMonth From, ReportMonth To)? Window(PolicyTarget t, ReportMonth asOf)
    {
        var from = asOf.Plus(-11);
        if (t.Kind == "growth" && t.BaselineYear is { } b && new ReportMonth(b, 1) < from) from = new ReportMonth(b, 1);
        if (t.Year <= asOf.Year && new ReportMonth(t.Year, 1) < from) from = new ReportMonth(t.Year, 1);
        return (from, asOf);
    }

    private static bool WindowHas(PolicyTarget t, ReportMonth asOf, ReportMonth m) =>
        m >= asOf.Plus(-11) || m.Year == t.Year || (t.Kind == "growth" && m.Year == t.BaselineYear);

    /// <summary>
    /// Months from <paramref name="from"/> to <paramref name="asOf"/> in which a facility that reports the category gave no
    /// figure: from its first report (or its opening, when known and earlier) to its closing (or <paramref name="asOf"/>;
    /// a facility closed without a date, or no longer in the layers, ends with its last report).
    /// </summary>
    private static List<MissingMonth> Missing(VolumeSummary summary, VolumeCategory category, VolumeUnit unit, ReportMonth from, ReportMonth asOf,
        Func<ReportMonth, bool> counts, VolumeProgressOptions options)
    {
        var byMonth = new SortedDictionary<int, List<ReportingFacility>>();
        foreach (var span in summary.Spans.Where(x => x.Category == category.Id && x.Unit == unit.Id))
        {
            var facility = summary.Facilities.Find(span.Kind, span.FacilityId);
            var start = span.First;
            if (facility?.OpenedOn is { } opened && ReportMonth.Of(opened) < start) start = ReportMonth.Of(opened) < from ? from : ReportMonth.Of(opened);
            var end = facility is null || facility is { Status: FacilityStatus.Closed, ClosedOn: null } ? span.Last
                : facility.ClosedOn is { } closed && ReportMonth.Of(closed) < asOf ? ReportMonth.Of(closed) : asOf;
            if (start < from) start = from;
            if (start > end) continue;
            var reported = summary.GapMonths.TryGetValue(span, out var months) ? months.ToHashSet() : null;
            foreach (var m in ReportMonth.Range(start, end))
            {
                var has = reported?.Contains(m.Key) ?? (m >= span.First && m <= span.Last);
                if (has || !counts(m)) continue;
                if (!byMonth.TryGetValue(m.Key, out var list)) byMonth[m.Key] = list = [];
                list.Add(facility ?? new ReportingFacility(span.Kind, span.FacilityId, $"({FacilityDirectory.RouteOf(span.Kind)}/{span.FacilityId}, no longer in the layers)",
                    null, null, null, null, null));
            }
        }
        return byMonth.Select(kv => new MissingMonth(ReportMonth.FromKey(kv.Key), kv.Value.Count,
            kv.Value.OrderBy(f => f.Kind).ThenBy(f => f.Id).Take(options.MissingExamples).ToList())).ToList();
    }
}
