using RecycleNet.Core.Coverage;
using RecycleNet.Core.Network;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Tests.Core.Coverage;
using static RecycleNet.Tests.Core.Network.TestNetworks;

namespace RecycleNet.Tests.Core.SiteSelection;

/// <summary>Outlet siting on <see cref="HandMadeCity"/>: uncovered are C2 (800 hh, south bank), C5 (300, beyond the streets) and C6 (200, in the river).</summary>
public class OutletSitingTests
{
    private static readonly WalkingOptions Walk = new() { SnapDistanceM = 60 };

    private static OutletSitingResult Plan(OutletSitingOptions o) =>
        OutletSiting.Plan(HandMadeCity.Build(), RiverWithOneBridge(), o with { Walking = Walk });

    [Fact]
    public void One_more_outlet_goes_where_the_most_uncovered_households_are()
    {
        var r = Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.Sites(1) });
        var p = Assert.Single(r.Proposals);
        Assert.Equal(("C2", 800L, 1), (p.Label, p.HouseholdsGained, p.Rank));
        Assert.Equal(DistanceMethod.Network, p.Method);
        Assert.Equal("西区", p.District!.Name);
        Assert.Equal(2000, r.Before.CoveredHouseholds); // F1, F4 and M1 stay and are not counted as gains
        Assert.Equal(2800, r.After.CoveredHouseholds);
        Assert.Equal(2800.0 / 3300, p.CumulativeShare, 9);
        Assert.Equal(0, r.Solution.Gap);
    }

    [Fact]
    public void Two_outlets_add_the_community_beyond_the_streets_and_never_the_unreachable_one()
    {
        var r = Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.Sites(3) });
        // C6 in the river cannot be covered by anyone: two sites suffice and a third would add nothing.
        Assert.Equal(["C2", "C5"], r.Proposals.Select(p => p.Label));
        Assert.Equal([800L, 300L], r.Proposals.Select(p => p.HouseholdsGained));
        Assert.Equal(3100, r.After.CoveredHouseholds);
    }

    [Fact]
    public void A_share_goal_takes_the_fewest_sites_and_proves_no_fewer_would_do()
    {
        var r = Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.CityShare(0.7) }); // 2,310 of 3,300: 310 more than today
        Assert.True(r.GoalReached);
        Assert.Single(r.Proposals);
        Assert.Equal(1, r.SitesNeededLowerBound);
        var all = Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.CityShare(1.0) }); // C6 is unreachable
        Assert.False(all.GoalReached);
        Assert.Equal(2, all.Proposals.Count);
    }

    [Fact]
    public void A_budget_buys_as_many_sites_as_it_pays_for()
    {
        var r = Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.Budget(25_000, 10_000) });
        Assert.Equal(2, r.Proposals.Count);
        Assert.Throws<ArgumentException>(() => Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.Budget(25_000, 0) })); // a site must have a price
    }

    [Fact]
    public void Grid_and_uploaded_candidates_work_like_community_candidates()
    {
        var grid = Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.Sites(1), Candidates = CandidateSource.Grid, GridSpacingM = 100 });
        Assert.True(grid.CandidateCount > 1000);
        Assert.Equal(800, grid.Proposals[0].HouseholdsGained);
        var (lon, lat) = LonLat(-450, -100);
        var uploaded = Plan(new OutletSitingOptions
        {
            Goal = new OutletSitingGoal.Sites(1), Candidates = CandidateSource.Uploaded, UploadedSites = [new PlannedSite("空置门面", lon, lat)],
        });
        Assert.Equal(("空置门面", 800L), (uploaded.Proposals[0].Label, uploaded.Proposals[0].HouseholdsGained));
    }

    [Fact]
    public void The_exact_solver_confirms_the_plan_with_no_gap()
    {
        var r = Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.Sites(2), Exact = true, Candidates = CandidateSource.Grid, GridSpacingM = 200 });
        Assert.Equal(0, r.Solution.Gap);
        Assert.Equal(1100, r.Proposals.Sum(p => p.HouseholdsGained));
    }
}

public class OutletSitingDistrictTests
{
    private static OutletSitingResult Plan(OutletSitingOptions o) =>
        OutletSiting.Plan(HandMadeCity.Build(), RiverWithOneBridge(), o with { Walking = new WalkingOptions { SnapDistanceM = 60 } });

    [Fact]
    public void Every_district_reaching_a_share_takes_a_site_in_each()
    {
        // West: 1,000 of 2,000 covered, needs 1,600 (C2 gives 800); East: 1,000 of 1,300, needs 1,040 (C5 gives 300).
        var r = Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.DistrictShare(0.8) });
        Assert.True(r.GoalReached);
        Assert.Equal(["C2", "C5"], r.Proposals.Select(p => p.Label));
        Assert.Equal(1, r.SitesNeededLowerBound); // each district alone could be lifted by one site
    }

    [Fact]
    public void A_fairness_floor_that_one_site_cannot_meet_is_reported_unmet()
    {
        Assert.False(Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.Sites(1, DistrictFloor: 0.8) }).GoalReached);
        var two = Plan(new OutletSitingOptions { Goal = new OutletSitingGoal.Sites(2, DistrictFloor: 0.8) });
        Assert.True(two.GoalReached);
        Assert.Equal(1100, two.Proposals.Sum(p => p.HouseholdsGained));
    }

    [Fact]
    public void Uploaded_sites_with_their_own_costs_are_planned_within_the_budget()
    {
        var (a, b) = (LonLat(-450, -100), LonLat(1500, 800));
        var r = Plan(new OutletSitingOptions
        {
            Goal = new OutletSitingGoal.Budget(9_000, 4_000), Candidates = CandidateSource.Uploaded,
            UploadedSites = [new PlannedSite("大门面", a.Lon, a.Lat), new PlannedSite("小门面", b.Lon, b.Lat)],
            UploadedCostsYuan = [8_000m, null],
        });
        // Both together cost 12,000: the 8,000 one covers 800 households, the 4,000 one 300.
        Assert.Equal(["大门面"], r.Proposals.Select(p => p.Label));
    }
}
