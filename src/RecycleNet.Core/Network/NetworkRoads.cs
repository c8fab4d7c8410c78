using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Network;

/// <summary>How points meet the drivable network, with units.</summary>
public sealed record RoadOptions
{
    /// <summary>A point farther than this from every road (metres), inside the network's area, is unreachable by road.</summary>
    public double SnapDistanceM { get; init; } = 1000;

    /// <summary>Speed from a point to its road (a lane or yard not on the map), km/h.</summary>
    public double AccessSpeedKmh { get; init; } = 15;

    /// <summary>For points beyond the network's area: straight line × circuity at a speed.</summary>
    public RoadFallbackOptions Fallback { get; init; } = new();
}

/// <summary>
/// Road figures on the loaded drivable network (<see cref="RoadGraph"/>): drives honour one-way roads and each road's
/// speed; nearest targets come from one search on the reverse graph from all targets at once. As with walking, a point
/// beyond the network's area (its convex hull) is measured in a straight line × circuity, and one inside it that no road
/// comes near (<see cref="RoadOptions.SnapDistanceM"/>) is unreachable.
/// </summary>
public sealed class NetworkRoads(RoadGraph graph, RoadOptions? options = null) : IRoadDistances
{
    private readonly RoadOptions _options = options ?? new RoadOptions();
    private readonly StraightLineRoads _fallback = new(graph.Projection, (options ?? new RoadOptions()).Fallback);


    public RoadGraph Graph => graph;

    public string Method => $"road network {graph.Source} (one-way roads and speeds honoured; points beyond its area: {_fallback.Rule.En})";

    public string MethodZh => $"道路网 {graph.Source}（计单行道和限速；路网范围以外的点：{_fallback.Rule.Zh}）";

    public bool OnNetwork => true;

    private enum Where { Road, Beyond, Unreachable }

    private (Where Where, SnapPoint Snap) Locate(Point p)
    {
        var (x, y) = graph.Projection.Project(p.X, p.Y);
        if (graph.Shape.Snap(x, y, _options.SnapDistanceM) is { } snap) return (Where.Road, snap);
        return (graph.Shape.InCoverageArea(x, y) ? Where.Unreachable : Where.Beyond, default);
    }

    public RoadLeg?[] Nearest(IReadOnlyList<Point> origins, IReadOnlyList<Point> targets, RoadMetric by, double limit = double.PositiveInfinity)
    {
        var legs = new RoadLeg?[origins.Count];
        if (targets.Count == 0) return legs;
        var placed = targets.Select(Locate).ToList();
        var onRoad = placed.Select((t, i) => (t, i)).Where(x => x.t.Where == Where.Road).Select(x => new RoadPlace(x.t.Snap, x.i)).ToList();
        var beyond = placed.Select((t, i) => (t, i)).Where(x => x.t.Where == Where.Beyond).Select(x => x.i).ToList();
        var tree = onRoad.Count > 0 ? RoadSearch.Run(graph, onRoad, by, toSources: true, limit, _options.AccessSpeedKmh, graph.Scratch) : null;
        var from = origins.Select(Locate).ToArray();
        // Straight lines only where one end lies beyond the network's area (projections are not free on a city's worth of points).
        var offArea = Enumerable.Range(0, origins.Count).Where(o => from[o].Where == Where.Beyond).ToList();
        var straightAll = offArea.Count > 0 ? _fallback.Nearest([.. offArea.Select(o => origins[o])], targets, by, limit) : [];
        for (var k = 0; k < offArea.Count; k++) legs[offArea[k]] = straightAll[k]; // beyond the roads: every target in a straight line
        var onNetwork = Enumerable.Range(0, origins.Count).Where(o => from[o].Where == Where.Road).ToList();
        var straightBeyond = beyond.Count > 0 ? _fallback.Nearest([.. onNetwork.Select(o => origins[o])], [.. beyond.Select(i => targets[i])], by, limit) : null;
        for (var k = 0; k < onNetwork.Count; k++)
        {
            var o = onNetwork[k];
            RoadLeg? best = null;
            if (tree is not null && tree.CostAt(from[o].Snap) is var (cost, other, label) && label >= 0)
                best = by == RoadMetric.Distance ? new RoadLeg(label, cost, other) : new RoadLeg(label, other, cost);
            if (straightBeyond?[k] is { } s && Cost(s, by) < (best is { } b ? Cost(b, by) : double.PositiveInfinity))
                best = s with { Target = beyond[s.Target] };
            legs[o] = best;
        }
        return legs; // origins inside the network's area that no road comes near stay null: unreachable
    }

    public List<RoadLeg>[] Within(IReadOnlyList<Point> origins, IReadOnlyList<Point> targets, RoadMetric by, double limit)
    {
        var placed = origins.Select(Locate).ToArray(); // once, not once per target
        var straight = _fallback.Within(origins, targets, by, limit);
        var pairs = new List<RoadLeg>[targets.Count];
        // Origins by the edge they snapped to: a bounded search reads only the origins on edges it reached.
        var onEdge = new Dictionary<int, List<int>>();
        for (var o = 0; o < placed.Length; o++)
            if (placed[o].Where == Where.Road)
            {
                if (!onEdge.TryGetValue(placed[o].Snap.Edge, out var list)) onEdge[placed[o].Snap.Edge] = list = [];
                list.Add(o);
            }
        Parallel.For(0, targets.Count, t =>
        {
            var (where, snap) = Locate(targets[t]);
            var found = pairs[t] = [];
            if (where == Where.Unreachable) return;
            // A target beyond the network's area, or an origin beyond it: a straight line. Otherwise one bounded search per target.
            var beyond = straight[t];
            foreach (var leg in beyond)
                if (where == Where.Beyond ? placed[leg.Target].Where != Where.Unreachable : placed[leg.Target].Where == Where.Beyond) found.Add(leg);
            if (where != Where.Road) return;
            var tree = RoadSearch.Run(graph, [new RoadPlace(snap, 0)], by, toSources: true, limit, _options.AccessSpeedKmh, graph.Scratch);
            foreach (var e in tree.ReachedEdges())
                if (onEdge.TryGetValue(e, out var origins))
                    foreach (var o in origins)
                        if (tree.CostAt(placed[o].Snap) is var (cost, other, label) && label >= 0)
                            found.Add(by == RoadMetric.Distance ? new RoadLeg(o, cost, other) : new RoadLeg(o, other, cost));
            found.Sort((a, b) => a.Target.CompareTo(b.Target));
        });
        return pairs;
    }

    private static double Cost(RoadLeg leg, RoadMetric by) => by == RoadMetric.Distance ? leg.Metres : leg.Seconds;
}
