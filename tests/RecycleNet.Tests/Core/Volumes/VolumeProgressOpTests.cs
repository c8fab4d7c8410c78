using RecycleNet.Core.Volumes;
using static RecycleNet.Tests.Core.Volumes.SmallCityReports;

namespace RecycleNet.Tests.Core.Volumes;

/// <summary>Every figure below is worked out by hand from <see cref="SmallCityReports"/>.</summary>
public class VolumeProgressOpTests
{
    private static readonly ReportMonth June2025 = new(2025, 6);

    [Fact]
    public void Growth_target_of_the_current_year_from_baseline_ytd_ttm_and_a_seasonal_projection()
    {
        var m = Measure(Growth(2025, 0.15m), Summary(June2025, Figures(June2025)));
        var c = m.City;
        Assert.Equal(1140m, c.Baseline);               // 11 × 60 + 12 × 40: F1's May is missing, and nothing stands in for it
        Assert.Equal(740m, c.YearToDate);              // 6 × (72 + 48) + 2 × 10
        Assert.Equal(1460m, c.TrailingTwelveMonths);   // 2024-07..12: 6 × 120, 2025-01..06: 6 × 120, F3: 8 × 10
        Assert.Null(c.TargetYearTotal);
        Assert.Equal(1311m, c.TargetFigure);           // 1140 × 1.15
        Assert.Equal(0.2807m, c.Current);              // 1460 / 1140 − 1
        Assert.Equal(1.0, c.Progress);
        Assert.Equal(1547.273m, c.Projected);          // 740 × 1380 / 660 (2024's whole year over its January–June)
        Assert.StartsWith("seasonal", c.Projection!.Method);
        Assert.Equal((true, "onTrack"), (c.OnTrack!.Value, c.Status));
    }

    [Fact]
    public void Missing_months_are_listed_by_facility_and_never_counted()
    {
        var m = Measure(Growth(2025, 0.15m), Summary(June2025, Figures(June2025)));
        Assert.False(m.Complete);
        Assert.Equal(["2023-05", "2025-03", "2025-04", "2025-05", "2025-06"], m.Missing.Select(x => x.Month.ToString()));
        Assert.Equal("F1", Assert.Single(m.Missing[0].Examples).Name);
        Assert.All(m.Missing.Skip(1), x => Assert.Equal("F3", Assert.Single(x.Examples).Name));
        Assert.Empty(m.MonthsWithoutReports);
        // F3 closed at the end of February: its silence after is no longer missing.
        var closed = F3 with { ClosedOn = new DateOnly(2025, 2, 28) };
        var again = Measure(Growth(2025, 0.15m), Summary(June2025, Figures(June2025), F1, F2, closed));
        Assert.Equal(["2023-05"], again.Missing.Select(x => x.Month.ToString()));
    }

    [Fact]
    public void A_later_year_extends_the_line_through_the_annual_totals()
    {
        var c = Measure(Growth(2027, 0.30m), Summary(June2025, Figures(June2025))).City;
        // Points 2023: 1140, 2024: 1380, 2025: 1547.273 (projected); slope (1547.273 − 1140) / 2 = 203.636; at 2027: 1355.758 + 3 × 203.636
        Assert.Equal(1966.667m, c.Projected);
        Assert.Equal(1482m, c.TargetFigure);           // 1140 × 1.3
        Assert.Equal(0.9357, c.Progress);              // 0.2807 / 0.30
        Assert.Equal((true, "onTrack"), (c.OnTrack!.Value, c.Status));
        Assert.StartsWith("a least-squares line through the annual totals 2023–2025", c.Projection!.Method);
    }

    [Fact]
    public void Count_targets_of_an_ended_year_and_of_the_current_year()
    {
        var ended = Measure(Count(2024, 1300), Summary(June2025, Figures(June2025))).City;
        Assert.Equal((1380m, 1380m, 0m, "met"), (ended.TargetYearTotal!.Value, ended.Current!.Value, ended.Remaining!.Value, ended.Status));
        var current = Measure(Count(2025, 1600), Summary(June2025, Figures(June2025))).City;
        Assert.Equal((740m, 0.4625, 860m), (current.Current!.Value, current.Progress!.Value, current.Remaining!.Value));
        Assert.Equal((false, "offTrack"), (current.OnTrack!.Value, current.Status));
        var missed = Measure(Count(2024, 1400), Summary(June2025, Figures(June2025))).City;
        Assert.Equal("missed", missed.Status);
    }

    [Fact]
    public void Linear_projection_when_the_previous_year_is_incomplete()
    {
        var asOf = new ReportMonth(2024, 3);
        var figures = Figures(asOf).Where(x => x.F == F2 && x.M >= new ReportMonth(2023, 4)).ToList();
        var m = Measure(Count(2024, 600), Summary(asOf, figures, F1, F2, F3));
        Assert.Equal((132m, 528m), (m.City.YearToDate, m.City.Projected!.Value)); // 3 × 44; × 12 / 3
        Assert.StartsWith("linear", m.City.Projection!.Method);
        Assert.Equal("offTrack", m.City.Status);
        // The growth target's baseline year lacks January to March altogether: listed as months without reports.
        var growth = Measure(Growth(2025, 0.15m), Summary(asOf, figures, F1, F2, F3));
        Assert.Equal(["2023-01", "2023-02", "2023-03"], growth.MonthsWithoutReports.Select(x => x.ToString()));
        Assert.Equal(360m, growth.City.Baseline);
    }

    [Fact]
    public void Districts_are_measured_alike_and_enterprises_apart()
    {
        var m = Measure(Growth(2025, 0.15m), Summary(June2025, Figures(June2025)));
        Assert.Equal([1L, 2L, null], m.Districts.Select(d => d.DistrictId));
        var d1 = m.Districts[0].Figures;
        Assert.Equal((660m, 432m), (d1.Baseline!.Value, d1.YearToDate));  // 11 × 60; 6 × 72
        var enterprises = m.Districts[2].Figures;
        Assert.Equal(("notMeasured", "no figures for the baseline year 2023"), (enterprises.Status, enterprises.NotMeasuredBecause?.En));
    }

    [Fact]
    public void Without_reports_a_target_is_not_measured_never_zero()
    {
        var m = Measure(Growth(2025, 0.15m), Summary(June2025, []));
        Assert.Equal(("notMeasured", null, null), (m.City.Status, m.City.Current, m.City.Progress));
        var early = Measure(Growth(2025, 0.15m), Summary(new ReportMonth(2023, 11), Figures(new ReportMonth(2023, 11))));
        Assert.Equal("the baseline year 2023 has not ended", early.City.NotMeasuredBecause?.En);
    }
}
