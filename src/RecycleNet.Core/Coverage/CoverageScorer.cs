using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Coverage;

/// <summary>Options of a coverage run.</summary>
public sealed record CoverageOptions
{
    public WalkingOptions Walking { get; init; } = new();

    /// <summary>
    /// Measure the walk to the nearest outlet even beyond the limit (for the gaps list: "1,900 m away").
    /// Costs a search over the whole network instead of only the life circles.
    /// </summary>
    public bool MeasureBeyondLimit { get; init; }

    /// <summary>Persons per household where neither the community nor its district says (China's 2020 census mean: 2.62).</summary>
    public double FallbackHouseholdSize { get; init; } = 2.62;

    /// <summary>How far outside every district outline an outlet may lie and still count for the nearest district, metres.</summary>
    public double DistrictToleranceM { get; init; } = DistrictLocator.ToleranceM;
}

/// <summary>
/// Who lives within the walk of a recycling outlet. A community is covered when the walk to the nearest
/// operating fixed outlet is within the limit, or an operating mobile station lists it among the communities
/// it serves. The whole city is computed at once: one multi-source Dijkstra from every operating fixed outlet
/// (network mode), an STR-tree nearest-neighbour query (straight-line mode), then one pass over communities.
/// Cost: O(E' log V') for the E' edges within the limit of some outlet + O(C log O) for C communities.
/// </summary>
public static class CoverageScorer
{
    /// <summary>Changed places (an outlet's old and new) beyond which a scoring against a basis measures the whole city again.</summary>
    private const int MaxChangesAgainstBasis = 256;

