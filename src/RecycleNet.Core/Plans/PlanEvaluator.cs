using RecycleNet.Core.Coverage;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;
using RecycleNet.Core.Volumes;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Plans;

/// <summary>A new fixed outlet's subsidy under the policy's fixed-outlet rule (per outlet, after the rule's per-item maximum).</summary>
/// <param name="Yuan">Null when the rule's basis (floor area) is not given, or the policy has no such rule.</param>
public sealed record PlanOutletCost(SpatialEntity Outlet, decimal? Yuan, string? Why);

/// <summary>What a plan would do to the city, against the city as it is: two scorecards, and the cost of its new outlets.</summary>
/// <param name="HouseholdsPer10kYuan">Households newly covered per 10,000 yuan of new-outlet subsidy; null without a cost.</param>
public sealed record PlanEvaluation(Scorecard Before, Scorecard After, PlanApplication Application, IReadOnlyList<PlanOutletCost> Costs,
    decimal? SubsidyYuan, double? HouseholdsPer10kYuan, SubsidyRule? Rule)
{
    public long HouseholdsGained => After.Coverage.City.CoveredHouseholds - Before.Coverage.City.CoveredHouseholds;
}

/// <summary>
/// Evaluates a plan: the city's scorecard (coverage city and district, targets, fair shares, hauls and centre loads,
/// tiers) before and after its changes, each new fixed outlet's subsidy under the policy's fixed-outlet rule, and
/// households gained per 10,000 yuan. The changes are applied by <see cref="PlanApplier"/>, so the "after" is exactly
/// what adopting the plan would make the layers.
/// </summary>
public static class PlanEvaluator
{
    public static PlanEvaluation Evaluate(CitySnapshot city, PlanChanges changes, WalkingGraph? graph, Policy policy, ScorecardOptions options,
        Func<CitySnapshot, IRoadDistances?> roads, VolumeInputs? volumes = null, Scorecard? before = null) =>
        Evaluate(city, PlanApplier.Apply(city, changes), graph, policy, options, roads, volumes, before);

    /// <summary>Evaluates changes already applied to <paramref name="city"/> (a caller that checked them first applies them once).</summary>
    public static PlanEvaluation Evaluate(CitySnapshot city, PlanApplication application, WalkingGraph? graph, Policy policy, ScorecardOptions options,
        Func<CitySnapshot, IRoadDistances?> roads, VolumeInputs? volumes = null, Scorecard? before = null)
    {
        if (!application.Valid) throw new ArgumentException("the plan's changes are not valid for the city: " + string.Join("; ", application.Errors.Take(3)), nameof(application));
        before ??= ScorecardBuilder.Build(city, graph, policy, null, options, roads(city), volumes);
        // The plan's city differs from today's in the outlets it touches: only the communities near those are walked again.
        var after = ScorecardBuilder.Build(application.After, graph, policy, null, options, roads(application.After), volumes, before.Coverage);

        var rule = policy.Subsidies?.Rules.FirstOrDefault(r => r.AppliesTo == SubsidyItemTypes.FixedOutlet);
        var costs = application.Added.Where(a => a.Entity is Outlet { Kind: OutletKind.Fixed })
            .Select(a => Cost((Outlet)a.Entity, rule)).ToList();
        decimal? total = rule is null ? null : costs.Sum(c => c.Yuan ?? 0);
        var gained = after.Coverage.City.CoveredHouseholds - before.Coverage.City.CoveredHouseholds;
        double? per10k = total is > 0 ? Math.Round(gained / (double)(total.Value / 10_000m), 2) : null;
        return new PlanEvaluation(before, after, application, costs, total, per10k, rule);
    }

    private static PlanOutletCost Cost(Outlet o, SubsidyRule? rule)
    {
        if (rule is null) return new PlanOutletCost(o, null, "the policy has no fixed-outlet subsidy rule");
        // The rules price a fixed outlet by its floor area (item.areaM2); an outlet without one cannot be priced.
        if (rule.Amount.Basis is { } basis && basis.EndsWith("areaM2", StringComparison.Ordinal))
            return o.AreaM2 is { } area ? new PlanOutletCost(o, SubsidyEstimator.AmountFor(rule, (decimal)area), null)
                : new PlanOutletCost(o, null, "give areaM2: the rule's amount is per square metre");
        return new PlanOutletCost(o, SubsidyEstimator.AmountFor(rule, 0), null);
    }
}
