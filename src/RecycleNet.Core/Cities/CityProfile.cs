using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Core.Cities;

/// <summary>One kind of siting a city's page offers, with the goals its policy supports (the first is the default).</summary>
/// <param name="Kind">outlets, sorting-centers or tiers: the route under /api/siting.</param>
/// <param name="Goals">sites, cityShare, budgetYuan, reachTarget (outlets); centers, reachTarget (sorting-centers); chain (tiers).</param>
/// <param name="Candidates">Where outlet candidates come from: communities, grid, and wasteSortingPoints where the policy merges the two networks.</param>
public sealed record SitingKind(string Kind, IReadOnlyList<string> Goals, IReadOnlyList<string> Candidates);

/// <summary>
/// What a city's policy makes of the planners' page and its defaults: whether subsidies can be estimated (and under which
/// document), which siting goals mean anything (a "reach the target" goal only where the policy sets the target), the
/// county tiers, the merged waste-sorting points. One place decides it, from the policy as data, so no tab offers one
/// city another city's rules, and a city whose policy lacks a rule is told so.
/// </summary>
public sealed record CityProfile(
    City City, Policy Policy, bool HasSubsidyRules, string? SubsidyDocument, IReadOnlyList<string> FacilityKinds,
    IReadOnlyList<SitingKind> Siting, bool HasTiers, bool MergesTwoNetworks, IReadOnlyList<int> TargetYears)
{
    /// <summary>The policy measure that asks for outlets and waste-sorting points to be merged (两网融合).</summary>
    public const string MergeMeasure = "merge-two-networks";

    public static CityProfile Of(City city, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Id != city.Policy) throw new ArgumentException($"policy {policy.Id} is not {city.Id}'s ({city.Policy})", nameof(policy));
        var rules = policy.Subsidies;
        var fixedRule = rules?.Rules.Any(r => r.AppliesTo == SubsidyItemTypes.FixedOutlet) == true;
        var merges = policy.Measures.Any(m => m.Id == MergeMeasure);
        bool Sets(string metric) => policy.Targets.Any(t => t.Metric == metric && t.Kind == "count");

        var siting = new List<SitingKind>();
        // The county chain first where the policy sets tiers: that is the network such a city builds.
        if (policy.Tiers is not null) siting.Add(new SitingKind("tiers", ["chain"], []));
        var outletGoals = new List<string>();
        if (Sets("modernOutlets")) outletGoals.Add("reachTarget");
        outletGoals.AddRange(["sites", "cityShare"]);
        if (fixedRule) outletGoals.Add("budgetYuan");
        var candidates = merges ? new[] { "wasteSortingPoints", "communities", "grid" } : ["communities", "grid"];
        var outlets = new SitingKind("outlets", outletGoals, candidates);
        var centres = new SitingKind("sorting-centers", Sets("greenSortingCenters") ? ["reachTarget", "centers"] : ["centers"], []);
        // Outlets before the chain where the policy counts outlets (Jinan); after it where it does not.
        if (Sets("modernOutlets")) siting.Insert(0, outlets); else siting.Add(outlets);
        siting.Add(centres);

        return new CityProfile(city, policy, rules is not null,
            rules is null ? null : policy.Documents.FirstOrDefault(d => d.Key == rules.Citation.Document)?.Title,
            rules?.FacilityKinds.ToList() ?? [], siting, policy.Tiers is not null, merges,
            [.. policy.Targets.Select(t => t.Year).Distinct().Order()]);
    }
}