    /// <param name="basis">
    /// A report of the same communities (the same list), graph and options for other outlets — today's city, when a
    /// what-if or a plan is scored. A walk is never shorter than the straight line between its ends, so only the
    /// communities within the walking limit (straight line) of an outlet that was added, moved or closed can change:
    /// those are measured again, from the outlets within the limit of them, and the others keep the basis's answer.
    /// Equal to a full run; a handful of changes costs a small search instead of the city's.
    /// </param>
    public static CoverageReport Score(CitySnapshot city, WalkingGraph? graph, CoverageOptions options, CoverageReport? basis = null)
    {
        var walk = options.Walking;
        if (walk.Validate() is { } bad) throw new ArgumentException($"{bad.Field} {bad.Rule}", nameof(options));
        var projection = graph?.Projection ?? LocalProjection.ForArea(city.CentreLongitude());
        var locator = new DistrictLocator(city.Districts);
        var districtsById = city.Districts.ToDictionary(d => d.Id);

        // Operating fixed outlets: each on the network, measured in a straight line, or unreachable.
        var fixedOutlets = city.FixedRecyclingPoints.ToList(); // merged waste-sorting points (两网融合) take recyclables too
        var access = new List<OutletAccess>(fixedOutlets.Count);
        var sources = new List<WalkSource>();
        var straight = new STRtree<int>();
        var straightCount = 0;
        var xy = new (double X, double Y)[fixedOutlets.Count];
        for (var i = 0; i < fixedOutlets.Count; i++)
        {
            var o = fixedOutlets[i];
            xy[i] = projection.Project(o.Location.X, o.Location.Y);
            var (method, snap) = WalkingAccess.Locate(graph, xy[i].X, xy[i].Y, walk.SnapDistanceM);
            access.Add(new OutletAccess(o, method, snap?.DistanceM, DistrictOf(locator, o, options)));
            if (snap is { } s) sources.Add(new WalkSource(s, i));
            // Outlets off the network's area reach residents in a straight line; those are all of them without a network.
            if (method == DistanceMethod.StraightLine) { straight.Insert(new Envelope(xy[i].X, xy[i].X, xy[i].Y, xy[i].Y), i); straightCount++; }
        }
        straight.Build();
        var bound = options.MeasureBeyondLimit ? double.PositiveInfinity : walk.LimitM;
        var points = new Dictionary<long, (double X, double Y)>(fixedOutlets.Count);
        for (var i = 0; i < fixedOutlets.Count; i++) points[fixedOutlets[i].Id] = xy[i];
        var places = CommunityPlaces.Of(city.Communities, graph, projection, walk.SnapDistanceM);
        var remeasure = Remeasured(city, graph, options, basis, points, places);
        if (remeasure is not null)
        {
            // Only outlets within the limit of a community measured again can reach it.
            var near = new HashSet<int>();
            for (var i = 0; i < fixedOutlets.Count; i++)
                foreach (var c in remeasure)
                    if (Within(xy[i], (places[c].X, places[c].Y), walk.LimitM)) { near.Add(i); break; }
            sources = [.. sources.Where(s => near.Contains(s.Label))];
        }
        var trees = graph is not null && sources.Count > 0 ? SearchInParts(graph, sources, bound) : [];

        var servedBy = new Dictionary<long, long>();
        foreach (var m in city.OperatingMobileStations.OrderBy(m => m.Id))
            foreach (var id in m.ServedCommunityIds) servedBy.TryAdd(id, m.Id);

        var results = new List<CommunityCoverage>(city.Communities.Count);
        var measure = remeasure?.ToHashSet();
        for (var i = 0; i < places.Length; i++)
        {
            var c = city.Communities[i];
            var (x, y, method, snap) = places[i];
            double best = double.PositiveInfinity; long? nearestId = null;
            if (measure is not null && !measure.Contains(i))
            {
                // Beyond the limit of every changed outlet: the basis's answer stands.
                var kept = basis!.Communities[i];
                (best, nearestId) = (kept.DistanceM ?? double.PositiveInfinity, kept.NearestOutletId);
            }
            else
            {
                var nearest = -1;
                if (snap is { } s)
                    foreach (var tree in trees)
                        if (tree.DistanceTo(s) is var (d, l) && d < best) (best, nearest) = (d, l);
                if (method != DistanceMethod.Unreachable && straightCount > 0)
                {
                    // Straight-line outlets: those beyond the network, or all of them when there is none.
                    var k = straight.NearestNeighbour(new Envelope(x, x, y, y), -1, Geography.PointDistance.Instance);
                    var d = Math.Sqrt((xy[k].X - x) * (xy[k].X - x) + (xy[k].Y - y) * (xy[k].Y - y)) * walk.Circuity;
                    if (d < best && (options.MeasureBeyondLimit || d <= walk.LimitM)) (best, nearest) = (d, k);
                }
                if (nearest >= 0) nearestId = fixedOutlets[nearest].Id;
            }
            var withinWalk = best <= walk.LimitM;
            var mobile = servedBy.TryGetValue(c.Id, out var mid) ? mid : (long?)null;
            var by = withinWalk ? CoveredBy.FixedOutlet : mobile is not null ? CoveredBy.MobileStation : CoveredBy.None;
            var (population, estimated) = PopulationOf(c, districtsById, options);
            results.Add(new CommunityCoverage(c, by != CoveredBy.None, by, method,
                double.IsFinite(best) ? best : null, nearestId, mobile, population, estimated));
        }

        var byDistrict = results.Where(r => r.Community.DistrictId is not null).ToLookup(r => r.Community.DistrictId!.Value);
        // A district's outlets are outlets: merged waste-sorting points cover residents but are not counted as outlets.
        var fixedIn = access.Where(a => a.District is not null && !a.Outlet.IsMergedPoint).ToLookup(a => a.District!.Id, a => a.Outlet);
        var mobileIn = city.OperatingMobileStations.Select(m => (Outlet: m, District: DistrictOf(locator, m, options)))
            .Where(m => m.District is not null).ToLookup(m => m.District!.Id, m => m.Outlet);
        var districts = city.Districts.Select(d =>
        {
            var (fixedHere, mobileHere) = (fixedIn[d.Id].Count(), mobileIn[d.Id].Count());
            var modern = fixedIn[d.Id].Concat(mobileIn[d.Id]).Count(o => o.Modern);
            return new DistrictCoverage(d, Totals(byDistrict[d.Id]), fixedHere + mobileHere, fixedHere, mobileHere, modern);
        }).ToList();
        foreach (var tree in trees) tree.Dispose();
        return new CoverageReport(walk, Totals(results), districts, results, access, graph?.Source)
        {
            Basis = new CoverageBasis(city.Communities, graph, options, points),
        };
    }

