using System.ComponentModel;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Volumes;

namespace RecycleNet.Api.Volumes;

[Description("How a target year's figure was had: actual, seasonal, linear, trend or flat.")]
public sealed record ProjectionAnswer(string Kind, string Method, string MethodZh);

[Description("One area's figures for a volume target, in the category's target unit.")]
public sealed record VolumeFiguresAnswer(int? BaselineYear, decimal? Baseline, decimal YearToDate, string YearToDateFrom, decimal TrailingTwelveMonths,
    string TrailingFrom, decimal? TargetYearTotal, decimal? Projected, ProjectionAnswer? Projection, decimal? TargetFigure, decimal? Current,
    string CurrentBasis, string CurrentBasisZh, double? Progress, decimal? Remaining, bool? OnTrack, string Status, string? NotMeasuredBecause,
    string? NotMeasuredBecauseZh);

public sealed record FacilityExampleAnswer([property: Description("e.g. outlets/12")] string Facility, string Name);

[Description("A month some reporting facilities gave no figure for.")]
public sealed record MissingMonthAnswer(string Month, int Facilities, IReadOnlyList<FacilityExampleAnswer> Examples);

public sealed record DistrictVolumeAnswer(long? DistrictId, string? Name, VolumeFiguresAnswer Figures);

public sealed record MonthQuantityAnswer(string Month, decimal Quantity);

[Description("A volume target measured from the monthly reports: the city's figures, each district's, the months missing, the monthly series.")]
public sealed record VolumeTargetAnswer(string Category, string CategoryLabel, string Unit, string UnitLabel, string AsOf, VolumeFiguresAnswer City,
    bool Complete, IReadOnlyList<MissingMonthAnswer> Missing, IReadOnlyList<string> MonthsWithoutReports, string MissingBasis, string MissingBasisZh,
    IReadOnlyList<DistrictVolumeAnswer> Districts, IReadOnlyList<MonthQuantityAnswer> Series);

/// <summary>A volume target's measurement as the scorecard writes it: the city's figures, each district's, the months missing, the monthly series.</summary>
public static class VolumeTargetJson
{
    public static VolumeTargetAnswer Of(VolumeMeasure m, CoverageReport coverage)
    {
        var names = coverage.Districts.ToDictionary(d => d.District.Id, d => d.District.Name);
        return new VolumeTargetAnswer(m.Category.Id, m.Category.LabelZh, m.Unit.Id, m.Unit.LabelZh, m.AsOf.ToString(),
            Figures(m.City, m.Target.BaselineYear, m.AsOf), m.Complete,
            [.. m.Missing.Select(x => new MissingMonthAnswer(x.Month.ToString(), x.Facilities, [.. x.Examples.Select(f => new FacilityExampleAnswer(f.Ref, f.Name))]))],
            [.. m.MonthsWithoutReports.Select(x => x.ToString())],
            "a facility that reports this category is expected every month from its first report (or its opening, if earlier) to its closing or the as-of month; months without its figure are listed here and counted as nothing, not as zero",
            "上报此品类的单位，自首次上报（或开业，取较早者）起至关闭或统计截止月，每月都应上报；缺报的月份列于此处，不计入合计，也不按零计",
            [.. m.Districts.Select(d => new DistrictVolumeAnswer(d.DistrictId,
                d.DistrictId is { } id ? names.GetValueOrDefault(id) : "企业及区外设施 enterprises and facilities in no district",
                Figures(d.Figures, m.Target.BaselineYear, m.AsOf)))],
            [.. m.Series.Select(p => new MonthQuantityAnswer(p.Month.ToString(), p.Quantity))]);
    }

    private static VolumeFiguresAnswer Figures(VolumeFigures f, int? baselineYear, ReportMonth asOf) => new(baselineYear, f.Baseline,
        f.YearToDate, new ReportMonth(asOf.Year, 1).ToString(), f.TrailingTwelveMonths, asOf.Plus(-11).ToString(), f.TargetYearTotal, f.Projected,
        f.Projection is { } p ? new ProjectionAnswer(p.Kind, p.Method, p.MethodZh) : null, f.TargetFigure, f.Current, f.CurrentBasis.En, f.CurrentBasis.Zh,
        f.Progress, f.Remaining, f.OnTrack, f.Status, f.NotMeasuredBecause?.En, f.NotMeasuredBecause?.Zh);
}
