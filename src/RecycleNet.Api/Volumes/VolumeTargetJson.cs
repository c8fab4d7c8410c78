using RecycleNet.Core.Coverage;
using RecycleNet.Core.Volumes;

namespace RecycleNet.Api.Volumes;

/// <summary>A volume target's measurement as the scorecard writes it: the city's figures, each district's, the months missing, the monthly series.</summary>
public static class VolumeTargetJson
{
    public static object Of(VolumeMeasure m, CoverageReport coverage)
    {
        var names = coverage.Districts.ToDictionary(d => d.District.Id, d => d.District.Name);
        return new
        {
            category = m.Category.Id, categoryLabel = m.Category.LabelZh, unit = m.Unit.Id, unitLabel = m.Unit.LabelZh,
            asOf = m.AsOf.ToString(),
            city = Figures(m.City, m.Target.BaselineYear, m.AsOf),
            complete = m.Complete,
            missing = m.Missing.Select(x => new
            {
                month = x.Month.ToString(), facilities = x.Facilities,
                examples = x.Examples.Select(f => new { facility = f.Ref, name = f.Name }),
            }),
            monthsWithoutReports = m.MonthsWithoutReports.Select(x => x.ToString()),
            missingBasis = "a facility that reports this category is expected every month from its first report (or its opening, if earlier) to its closing or the as-of month; months without its figure are listed here and counted as nothing, not as zero",
            missingBasisZh = "上报此品类的单位，自首次上报（或开业，取较早者）起至关闭或统计截止月，每月都应上报；缺报的月份列于此处，不计入合计，也不按零计",
            districts = m.Districts.Select(d => new
            {
                districtId = d.DistrictId,
                name = d.DistrictId is { } id ? names.GetValueOrDefault(id) : "企业及区外设施 enterprises and facilities in no district",
                figures = Figures(d.Figures, m.Target.BaselineYear, m.AsOf),
            }),
            series = m.Series.Select(p => new { month = p.Month.ToString(), quantity = p.Quantity }),
        };
    }

    private static object Figures(VolumeFigures f, int? baselineYear, ReportMonth asOf) => new
    {
        baselineYear, baseline = f.Baseline,
        yearToDate = f.YearToDate, yearToDateFrom = new ReportMonth(asOf.Year, 1).ToString(),
        trailingTwelveMonths = f.TrailingTwelveMonths, trailingFrom = asOf.Plus(-11).ToString(),
        targetYearTotal = f.TargetYearTotal, projected = f.Projected,
        projection = f.Projection is { } p ? new { kind = p.Kind, method = p.Method, methodZh = p.MethodZh } : null,
        targetFigure = f.TargetFigure, current = f.Current, currentBasis = f.CurrentBasis.En, currentBasisZh = f.CurrentBasis.Zh,
        progress = f.Progress, remaining = f.Remaining, onTrack = f.OnTrack, status = f.Status, notMeasuredBecause = f.NotMeasuredBecause?.En, notMeasuredBecauseZh = f.NotMeasuredBecause?.Zh,
    };
}
