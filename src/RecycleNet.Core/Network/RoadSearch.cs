namespace RecycleNet.Core.Network;

/// <summary>Where a drive begins or ends: a point snapped onto a road (its access, point to road, is <see cref="SnapPoint.DistanceM"/>) and a label.</summary>
public readonly record struct RoadPlace(SnapPoint At, int Label);

/// <summary>
/// Multi-source Dijkstra over a <see cref="RoadGraph"/> that honours one-way roads, by distance (m) or time (s).
/// <list type="bullet">
/// <item><c>toSources: false</c> — the cost of driving from the nearest source to every node (outward);</item>
/// <item><c>toSources: true</c> — the cost of driving from every node to its nearest source (the reverse graph): what a
/// haul to the nearest facility needs, with the facilities as sources.</item>
/// </list>
/// A source enters the graph at the ends of its edge that the drive may reach from it; a place on an edge is reached
/// from the ends the directions allow, or along the edge from a source on the same edge. Bounded by
/// <c>max</c>: O((V' + E') log V') for what lies within it. Alongside the cost it searches by, each node carries the
/// other measure of the same drive (its seconds on a search by distance, its metres on one by time). The access from a
/// point to its road is driven at <c>accessSpeedKmh</c> (a lane or yard, not on the map).
/// </summary>
public static class RoadSearch
{
    /// <param name="scratch">
    /// Arrays to search in, reused across many bounded searches (one per target of a covering model): only the nodes a
    /// search touched are reset, so a 3 km search on a 300,000-node graph costs its few hundred nodes, not the graph.
    /// The tree returned reads them: it is valid until the scratch's next search. Null: arrays of its own.
    /// </param>
    public static RoadTree Run(RoadGraph g, IReadOnlyList<RoadPlace> sources, RoadMetric metric, bool toSources, double max = double.PositiveInfinity,
        double accessSpeedKmh = 15, RoadSearchScratch? scratch = null)
    {
        if (double.IsNaN(max) || max < 0) throw new ArgumentOutOfRangeException(nameof(max));
        var s = g.Shape;
        scratch ??= new RoadSearchScratch(g);
        scratch.Reset();
        var (cost, other, label, touched) = (scratch.Cost, scratch.Other, scratch.Label, scratch.Touched);
        var onEdge = new Dictionary<int, List<(double Offset, double AccessM, int Label)>>();
        var queue = scratch.Heap;
        var measure = new RoadMeasure(g, metric, accessSpeedKmh);

        void Seed(int node, (double Cost, double Other) c, int l)
        {
            if (c.Cost > max || c.Cost >= cost[node]) return;
            if (double.IsPositiveInfinity(cost[node])) touched.Add(node);
            (cost[node], other[node], label[node]) = (c.Cost, c.Other, l);
            queue.Push(node, c.Cost);
        }

        foreach (var p in sources)
        {
            var (e, offset) = (p.At.Edge, p.At.OffsetM);
            if (!onEdge.TryGetValue(e, out var list)) onEdge[e] = list = [];
            list.Add((offset, p.At.DistanceM, p.Label));
            var len = s.EdgeLength[e];
            // Outward, the source drives to To along the edge (forward) or to From against it (backward);
            // towards the sources, To reaches the source driving backward and From driving forward.
            if (g.Allows(e, forward: !toSources)) Seed(s.EdgeTo[e], measure.Leg(e, len - offset, p.At.DistanceM), p.Label);
            if (g.Allows(e, forward: toSources)) Seed(s.EdgeFrom[e], measure.Leg(e, offset, p.At.DistanceM), p.Label);
        }

        // The edge arrays the loop reads: a step's cost and its other measure, and the directions allowed.
        var (steps, others) = metric == RoadMetric.Distance ? (s.EdgeLength, g.SecondsArray) : (g.SecondsArray, s.EdgeLength);
        var (along, against) = toSources ? (g.BackwardOk, g.ForwardOk) : (g.ForwardOk, g.BackwardOk);
        var (adjStart, adjEdge, edgeFrom, edgeTo) = (s.AdjStart, s.AdjEdge, s.EdgeFrom, s.EdgeTo);
        while (queue.Count > 0)
        {
            var (u, cu) = queue.Pop();
            if (cu > cost[u]) continue; // stale: the node was pushed again with a smaller cost
            for (var k = adjStart[u]; k < adjStart[u + 1]; k++)
            {
                var e = adjEdge[k];
                var fromU = edgeFrom[e] == u; // the edge leaves u in its drawn direction
                // Outward we drive u → v; towards the sources we extend a drive v → u → … to the source.
                if (!(fromU ? along[e] : against[e])) continue;
                var v = fromU ? edgeTo[e] : edgeFrom[e];
                var cv = cu + steps[e];
                if (cv <= max && cv < cost[v])
                {
                    if (double.IsPositiveInfinity(cost[v])) touched.Add(v);
                    cost[v] = cv;
                    other[v] = other[u] + others[e];
                    label[v] = label[u];
                    queue.Push(v, cv);
                }
            }
        }
        return new RoadTree(g, measure, toSources, cost, other, label, onEdge, max, touched);
    }
}

