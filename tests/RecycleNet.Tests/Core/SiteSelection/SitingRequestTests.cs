using System.Text.Json;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Policies;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Tests.Core.Coverage;

namespace RecycleNet.Tests.Core.SiteSelection;

/// <summary>
/// An outlet siting request is read in Core into one goal of the union (OutletSitingGoal), each with only the settings
/// it takes; no goal or two goals are one refusal naming "goal"; a policy target becomes the number of sites it lacks.
/// </summary>
public class SitingRequestTests
{
    private static readonly PolicyCatalog Policies = PolicyCatalog.Load(RepoPaths.Policies);
    private static readonly CityCatalog Cities = CityCatalog.Load(RepoPaths.Cities, Policies);

    private static (OutletSitingGoal? Goal, IReadOnlyList<RecycleNet.Core.Input.FieldError>? Errors) Read(string json, string city = "jinan")
    {
        var root = JsonDocument.Parse(json).RootElement;
        var errors = SitingRequest.TryReadOutlets(root, Policies, (Cities.Find(city)!, Cities), HandMadeCity.Build(), new SitingLimits(), out var options, out _);
        return (options?.Goal, errors);
    }

    [Fact]
    public void Each_goal_is_read_as_its_case_with_its_own_settings()
    {
        Assert.Equal(new OutletSitingGoal.Sites(3), Read("""{"sites":3}""").Goal);
        Assert.Equal(new OutletSitingGoal.Sites(3, 0.6), Read("""{"sites":3,"districtFloor":0.6}""").Goal);
        Assert.Equal(new OutletSitingGoal.CityShare(0.9), Read("""{"cityShare":0.9}""").Goal);
        Assert.Equal(new OutletSitingGoal.DistrictShare(0.8), Read("""{"districtShare":0.8}""").Goal);
        // A budget carries the price of a site: the subsidy Jinan's fixed-outlet rule gives an outlet of siteAreaM2.
        var budget = Assert.IsType<OutletSitingGoal.Budget>(Read("""{"budgetYuan":100000,"siteAreaM2":30}""").Goal);
        Assert.Equal(100_000m, budget.Yuan);
        Assert.True(budget.SiteCostYuan > 0);
        Assert.Null(budget.DistrictFloor);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"sites":2,"cityShare":0.5}""")]
    [InlineData("""{"budgetYuan":1000,"districtShare":0.5}""")]
    public void No_goal_or_two_are_refused_by_name(string json)
    {
        var (goal, errors) = Read(json);
        Assert.Null(goal);
        var error = Assert.Single(errors!);
        Assert.Equal("goal", error.Field);
        Assert.False(string.IsNullOrEmpty(error.RuleZh));
    }

    [Fact]
    public void A_policy_target_is_the_number_of_modern_outlets_it_still_lacks()
    {
        var jinan = Policies.Find("jinan-2024")!;
        var target = jinan.Targets.Where(t => t.Metric == "modernOutlets").OrderByDescending(t => t.Year).First();
        var lacking = ScorecardBuilder.Progress(target, HandMadeCity.Build()).Remaining;
        Assert.True(lacking > 0);
        Assert.Equal(new OutletSitingGoal.Sites((int)lacking!.Value, 0.5), Read("""{"reachTarget":true,"districtFloor":0.5}""").Goal);
    }
}
