using RecycleNet.Api.Http;
using RecycleNet.Core.Model;
using RecycleNet.Core.Plans;
using RecycleNet.Api.Coverage;

namespace RecycleNet.Api.Plans;

/// <summary>Plans and their evaluations as the API writes them.</summary>
public static class PlanJson
{
    public static PlanSummaryAnswer Summary(Plan p)
    {
        var c = PlanChanges.FromJson(p.Changes);
        return new PlanSummaryAnswer(p.Id, p.Name, p.Author.Length == 0 ? null : p.Author, p.Status.Name(), p.Version, Utc(p.Created), Utc(p.Updated),
            p.AdoptedAt is { } a ? Utc(a) : null, p.AdoptedBy, p.RevertOf,
            new PlanCountsAnswer(c.Add.Count, c.Move.Count, c.Close.Count, c.Update.Count, c.Remove.Count, c.Merge.Count));
    }

    /// <summary>
    /// The plans as a reader may see them: a planner sees who wrote and adopted each; anyone else no key's name (the
    /// plans are read untracked, so blanking them changes nothing stored).
    /// </summary>
    public static async Task<T> ForReaderAsync<T>(HttpContext http, T plans) where T : IEnumerable<Plan>
    {
        if (await Auth.Access.SeesAuthorsAsync(http)) return plans;
        foreach (var p in plans) (p.Author, p.AdoptedBy) = ("", null);
        return plans;
    }

    public static PlanAnswer Full(Plan p) => new(Summary(p), PlanChanges.FromJson(p.Changes));

    private static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);

    public static PlanEvaluationAnswer Evaluation(Plan plan, PlanEvaluation e, bool summaryOnly = false)
    {
        var before = e.Before;
        var after = e.After;
        var afterDistricts = after.Districts.ToDictionary(d => d.Coverage.District.Id);
        var afterTargets = after.Targets.ToDictionary(t => t.Target.Id);
        var kinds = e.Application.Kinds.Values;
        return new PlanEvaluationAnswer(new PlanRefAnswer(plan.Id, plan.Name, plan.Version, plan.Status.Name()),
            CoverageJson.Summary(before.Coverage), CoverageJson.Summary(after.Coverage), e.HouseholdsGained,
            Math.Round(before.Coverage.City.Share, 4), Math.Round(after.Coverage.City.Share, 4), before.OperatingOutlets, after.OperatingOutlets,
            [.. before.Targets.Select(t => new PlanTargetAnswer(t.Target.Id, t.Target.LabelZh, t.Target.LabelEn, t.Target.Kind, t.Target.Year, t.Target.Value,
                new TargetStateAnswer(t.Current, t.Status), new TargetStateAnswer(afterTargets[t.Target.Id].Current, afterTargets[t.Target.Id].Status)))],
            new PlanHaulsAnswer(before.Hauls.Count(h => h.BeyondLimit), after.Hauls.Count(h => h.BeyondLimit),
                before.Centers.Count(c => c.OverCapacity), after.Centers.Count(c => c.OverCapacity)),
            before.Tiers is { } tb && after.Tiers is { } ta
                ? new PlanTiersAnswer(tb.City.VillagesServed, ta.City.VillagesServed, tb.City.Villages, tb.City.TownshipsServed, ta.City.TownshipsServed, tb.City.Townships)
                : null,
            new PlanSubsidyAnswer(e.Rule?.Id, e.Rule?.Citation, e.SubsidyYuan, e.HouseholdsPer10kYuan,
                "each new fixed outlet priced by the policy's fixed-outlet rule on its floor area, after the rule's per-outlet maximum; the applicant's own conditions (registration, directly operated outlets) are assumed met",
                "每个新建固定型网点按政策的固定型站点补贴规则以面积计价，并受单个网点上限约束；申报主体自身条件（备案、直营网点数）假定满足",
                [.. e.Costs.Select(c => new PlanOutletCostAnswer(c.Outlet.Name, ((NetTopologySuite.Geometries.Point)c.Outlet.Geometry).X,
                    ((NetTopologySuite.Geometries.Point)c.Outlet.Geometry).Y, (c.Outlet as Outlet)?.AreaM2, c.Yuan, c.Why))]),
            summaryOnly ? null : [.. before.Districts.Select(d =>
            {
                var a = afterDistricts[d.Coverage.District.Id];
                return new PlanDistrictAnswer(d.Coverage.District.Id, d.Coverage.District.Name, d.Coverage.Totals.Households,
                    d.Coverage.Totals.CoveredHouseholds, a.Coverage.Totals.CoveredHouseholds,
                    Math.Round(d.Coverage.Totals.Share, 4), Math.Round(a.Coverage.Totals.Share, 4),
                    d.Coverage.OperatingOutlets, a.Coverage.OperatingOutlets, d.Shortfall, a.Shortfall,
                    d.Coverage.Totals.CoveredHouseholds != a.Coverage.Totals.CoveredHouseholds || d.Coverage.OperatingOutlets != a.Coverage.OperatingOutlets);
            })],
            new PlanChangeCountsAnswer(e.Application.Added.Count, e.Application.Replaced.Count, e.Application.Removed.Count,
                kinds.Count(k => k == PlanChangeKind.Move), kinds.Count(k => k == PlanChangeKind.Close), kinds.Count(k => k == PlanChangeKind.Update),
                kinds.Count(k => k == PlanChangeKind.Merge)),
            // Valid but odd changes (closing a closed outlet, changing a planned one that stays planned): said, not silent.
            Problems.Listed(e.Application.Warnings));
    }
}