/// <summary>The per-node arrays of <see cref="RoadSearch"/>, for reuse by one thread at a time; see its <c>scratch</c> parameter.</summary>
public sealed class RoadSearchScratch
{
    internal readonly double[] Cost, Other;
    internal readonly int[] Label;
    internal readonly List<int> Touched = [];
    internal readonly RadixHeap Heap = new();

    public RoadSearchScratch(RoadGraph g)
    {
        Cost = new double[g.NodeCount];
        Other = new double[g.NodeCount];
        Label = new int[g.NodeCount];
        Array.Fill(Cost, double.PositiveInfinity);
    }

    /// <summary>Forgets the last search: O(nodes it touched).</summary>
    internal void Reset()
    {
        foreach (var n in Touched) Cost[n] = double.PositiveInfinity;
        Touched.Clear();
        Heap.Clear();
    }
}

/// <summary>Both measures of a piece of a drive: metres along an edge at its speed, plus an access at the access speed.</summary>
internal readonly struct RoadMeasure(RoadGraph g, RoadMetric metric, double accessSpeedKmh)
{
    public RoadMetric Metric => metric;

    /// <returns>(cost in the search's metric, the other metric).</returns>
    public (double Cost, double Other) Leg(int edge, double alongM, double accessM)
    {
        var seconds = alongM / (g.SpeedKmh(edge) / 3.6) + accessM / (accessSpeedKmh / 3.6);
        var metres = alongM + accessM;
        return metric == RoadMetric.Distance ? (metres, seconds) : (seconds, metres);
    }
}

/// <summary>What a <see cref="RoadSearch"/> found: the cost to or from the nearest source for every node within the bound.</summary>
public sealed class RoadTree
{
    private readonly RoadGraph _g;
    private readonly RoadMeasure _measure;
    private readonly bool _toSources;
    private readonly double[] _cost, _other;
    private readonly int[] _label;
    private readonly Dictionary<int, List<(double Offset, double AccessM, int Label)>> _onEdge;
    private readonly List<int> _reached;

    internal RoadTree(RoadGraph g, RoadMeasure measure, bool toSources, double[] cost, double[] other, int[] label,
        Dictionary<int, List<(double, double, int)>> onEdge, double max, List<int> reached)
    {
        (_g, _measure, _toSources, _cost, _other, _label, _onEdge, Max, _reached) = (g, measure, toSources, cost, other, label, onEdge, max, reached);
    }

    /// <summary>The edges a place on which may have a finite cost: those at a reached node, and the sources' own.</summary>
    public IEnumerable<int> ReachedEdges()
    {
        var s = _g.Shape;
        var seen = new HashSet<int>(_onEdge.Keys);
        foreach (var e in _onEdge.Keys) yield return e;
        foreach (var n in _reached)
            for (var k = s.AdjStart[n]; k < s.AdjStart[n + 1]; k++)
                if (seen.Add(s.AdjEdge[k])) yield return s.AdjEdge[k];
    }

    public double Max { get; }

    public double NodeCost(int node) => _cost[node];

    /// <summary>
    /// The drive between a place and its nearest source, accesses included — its cost in the search's metric, the other
    /// measure of the same drive, and the source's label; (+∞, NaN, −1) beyond the bound or unreachable. Outward it is the
    /// drive source → place; towards the sources, place → source.
    /// </summary>
    public (double Cost, double Other, int Label) CostAt(SnapPoint p)
    {
        var s = _g.Shape;
        var e = p.Edge;
        var len = s.EdgeLength[e];
        (double, double, int) best = (double.PositiveInfinity, double.NaN, -1);
        void Via(int node, double alongM)
        {
            var (c, o) = _measure.Leg(e, alongM, p.DistanceM);
            if (_cost[node] + c < best.Item1) best = (_cost[node] + c, _other[node] + o, _label[node]);
        }
        // Outward: arrive from From driving forward, or from To driving backward. Towards: leave to To forward, to From backward.
        if (_g.Allows(e, forward: true)) { if (_toSources) Via(s.EdgeTo[e], len - p.OffsetM); else Via(s.EdgeFrom[e], p.OffsetM); }
        if (_g.Allows(e, forward: false)) { if (_toSources) Via(s.EdgeFrom[e], p.OffsetM); else Via(s.EdgeTo[e], len - p.OffsetM); }
        if (_onEdge.TryGetValue(e, out var here))
            foreach (var (offset, sourceAccessM, l) in here)
            {
                // Along the shared edge, in a direction it allows: from the earlier offset to the later one drives forward.
                var (start, end) = _toSources ? (p.OffsetM, offset) : (offset, p.OffsetM);
                if (!_g.Allows(e, forward: end >= start)) continue;
                var (c, o) = _measure.Leg(e, Math.Abs(end - start), sourceAccessM + p.DistanceM);
                if (c < best.Item1) best = (c, o, l);
            }
        return best.Item1 <= Max ? best : (double.PositiveInfinity, double.NaN, -1);
    }
}
