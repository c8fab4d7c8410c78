using RecycleNet.Core.Subsidies;
using static RecycleNet.Tests.Core.Subsidies.JinanSubsidies;

namespace RecycleNet.Tests.Core.Subsidies;

/// <summary>Each condition of Jinan's item 22 at its boundary: just short fails with its reason and remedy, exactly on passes.</summary>
public class SubsidyConditionTests
{
    [Fact]
    public void A_new_outlet_of_9_99_m2_earns_nothing_and_one_of_10_m2_earns_2000_yuan()
    {
        var e = Estimate(Fixed("small", 9.99m), Fixed("ten", 10m));
        var small = e.Item("small");
        Assert.Equal((false, 0m), (small.Eligible, small.AmountYuan));
        Assert.Equal(["new-outlet-area"], small.Unmet());
        Assert.Equal("the outlet's area is 9.99 m²; at least 10 m² is required", small.Reasons[0].Reason.En);
        Assert.Equal("needs 0.01 m² more floor area", small.Reasons[0].Remedy.En);
        Assert.Equal("面积还需增加 0.01 平方米", small.Reasons[0].Remedy.Zh);
        Assert.Equal("新建直营网点面积不低于 10 平方米", small.Reasons[0].Citation.Quote);
        Assert.Equal((true, 2000m), (e.Item("ten").Eligible, e.Item("ten").AmountYuan));
        Assert.Equal("10 m² × 200 yuan/m² = 2,000 yuan", e.Item("ten").Calculation.En);
        Assert.Equal(2000m, e.OutletSubsidyYuan);
    }

    [Theory]
    [InlineData(9, "needs 1 more directly operated outlet", "the applicant has 9 directly operated outlets; at least 10 are required")]
    [InlineData(7, "needs 3 more directly operated outlets", "the applicant has 7 directly operated outlets; at least 10 are required")]
    [InlineData(1, "needs 9 more directly operated outlets", "the applicant has 1 directly operated outlet; at least 10 are required")]
    public void Fewer_than_10_directly_operated_outlets_fail_every_fixed_outlet(int count, string remedy, string reason)
    {
        var e = Estimate(Qualified with { DirectOutletCount = count }, Fixed("F1", 35), Mobile("M1", 1000));
        var r = e.Item("F1");
        Assert.Equal(["direct-outlet-count"], r.Unmet());
        Assert.Equal((reason, remedy), (r.Reasons[0].Reason.En, r.Reasons[0].Remedy.En));
        Assert.Equal("applicant.directOutletCount", r.Reasons[0].Subject);
        Assert.True(e.Item("M1").Eligible); // the count is a fixed-outlet condition only
        Assert.Equal(200m, e.OutletSubsidyYuan);
    }

    [Fact]
    public void Exactly_10_directly_operated_outlets_qualify()
    {
        var e = Estimate(Qualified with { DirectOutletCount = 10 }, Fixed("F1", 35));
        Assert.Equal((true, 7000m), (e.Item("F1").Eligible, e.Item("F1").AmountYuan));
    }

    [Theory]
    [InlineData("9.99", false)]
    [InlineData("10", true)]
    public void The_applicants_smallest_outlet_must_be_10_m2(string smallest, bool eligible)
    {
        var e = Estimate(Qualified with { SmallestDirectOutletAreaM2 = decimal.Parse(smallest, System.Globalization.CultureInfo.InvariantCulture) }, Fixed("F1", 35));
        Assert.Equal(eligible, e.Item("F1").Eligible);
        if (!eligible)
        {
            Assert.Equal(["direct-outlet-area"], e.Item("F1").Unmet());
            Assert.Equal("enlarge every directly operated outlet under 10 m² (the smallest needs 0.01 m² more)", e.Item("F1").Reasons[0].Remedy.En);
        }
    }

    [Theory]
    [InlineData(2024, 5, 31, false, "built on 2024-05-31, 1 day before the application window (2024-06-01 to 2024-12-31)")]
    [InlineData(2024, 6, 1, true, null)]
    [InlineData(2024, 12, 31, true, null)]
    [InlineData(2025, 1, 1, false, "built on 2025-01-01, 1 day after the application window (2024-06-01 to 2024-12-31)")]
    [InlineData(2025, 1, 3, false, "built on 2025-01-03, 3 days after the application window (2024-06-01 to 2024-12-31)")]
    public void Only_outlets_built_within_the_window_both_days_included_qualify(int y, int m, int d, bool eligible, string? reason)
    {
        var r = Estimate(Fixed("F1", 35, new DateOnly(y, m, d))).Item("F1");
        Assert.Equal((eligible, eligible ? 7000m : 0m), (r.Eligible, r.AmountYuan));
        Assert.Equal(reason, r.Reasons.SingleOrDefault()?.Reason.En);
        if (!eligible) Assert.Contains("申报期", r.Reasons[0].Reason.Zh);
    }

    [Fact]
    public void A_franchised_outlet_does_not_qualify()
    {
        var r = Estimate(Fixed("F1", 35, direct: false)).Item("F1");
        Assert.Equal(["directly-operated"], r.Unmet());
        Assert.Equal("the outlet is not directly operated (直营) by the applicant", r.Reasons[0].Reason.En);
    }

