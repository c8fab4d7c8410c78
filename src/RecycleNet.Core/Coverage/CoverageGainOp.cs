using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Coverage;

/// <summary>A planned outlet location, WGS84 degrees.</summary>
public sealed record PlannedSite(string Id, double Lon, double Lat);

/// <summary>Communities, households and residents a site (or a set of sites) would newly bring within the walk.</summary>
public sealed record GainTotals(int Communities, long Households, long Population);

/// <summary>
/// One planned site's gain on its own (against today's outlets, not the other planned ones). District is the
/// district it lies in (or within the tolerance of); null when none.
/// </summary>
public sealed record SiteGain(PlannedSite Site, DistanceMethod Method, double? SnapDistanceM, District? District,
    GainTotals Gained, IReadOnlyList<long> CommunityIds);

/// <summary>Coverage before and after all planned sites together; <see cref="Combined"/> counts each community once.</summary>
public sealed record CoverageGain(WalkingOptions Walking, CoverageTotals Before, CoverageTotals After, GainTotals Combined,
    IReadOnlyList<SiteGain> Sites, string? NetworkSource)
{
    /// <summary>"network", "straightLine" or "mixed": how the planned sites were measured.</summary>
    public string Method => DistanceMethods.Summarize(Sites.Select(s => s.Method), NetworkSource is not null);
}

/// <summary>
/// What planned outlets would add to coverage: the communities uncovered today that a site would bring within the
/// walking limit. The same rules as <see cref="CoverageScorer"/>: a site on the network reaches communities on the
/// network along streets; a site beyond the network's area reaches every community not marked unreachable in a
/// straight line × circuity; an unreachable site reaches none. One bounded search per site.
/// Cost: one coverage run + O(S × (E' log V' + U)) for S sites, U uncovered communities, E' edges within the limit.
/// </summary>
public static class CoverageGainOp
{
    public static CoverageGain Measure(CitySnapshot city, WalkingGraph? graph, IReadOnlyList<PlannedSite> sites, CoverageOptions options)
    {
        var walk = options.Walking;
        var before = CoverageScorer.Score(city, graph, options with { MeasureBeyondLimit = false });
        var projection = graph?.Projection ?? LocalProjection.ForArea(city.CentreLongitude());
        // The report lists the communities in the snapshot's order, so their places line up with it.
        var places = CommunityPlaces.Of(city.Communities, graph, projection, walk.SnapDistanceM);
        var open = before.Communities.Select((c, i) => (Row: c, Place: places[i])).Where(c => !c.Row.Covered)
            .Select(c => (c.Row, c.Place.X, c.Place.Y, c.Place.Method, c.Place.Snap)).ToArray();

        var reached = new List<int>[sites.Count];
        var located = new (DistanceMethod Method, SnapPoint? Snap)[sites.Count];
        Parallel.For(0, sites.Count, k =>
        {
            var (x, y) = projection.Project(sites[k].Lon, sites[k].Lat);
            var (method, snap) = located[k] = WalkingAccess.Locate(graph, x, y, walk.SnapDistanceM);
            var hits = reached[k] = [];
            if (snap is { } s)
            {
                using var tree = NetworkSearch.Run(graph!, [new WalkSource(s, 0)], walk.LimitM);
                for (var i = 0; i < open.Length; i++)
                    if (open[i].Snap is { } cs && tree.DistanceTo(cs).DistanceM <= walk.LimitM) hits.Add(i);
            }
            else if (method == DistanceMethod.StraightLine)
            {
                for (var i = 0; i < open.Length; i++)
                {
                    if (open[i].Method == DistanceMethod.Unreachable) continue;
                    var (dx, dy) = (open[i].X - x, open[i].Y - y);
                    if (Math.Sqrt(dx * dx + dy * dy) * walk.Circuity <= walk.LimitM) hits.Add(i);
                }
            }
        });

        // The district lookup caches projected outlines, so it runs on one thread.
        var locator = new DistrictLocator(city.Districts);
        var union = new HashSet<int>();
        var gains = new List<SiteGain>(sites.Count);
        for (var k = 0; k < sites.Count; k++)
        {
            union.UnionWith(reached[k]);
            var (district, distance) = locator.IsEmpty ? (null, double.PositiveInfinity)
                : locator.Locate(new Point(sites[k].Lon, sites[k].Lat));
            gains.Add(new SiteGain(sites[k], located[k].Method, located[k].Snap?.DistanceM,
                distance <= options.DistrictToleranceM ? district : null,
                Sum(reached[k].Select(i => open[i].Row)), reached[k].Select(i => open[i].Row.Community.Id).ToList()));
        }
        var all = Sum(union.Select(i => open[i].Row));
        var b = before.City;
        var after = b with
        {
            CoveredCommunities = b.CoveredCommunities + all.Communities,
            CoveredHouseholds = b.CoveredHouseholds + all.Households,
            CoveredPopulation = b.CoveredPopulation + all.Population,
        };
        return new CoverageGain(walk, b, after, all, gains, graph?.Source);
    }

    private static GainTotals Sum(IEnumerable<CommunityCoverage> rows)
    {
        int n = 0; long hh = 0, pop = 0;
        foreach (var r in rows) { n++; hh += r.Community.Households; pop += r.Population; }
        return new GainTotals(n, hh, pop);
    }
}
