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

    public string Method => $"road network {graph.Source} (one-way roads and speeds honoured; points beyond its area: {_fallback.Method.Replace(" (no drivable network loaded)", "")})";

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
        var tree = onRoad.Count > 0 ? RoadSearch.Run(graph, onRoad, by, toSources: true, limit, _options.AccessSpeedKmh) : null;
        var straightAll = _fallback.Nearest(origins, targets, by, limit);
        var straightBeyond = beyond.Count > 0 ? _fallback.Nearest(origins, [.. beyond.Select(i => targets[i])], by, limit) : null;
        for (var o = 0; o < origins.Count; o++)
        {
            var (where, snap) = Locate(origins[o]);
            if (where == Where.Beyond) { legs[o] = straightAll[o]; continue; } // beyond the roads: every target in a straight line
            if (where == Where.Unreachable) continue;
            RoadLeg? best = null;
            if (tree is not null && tree.CostAt(snap) is var (cost, other, label) && label >= 0)
                best = by == RoadMetric.Distance ? new RoadLeg(label, cost, other) : new RoadLeg(label, other, cost);
            if (straightBeyond?[o] is { } s && Cost(s, by) < (best is { } b ? Cost(b, by) : double.PositiveInfinity))
                best = s with { Target = beyond[s.Target] };
            legs[o] = best;
        }
        return legs;
    }

    public RoadLeg?[] To(IReadOnlyList<Point> origins, Point target, RoadMetric by, double limit)
    {
        var (where, snap) = Locate(target);
        if (where == Where.Beyond) return _fallback.To(origins, target, by, limit);
        var legs = new RoadLeg?[origins.Count];
        if (where == Where.Unreachable) return legs;
        var tree = RoadSearch.Run(graph, [new RoadPlace(snap, 0)], by, toSources: true, limit, _options.AccessSpeedKmh);
        var straight = _fallback.To(origins, target, by, limit);
        for (var o = 0; o < origins.Count; o++)
        {
            var (at, s) = Locate(origins[o]);
            if (at == Where.Beyond) legs[o] = straight[o];
            else if (at == Where.Road && tree.CostAt(s) is var (cost, other, label) && label >= 0)
                legs[o] = by == RoadMetric.Distance ? new RoadLeg(0, cost, other) : new RoadLeg(0, other, cost);
        }
        return legs;
    }

    public List<RoadLeg>[] Within(IReadOnlyList<Point> origins, IReadOnlyList<Point> targets, RoadMetric by, double limit)
    {
        var placed = origins.Select(Locate).ToArray(); // once, not once per target
        var straight = _fallback.Within(origins, targets, by, limit);
        var pairs = new List<RoadLeg>[targets.Count];
        Parallel.For(0, targets.Count, t =>
        {
            var (where, snap) = Locate(targets[t]);
            var found = pairs[t] = [];
            if (where == Where.Unreachable) return;
            // A target beyond the network's area, or an origin beyond it: a straight line. Otherwise one bounded search per target.
            var tree = where == Where.Road ? RoadSearch.Run(graph, [new RoadPlace(snap, 0)], by, toSources: true, limit, _options.AccessSpeedKmh) : null;
            var beyond = straight[t].ToDictionary(l => l.Target);
            for (var o = 0; o < placed.Length; o++)
            {
                if (tree is null || placed[o].Where == Where.Beyond) { if (placed[o].Where != Where.Unreachable && beyond.TryGetValue(o, out var s)) found.Add(s); continue; }
                if (placed[o].Where == Where.Road && tree.CostAt(placed[o].Snap) is var (cost, other, label) && label >= 0)
                    found.Add(by == RoadMetric.Distance ? new RoadLeg(o, cost, other) : new RoadLeg(o, other, cost));
            }
        });
        return pairs;
    }

    private static double Cost(RoadLeg leg, RoadMetric by) => by == RoadMetric.Distance ? leg.Metres : leg.Seconds;
}