    [Fact]
    public void Every_unmet_condition_is_listed_not_only_the_first()
    {
        var applicant = new SubsidyApplicant(null, false, 3, 8, 0);
        var r = Estimate(applicant, Fixed("F1", 5, new DateOnly(2023, 1, 1), direct: false)).Item("F1");
        Assert.Equal(["mofcom-registered", "direct-outlet-count", "direct-outlet-area", "directly-operated", "built-in-window", "new-outlet-area"], r.Unmet());
        Assert.Equal("needs 7 more directly operated outlets", r.Reasons[1].Remedy.En);
    }

    [Theory]
    [InlineData(19, false, "needs to serve 1 more community")]
    [InlineData(18, false, "needs to serve 2 more communities")]
    [InlineData(20, true, null)]
    public void A_mobile_station_serves_at_least_20_communities(int communities, bool eligible, string? remedy)
    {
        var r = Estimate(Mobile("M1", 100_000, communities: communities)).Item("M1");
        Assert.Equal((eligible, eligible ? 20_000m : 0m), (r.Eligible, r.AmountYuan));
        Assert.Equal(remedy, r.Reasons.SingleOrDefault()?.Remedy.En);
    }

    [Theory]
    [InlineData("11", false, "needs 1 more month of operation")]
    [InlineData("11.5", false, "needs 0.5 more months of operation")]
    [InlineData("12", true, null)]
    public void A_mobile_station_has_operated_for_a_year(string months, bool eligible, string? remedy)
    {
        var r = Estimate(Mobile("M1", 100_000, months: decimal.Parse(months, System.Globalization.CultureInfo.InvariantCulture))).Item("M1");
        Assert.Equal(eligible, r.Eligible);
        Assert.Equal(remedy, r.Reasons.SingleOrDefault()?.Remedy.En);
        if (!eligible) Assert.Equal("时间不低于一年", r.Reasons[0].Citation.Quote);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void The_applicant_owns_at_least_5_box_trucks_for_mobile_stations(int trucks, bool eligible)
    {
        var e = Estimate(Qualified with { BoxTrucks = trucks }, Mobile("M1", 100_000), Fixed("F1", 35));
        Assert.Equal(eligible, e.Item("M1").Eligible);
        if (!eligible)
        {
            Assert.Equal(["box-trucks"], e.Item("M1").Unmet());
            Assert.Equal("needs 1 more light-or-larger box truck", e.Item("M1").Reasons[0].Remedy.En);
            Assert.Equal("还需 1 辆轻型以上厢式运输货车", e.Item("M1").Reasons[0].Remedy.Zh);
        }
        Assert.True(e.Item("F1").Eligible); // trucks are a mobile-station condition only
    }

    [Fact]
    public void A_station_not_meeting_the_municipal_guideline_does_not_qualify()
    {
        var r = Estimate(Mobile("M1", 100_000, guideline: false)).Item("M1");
        Assert.Equal(["meets-guideline"], r.Unmet());
        Assert.Contains("济商务字〔2020〕63号", r.Reasons[0].Reason.En);
    }

    [Fact]
    public void Without_MOFCOM_registration_no_outlet_or_station_qualifies_but_facility_rewards_remain()
    {
        var e = Estimate(Qualified with { MofcomRegistered = false }, Fixed("F1", 35), Mobile("M1", 100_000),
            Facility("P1", "provincialIndustrialPark"));
        Assert.Equal(["mofcom-registered"], e.Item("F1").Unmet());
        Assert.Equal(["mofcom-registered"], e.Item("M1").Unmet());
        Assert.Equal("register on the MOFCOM business platform before applying", e.Item("M1").Reasons[0].Remedy.En);
        Assert.True(e.Item("P1").Eligible);
        Assert.Equal((0m, 300_000m, 300_000m), (e.OutletSubsidyYuan, e.FacilityRewardUpToYuan, e.TotalYuan));
    }

    [Theory]
    [InlineData(2024, 5, 31, false)]
    [InlineData(2024, 6, 1, true)]
    [InlineData(2024, 12, 31, true)]
    [InlineData(2025, 1, 1, false)]
    public void Facility_recognitions_count_within_the_window(int y, int m, int d, bool eligible)
    {
        var e = Estimate(Facility("P1", "provincialIndustrialPark", new DateOnly(y, m, d)), Facility("C1", "provincialSortingCenter", new DateOnly(y, m, d)));
        Assert.Equal((eligible, eligible ? 300_000m : 0m), (e.Item("P1").Eligible, e.Item("P1").AmountYuan));
        Assert.Equal((eligible, eligible ? 200_000m : 0m), (e.Item("C1").Eligible, e.Item("C1").AmountYuan));
        Assert.True(e.Item("P1").UpTo);
        Assert.Equal(eligible ? 500_000m : 0m, e.FacilityRewardUpToYuan);
        if (!eligible) Assert.Equal(["recognized-in-window"], e.Item("C1").Unmet());
    }
}
