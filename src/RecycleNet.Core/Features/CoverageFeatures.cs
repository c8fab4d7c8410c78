using RecycleNet.Core.Coverage;
using RecycleNet.Core.Isochrones;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Features;

/// <summary>
/// The coverage analyses as features, one shape for every output (the /api routes, OGC collections, exports):
/// life circles (one polygon per operating fixed outlet, id = the outlet's id) and coverage gaps (the uncovered
/// communities, id = the community's id). Methods are named as in JSON: network, straightLine, unreachable.
/// </summary>
public static class CoverageFeatures
{
    /// <summary>The query parameters the computed collections take.</summary>
    public static readonly IReadOnlyList<string> WalkParameters = ["minutes", "speedKmh"];

    public static readonly CollectionInfo LifeCircles = new("life-circles", "一刻钟生活圈 15-minute life circles",
        "The area within the walk of each operating fixed outlet (default 15 minutes at 4.5 km/h; ?minutes=&speedKmh=). " +
        "Along the walking network when one is loaded, else a straight-line circle; `method` says which.",
        "polygon",
        [
            new("outletId", "integer", "id of the outlet"), new("outletName", "string", "name of the outlet"),
            new("modern", "boolean", "the outlet is a modern outlet"), new("method", "string", "network | straightLine | unreachable"),
            new("minutes", "number", "walking minutes"), new("speedKmh", "number", "walking speed, km/h"),
            new("limitM", "number", "walking distance, m"), new("areaM2", "number", "area of the life circle, m²"),
            new("radiusM", "number", "straight-line mode: the circle's radius, m"), new("snapDistanceM", "number", "network mode: from the outlet to its street, m"),
        ], Parameters: WalkParameters);

    public static readonly CollectionInfo Gaps = new("coverage-gaps", "覆盖缺口 Coverage gaps",
        "Communities no operating outlet covers (default 15 minutes at 4.5 km/h; ?minutes=&speedKmh=), with the walk to the nearest outlet.",
        "point",
        [
            new("name", "string", "名称 name"), new("households", "integer", "户数 households"), new("population", "integer", "residents (estimated where unknown)"),
            new("district", "string", "district name"), new("method", "string", "network | straightLine | unreachable"),
            new("reachable", "boolean", "some outlet can be reached at all"), new("distanceM", "number", "walk to the nearest operating fixed outlet, m"),
            new("nearestOutletId", "integer", "id of that outlet (null when it is a merged waste-sorting point)"), new("nearestOutletName", "string", "name of that outlet or point"),
            new("nearestMergedPointId", "integer", "id of the waste-sorting point, when the nearest is one that takes recyclables (两网融合)"),
        ], Parameters: WalkParameters);

    public static readonly CollectionInfo DistrictCoverage = new("district-coverage", "区县覆盖率 District coverage",
        "Each district with the households a walk to an operating outlet covers (default 15 minutes at 4.5 km/h; ?minutes=&speedKmh=): " +
        "the page's choropleth, and its style (QML, SLD) the page's classes.",
        "polygon",
        [
            new("name", "string", "名称 name"), new("adcode", "string", "行政区划代码 administrative division code"),
            new("households", "integer", "户数 households"), new("coveredHouseholds", "integer", "已覆盖户数 households covered"),
            new("share", "number", "覆盖率 covered households / households, 0–1"), new("operatingOutlets", "integer", "运营网点 operating outlets"),
            new("modernOperatingOutlets", "integer", "现代化网点 modern operating outlets"),
            new("minutes", "number", "walking minutes"), new("speedKmh", "number", "walking speed, km/h"),
        ], Parameters: WalkParameters);

