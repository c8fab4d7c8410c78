using NetTopologySuite.Geometries;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.Features;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Plans;

/// <summary>
/// The sites of the city's draft plans as points, for QGIS and web maps: what each plan adds, moves (at its new place),
/// re-attributes, closes, removes or merges (两网融合), with the plan's id and name (filter with ?planId=3). Feature id: plan id × 1,000,000
/// + the site's place in the plan. A plan no longer valid for the city as it is (a feature it touches was deleted) shows
/// no sites until it is mended.
/// </summary>
public static class PlanFeatures
{
    public static readonly CollectionInfo Collection = new("plan-sites", "规划方案站点 Plan sites",
        "The sites of the city's draft plans (POST /api/plans): outlets and sorting centres each plan adds, moves (at the new place), changes, closes or removes, and waste-sorting points it merges (两网融合).",
        "point",
        [
            new LayerField("planId", "integer", "the plan's id"), new LayerField("plan", "string", "the plan's name"),
            new LayerField("change", "string", "add | move | update | close | remove | merge"), new LayerField("layer", "string", "outlets | sorting-centers | waste-sorting-points"),
            new LayerField("featureId", "integer", "the existing feature's id (not for an addition)"), new LayerField("name", "string", "名称 name"),
            new LayerField("status", "string", "planned | operating | closed, as the plan makes it"),
        ]);

    public static IEnumerable<FeatureRecord> Build(IEnumerable<Plan> plans, CitySnapshot city)
    {
        foreach (var plan in plans.Where(p => p.Status == PlanStatus.Draft).OrderBy(p => p.Id))
        {
            var changes = PlanChanges.FromJson(plan.Changes);
            var applied = PlanApplier.Apply(city, changes);
            if (!applied.Valid) continue;
            var sites = applied.Added.Select(a => ("add", a.Layer, (long?)null, a.Entity))
                .Concat(applied.Replaced.Select(r => (applied.KindOf(r.Layer, r.Before.Id).Code(), r.Layer, (long?)r.Before.Id, r.After)))
                .Concat(applied.Removed.Select(r => ("remove", r.Layer, (long?)r.Before.Id, r.Before)));
            var i = 0;
            foreach (var (change, layer, featureId, e) in sites)
                yield return new FeatureRecord(plan.Id * 1_000_000 + i++, (Point)e.Geometry,
                [
                    new("planId", plan.Id), new("plan", plan.Name), new("change", change), new("layer", layer), new("featureId", featureId),
                    new("name", e.Name), new("status", ((e as Outlet)?.Status ?? (e as SortingCenter)?.Status ?? (e as WasteSortingPoint)?.Status)?.ToString().ToLowerInvariant()),
                ]);
        }
    }
}