    /// <summary>
    /// The communities to measure again against <paramref name="basis"/>: those within the limit of an outlet added,
    /// removed or moved. Null when the basis does not apply (other communities, graph or options, distances measured
    /// beyond the limit, or too many changes): then every community is measured.
    /// </summary>
    private static List<int>? Remeasured(CitySnapshot city, WalkingGraph? graph, CoverageOptions options, CoverageReport? basis,
        Dictionary<long, (double X, double Y)> points, CommunityPlace[] places)
    {
        if (basis?.Basis is not { } b || options.MeasureBeyondLimit || !ReferenceEquals(b.Communities, city.Communities)
            || b.Graph != graph || b.Options != options || basis.Communities.Count != places.Length) return null;
        var changed = new List<(double X, double Y)>();
        foreach (var (id, at) in points)
            if (!b.Points.TryGetValue(id, out var was) || was != at) changed.Add(at);
        foreach (var (id, was) in b.Points)
            if (!points.TryGetValue(id, out var at) || was != at) changed.Add(was);
        if (changed.Count > MaxChangesAgainstBasis) return null;
        var limit = options.Walking.LimitM;
        var list = new List<int>();
        for (var i = 0; i < places.Length; i++)
            foreach (var at in changed)
                if (Within(at, (places[i].X, places[i].Y), limit)) { list.Add(i); break; }
        // Changes all over the city: measuring half of it again costs as much as measuring all of it.
        return list.Count * 2 > places.Length ? null : list;
    }

    // A hair beyond the limit too: rounding in the projection must not leave out a community at exactly the limit.
    private static bool Within((double X, double Y) a, (double X, double Y) b, double limit) =>
        (a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y) <= (limit + 0.01) * (limit + 0.01);

    /// <summary>Outlets per search below which one search is run: splitting a small city gains nothing.</summary>
    private const int SourcesPerPart = 64;

    /// <summary>
    /// The multi-source search, split west to east into one search per core (up to 4) run side by side: each reaches
    /// the streets around its own outlets, and a community takes the nearest answer of all (a street within reach of
    /// outlets in two parts is searched by both, so the answer is the one search's). On one core, or for a small city,
    /// it is the one search.
    /// </summary>
    private static ShortestPathTree[] SearchInParts(WalkingGraph graph, List<WalkSource> sources, double bound)
    {
        var parts = Math.Clamp(Math.Min(Environment.ProcessorCount, sources.Count / SourcesPerPart), 1, 4);
        if (parts == 1) return [NetworkSearch.Run(graph, sources, bound)];
        var westToEast = sources.OrderBy(s => s.At.X).ToArray();
        var trees = new ShortestPathTree[parts];
        Parallel.For(0, parts, p =>
        {
            var (from, to) = (westToEast.Length * p / parts, westToEast.Length * (p + 1) / parts);
            trees[p] = NetworkSearch.Run(graph, westToEast[from..to], bound);
        });
        return trees;
    }

    private static District? DistrictOf(DistrictLocator locator, Outlet o, CoverageOptions options)
    {
        if (locator.IsEmpty) return null;
        var (district, distance) = locator.Locate(o.Location);
        return distance <= options.DistrictToleranceM ? district : null;
    }

    private static (long Population, bool Estimated) PopulationOf(Community c, Dictionary<long, District> districts, CoverageOptions options)
    {
        if (c.Population is { } p) return (p, false);
        var size = c.DistrictId is { } id && districts.TryGetValue(id, out var d) && d.AvgHouseholdSize > 0
            ? d.AvgHouseholdSize : options.FallbackHouseholdSize;
        return ((long)Math.Round(c.Households * size), true);
    }

    private static CoverageTotals Totals(IEnumerable<CommunityCoverage> rows)
    {
        int n = 0, covered = 0; long hh = 0, chh = 0, pop = 0, cpop = 0;
        foreach (var r in rows)
        {
            n++; hh += r.Community.Households; pop += r.Population;
            if (!r.Covered) continue;
            covered++; chh += r.Community.Households; cpop += r.Population;
        }
        return new CoverageTotals(n, covered, hh, chh, pop, cpop);
    }

}