    /// <summary>Each district of a coverage report, on its outline.</summary>
    public static IReadOnlyList<FeatureRecord> BuildDistrictCoverage(CitySnapshot city, CoverageReport report)
    {
        var outlines = city.Districts.ToDictionary(d => d.Id);
        return report.Districts.Where(d => outlines.ContainsKey(d.District.Id)).Select(d => new FeatureRecord(d.District.Id, outlines[d.District.Id].Geometry,
        [
            P("name", d.District.Name), P("adcode", d.District.Adcode), P("households", d.Totals.Households), P("coveredHouseholds", d.Totals.CoveredHouseholds),
            P("share", Math.Round(d.Totals.Share, 4)), P("operatingOutlets", d.OperatingOutlets), P("modernOperatingOutlets", d.ModernOperatingOutlets),
            P("minutes", report.Walking.Minutes), P("speedKmh", report.Walking.SpeedKmh),
        ])).ToList();
    }

    /// <summary>One life circle per operating fixed outlet, computed in parallel. Empty circles have an empty geometry.</summary>
    public static IReadOnlyList<FeatureRecord> BuildLifeCircles(CitySnapshot city, WalkingGraph? graph, IsochroneOptions options, CancellationToken ct = default)
    {
        var outlets = city.OperatingFixedOutlets.ToList();
        var circles = new Isochrone[outlets.Count];
        Parallel.For(0, outlets.Count, new ParallelOptions { CancellationToken = ct },
            i => circles[i] = IsochroneOp.Compute(graph, outlets[i].Location.X, outlets[i].Location.Y, options));
        var walk = options.Walking;
        return outlets.Select((o, i) =>
        {
            var c = circles[i];
            return new FeatureRecord(o.Id, c.Geometry,
            [
                P("outletId", o.Id), P("outletName", o.Name), P("modern", o.Modern), P("method", Name(c.Method)),
                P("minutes", walk.Minutes), P("speedKmh", walk.SpeedKmh), P("limitM", Math.Round(c.LimitM, 1)),
                P("areaM2", Math.Round(c.AreaM2)), P("radiusM", c.RadiusM is { } r ? Math.Round(r, 1) : null),
                P("snapDistanceM", c.SnapDistanceM is { } s ? Math.Round(s, 1) : null),
            ]);
        }).ToList();
    }

    /// <summary>The uncovered communities of a coverage report, largest households first (ties by id).</summary>
    public static IReadOnlyList<FeatureRecord> BuildGaps(CitySnapshot city, CoverageReport report)
    {
        var districts = city.Districts.ToDictionary(d => d.Id, d => d.Name);
        // The nearest is an outlet or a merged point's stand-in: each is named by its own layer's id, never by a signed one.
        var nearest = city.FixedRecyclingPoints.ToDictionary(o => o.Id);
        return report.Communities.Where(c => !c.Covered)
            .OrderByDescending(c => c.Community.Households).ThenBy(c => c.Community.Id)
            .Select(g =>
            {
                var c = g.Community;
                var n = g.NearestOutletId is { } id ? nearest.GetValueOrDefault(id) : null;
                return new FeatureRecord(c.Id, c.Geometry,
                [
                    P("name", c.Name), P("households", (long)c.Households), P("population", g.Population),
                    P("district", c.DistrictId is { } d ? districts.GetValueOrDefault(d) : null), P("method", Name(g.Method)),
                    P("reachable", g.DistanceM is not null), P("distanceM", g.DistanceM is { } m ? Math.Round(m, 1) : null),
                    P("nearestOutletId", n is { IsMergedPoint: false } ? n.Id : null), P("nearestOutletName", n?.Name),
                    P("nearestMergedPointId", n?.MergedPointId),
                ]);
            }).ToList();
    }

    public static string Name(DistanceMethod m) => m switch
    {
        DistanceMethod.Network => "network",
        DistanceMethod.StraightLine => "straightLine",
        _ => "unreachable",
    };

    /// <summary>The method a feature's "method" property names.</summary>
    public static DistanceMethod MethodOf(FeatureRecord f) => f["method"] switch
    {
        "network" => DistanceMethod.Network,
        "straightLine" => DistanceMethod.StraightLine,
        _ => DistanceMethod.Unreachable,
    };

    private static KeyValuePair<string, object?> P(string name, object? value) => new(name, value);
}
