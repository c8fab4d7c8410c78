using static RecycleNet.Tests.Core.Subsidies.JinanSubsidies;

namespace RecycleNet.Tests.Core.Subsidies;

/// <summary>The per-outlet, per-applicant mobile and per-applicant outlet caps of Jinan's item 22, at and past their limits.</summary>
public class SubsidyCapTests
{
    [Theory]
    [InlineData("49.995", "9999")]
    [InlineData("50", "10000")]
    [InlineData("50.005", "10000")]
    [InlineData("60", "10000")]
    public void A_fixed_outlet_earns_200_yuan_per_m2_up_to_10000(string area, string expected)
    {
        var r = Estimate(Fixed("F1", decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture))).Item("F1");
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), r.AmountYuan);
    }

    [Fact]
    public void The_per_outlet_maximum_is_shown_in_the_calculation()
    {
        var r = Estimate(Fixed("F1", 60)).Item("F1");
        Assert.Equal("60 m² × 200 yuan/m² = 12,000 yuan, above the 10,000 yuan maximum per item, so 10,000 yuan", r.Calculation.En);
        Assert.Equal("60 平方米 × 200 元/平方米 = 12,000 元，超过单项最高 10,000 元，按 10,000 元计", r.Calculation.Zh);
        Assert.Equal("35 m² × 200 yuan/m² = 7,000 yuan", Estimate(Fixed("F2", 35)).Item("F2").Calculation.En);
    }

    [Fact]
    public void Mobile_stations_earn_20_percent_of_investment_exactly_in_decimal()
    {
        var r = Estimate(Mobile("M1", 123_456.78m)).Item("M1");
        Assert.Equal(24_691.356m, r.AmountYuan);
        Assert.Equal("20 % of 123,456.78 yuan actual investment = 24,691.356 yuan", r.Calculation.En);
    }

    [Fact]
    public void Mobile_stations_together_earn_at_most_100000_per_applicant()
    {
        var at = Estimate(Mobile("M1", 300_000), Mobile("M2", 200_000));
        Assert.Equal((60_000m, 40_000m), (at.Item("M1").AmountYuan, at.Item("M2").AmountYuan));
        Assert.Equal(100_000m, at.OutletSubsidyYuan);
        Assert.Empty(at.CapsApplied); // exactly at the cap cuts nothing

        var over = Estimate(Mobile("M1", 300_000), Mobile("M2", 250_000));
        // Items keep their amounts before the caps; the cap is reported once with its cut.
        Assert.Equal((60_000m, 50_000m), (over.Item("M1").AmountYuan, over.Item("M2").AmountYuan));
        var cap = Assert.Single(over.CapsApplied);
        Assert.Equal(("mobile-stations-per-applicant", 110_000m, 10_000m), (cap.Cap.Id, cap.BeforeYuan, cap.CutYuan));
        Assert.Equal(100_000m, over.OutletSubsidyYuan);
        Assert.Contains("最高 10 万元", cap.Cap.Citation.Quote);
    }

    [Fact]
    public void Fixed_and_mobile_together_earn_at_most_200000_per_applicant()
    {
        var fixedOutlets = Enumerable.Range(1, 15).Select(i => Fixed($"F{i}", 50)).ToArray<RecycleNet.Core.Subsidies.SubsidyItem>();
        var exactly = Estimate(Qualified with { DirectOutletCount = 20 }, [.. fixedOutlets, Mobile("M1", 250_000)]);
        Assert.Equal(200_000m, exactly.OutletSubsidyYuan); // 150,000 + 50,000
        Assert.Empty(exactly.CapsApplied);

        var over = Estimate(Qualified with { DirectOutletCount = 20 }, [.. fixedOutlets, Mobile("M1", 250_005)]);
        var cap = Assert.Single(over.CapsApplied);
        Assert.Equal(("outlets-per-applicant", 200_001m, 1m), (cap.Cap.Id, cap.BeforeYuan, cap.CutYuan));
        Assert.Equal(200_000m, over.OutletSubsidyYuan);
    }

    [Fact]
    public void The_mobile_cap_applies_first_then_the_applicant_cap()
    {
        // 15 outlets × 10,000 = 150,000; stations 2 × 120,000 = 240,000 → 100,000; together 250,000 → 200,000.
        var items = Enumerable.Range(1, 15).Select(i => Fixed($"F{i}", 80)).Cast<RecycleNet.Core.Subsidies.SubsidyItem>()
            .Append(Mobile("M1", 600_000)).Append(Mobile("M2", 600_000)).ToArray();
        var e = Estimate(Qualified with { DirectOutletCount = 15 }, items);
        Assert.Equal(["mobile-stations-per-applicant", "outlets-per-applicant"], e.CapsApplied.Select(c => c.Cap.Id));
        Assert.Equal((240_000m, 140_000m), (e.CapsApplied[0].BeforeYuan, e.CapsApplied[0].CutYuan));
        Assert.Equal((250_000m, 50_000m), (e.CapsApplied[1].BeforeYuan, e.CapsApplied[1].CutYuan));
        Assert.Equal(200_000m, e.OutletSubsidyYuan);
        Assert.Equal(200_000m, e.TotalYuan);
    }

    [Fact]
    public void Facility_rewards_are_maxima_outside_the_outlet_cap()
    {
        var items = Enumerable.Range(1, 25).Select(i => Fixed($"F{i}", 50)).Cast<RecycleNet.Core.Subsidies.SubsidyItem>()
            .Append(Facility("P1", "provincialIndustrialPark")).Append(Facility("C1", "provincialSortingCenter")).ToArray();
        var e = Estimate(Qualified with { DirectOutletCount = 30 }, items);
        Assert.Equal(250_000m - 50_000m, e.OutletSubsidyYuan);
        Assert.Equal(500_000m, e.FacilityRewardUpToYuan);
        Assert.Equal(700_000m, e.TotalYuan);
        Assert.Equal(50_000m, Assert.Single(e.CapsApplied).CutYuan);
        Assert.Equal("up to 300,000 yuan (the bureau sets the amount)", e.Item("P1").Calculation.En);
        Assert.Contains(e.Assumptions, a => a.En.Contains("outside the 200,000 yuan per-applicant cap"));
    }

    [Fact]
    public void An_empty_application_earns_nothing()
    {
        var e = Estimate();
        Assert.Equal((0m, 0m, 0m), (e.TotalYuan, e.OutletSubsidyYuan, e.FacilityRewardUpToYuan));
        Assert.Empty(e.Items);
        Assert.NotEmpty(e.Assumptions);
    }
}
