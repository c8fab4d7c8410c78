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

    public static object Evaluation(Plan plan, PlanEvaluation e, bool summaryOnly = false)
    {
        var before = e.Before;
        var after = e.After;
        var afterDistricts = after.Districts.ToDictionary(d => d.Coverage.District.Id);
        var afterTargets = after.Targets.ToDictionary(t => t.Target.Id);
        return new
        {
            plan = new { id = plan.Id, name = plan.Name, version = plan.Version, status = plan.Status.Name() },
            before = CoverageJson.Summary(before.Coverage),
            after = CoverageJson.Summary(after.Coverage),
            householdsGained = e.HouseholdsGained,
            shareBefore = Math.Round(before.Coverage.City.Share, 4), shareAfter = Math.Round(after.Coverage.City.Share, 4),
            operatingOutletsBefore = before.OperatingOutlets, operatingOutletsAfter = after.OperatingOutlets,
            targets = before.Targets.Select(t => new
            {
                id = t.Target.Id, labelZh = t.Target.LabelZh, labelEn = t.Target.LabelEn, kind = t.Target.Kind, year = t.Target.Year, target = t.Target.Value,
                before = new { current = t.Current, status = t.Status },
                after = new { current = afterTargets[t.Target.Id].Current, status = afterTargets[t.Target.Id].Status },
            }),
            hauls = new
            {
                outletsBeyondLimitBefore = before.Hauls.Count(h => h.BeyondLimit), outletsBeyondLimitAfter = after.Hauls.Count(h => h.BeyondLimit),
                centersOverCapacityBefore = before.Centers.Count(c => c.OverCapacity), centersOverCapacityAfter = after.Centers.Count(c => c.OverCapacity),
            },
            tiers = before.Tiers is { } tb && after.Tiers is { } ta ? new
            {
                villagesServedBefore = tb.City.VillagesServed, villagesServedAfter = ta.City.VillagesServed, villages = tb.City.Villages,
                townshipsServedBefore = tb.City.TownshipsServed, townshipsServedAfter = ta.City.TownshipsServed, townships = tb.City.Townships,
            } : null,
            subsidy = new
            {
                rule = e.Rule?.Id, citation = e.Rule?.Citation, totalYuan = e.SubsidyYuan, householdsPer10kYuan = e.HouseholdsPer10kYuan,
                basis = "each new fixed outlet priced by the policy's fixed-outlet rule on its floor area, after the rule's per-outlet maximum; the applicant's own conditions (registration, directly operated outlets) are assumed met",
                basisZh = "每个新建固定型网点按政策的固定型站点补贴规则以面积计价，并受单个网点上限约束；申报主体自身条件（备案、直营网点数）假定满足",
                outlets = e.Costs.Select(c => new { name = c.Outlet.Name, lon = ((NetTopologySuite.Geometries.Point)c.Outlet.Geometry).X,
                    lat = ((NetTopologySuite.Geometries.Point)c.Outlet.Geometry).Y, areaM2 = (c.Outlet as Outlet)?.AreaM2, yuan = c.Yuan, why = c.Why }),
            },
            districts = summaryOnly ? null : before.Districts.Select(d =>
            {
                var a = afterDistricts[d.Coverage.District.Id];
                return new
                {
                    id = d.Coverage.District.Id, name = d.Coverage.District.Name, households = d.Coverage.Totals.Households,
                    coveredBefore = d.Coverage.Totals.CoveredHouseholds, coveredAfter = a.Coverage.Totals.CoveredHouseholds,
                    shareBefore = Math.Round(d.Coverage.Totals.Share, 4), shareAfter = Math.Round(a.Coverage.Totals.Share, 4),
                    outletsBefore = d.Coverage.OperatingOutlets, outletsAfter = a.Coverage.OperatingOutlets,
                    shortfallBefore = d.Shortfall, shortfallAfter = a.Shortfall,
                    changed = d.Coverage.Totals.CoveredHouseholds != a.Coverage.Totals.CoveredHouseholds || d.Coverage.OperatingOutlets != a.Coverage.OperatingOutlets,
                };
            }),
            changes = new
            {
                added = e.Application.Added.Count, changed = e.Application.Replaced.Count, removed = e.Application.Removed.Count,
                moved = e.Application.Kinds.Values.Count(k => k == Core.Plans.PlanChangeKind.Move),
                closed = e.Application.Kinds.Values.Count(k => k == Core.Plans.PlanChangeKind.Close),
                updated = e.Application.Kinds.Values.Count(k => k == Core.Plans.PlanChangeKind.Update),
                merged = e.Application.Kinds.Values.Count(k => k == Core.Plans.PlanChangeKind.Merge),
            },
            // Valid but odd changes (closing a closed outlet, changing a planned one that stays planned): said, not silent.
            warnings = Problems.Listed(e.Application.Warnings),
        };
    }
}
