namespace RecycleNet.Core.Network;

/// <summary>A place a walk starts from: a point snapped onto an edge and a label saying which facility it is.</summary>
public readonly record struct WalkSource(SnapPoint At, int Label);

/// <summary>
/// Multi-source bounded shortest paths over a <see cref="WalkingGraph"/>. Every source enters the graph at both
/// ends of the edge it snapped to, at its access distance (point to street) plus the walk along the edge,
/// so partly walked edges count exactly. One run answers "how far is the nearest source, and which one"
/// for every node within the bound: Dijkstra's order kept by a ring of 2 m buckets (<see cref="BucketQueue"/>), so
/// O(V' + E' + L / 2 m) for the V' nodes and E' edges within reach of the bound L, plus the rare node improved twice
/// within one bucket.
/// </summary>
public static class NetworkSearch
{
    /// <summary>
    /// Runs the search; nodes farther than <paramref name="maxDistanceM"/> are left unreached. The tree reads per-node
    /// arrays lent by the graph's pool: dispose it (<c>using</c>) when done, so the next search reuses them.
    /// </summary>
    public static ShortestPathTree Run(WalkingGraph g, IReadOnlyList<WalkSource> sources, double maxDistanceM = double.PositiveInfinity)
    {
        if (double.IsNaN(maxDistanceM) || maxDistanceM < 0) throw new ArgumentOutOfRangeException(nameof(maxDistanceM));
        var scratch = WalkingSearchScratch.Rent(g);
        var (dist, label, reached, queue) = (scratch.Dist, scratch.Label, scratch.Settled, scratch.Queue);
        var onEdge = new Dictionary<int, List<(double Offset, double Access, int Label)>>();
        var (first, last) = (double.PositiveInfinity, 0.0);
        foreach (var s in sources)
        {
            var start = s.At.DistanceM + Math.Min(s.At.OffsetM, g.EdgeLength[s.At.Edge] - s.At.OffsetM);
            (first, last) = (Math.Min(first, start), Math.Max(last, s.At.DistanceM + g.EdgeLength[s.At.Edge]));
        }
        // Ahead of the bucket being emptied lie at most one edge's length, or the sources' own spread.
        queue.Reset(Math.Max(g.MaxEdgeLengthM, last - Math.Min(first, last)) + BucketQueue.Width);

        foreach (var s in sources)
        {
            var (edge, offset, access) = (s.At.Edge, s.At.OffsetM, s.At.DistanceM);
            if (!onEdge.TryGetValue(edge, out var list)) onEdge[edge] = list = [];
            list.Add((offset, access, s.Label));
            Seed(g.EdgeFrom[edge], access + offset, s.Label);
            Seed(g.EdgeTo[edge], access + g.EdgeLength[edge] - offset, s.Label);
        }

        void Seed(int node, double d, int l)
        {
            if (d > maxDistanceM || d >= dist[node]) return;
            if (double.IsPositiveInfinity(dist[node])) reached.Add(node);
            dist[node] = d; label[node] = l;
            queue.Push(node, BucketQueue.BucketOf(d));
        }

        var (adjStart, adjNode, adjLength) = (g.AdjStart, g.AdjNode, g.AdjLength);
        for (var bucket = sources.Count == 0 ? 0 : BucketQueue.BucketOf(first); queue.Count > 0; bucket++)
            for (var slot = queue.SlotOf(bucket); queue.TryTake(slot, out var u);)
            {
                var du = dist[u];
                // An entry left behind when the node was improved into an earlier bucket: already done there.
                if (BucketQueue.BucketOf(du) != bucket) continue;
                var lu = label[u];
                for (var k = adjStart[u]; k < adjStart[u + 1]; k++)
                {
                    var v = adjNode[k];
                    var dv = du + adjLength[k];
                    if (dv <= maxDistanceM && dv < dist[v])
                    {
                        if (double.IsPositiveInfinity(dist[v])) reached.Add(v);
                        dist[v] = dv; label[v] = lu;
                        queue.Push(v, BucketQueue.BucketOf(dv));
                    }
                }
            }
        return new ShortestPathTree(g, scratch, onEdge, maxDistanceM);
    }
}

/// <summary>
/// The per-node arrays of a walking search, reused: every node a search touches it also settles (nothing is pushed
/// beyond the bound), so forgetting a search costs the nodes it reached, not the graph. Searches ran one per
/// candidate site on arrays of their own (3 MB each on a 250,000-node graph); now each thread borrows a set from the
/// graph's pool, which keeps at most four sets per core.
/// </summary>
internal sealed class WalkingSearchScratch
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WalkingGraph, System.Collections.Concurrent.ConcurrentBag<WalkingSearchScratch>> Pools = new();

    internal readonly double[] Dist;
    internal readonly int[] Label;
    internal readonly List<int> Settled = [];
    internal readonly BucketQueue Queue = new();

    private WalkingSearchScratch(int nodes)
    {
        Dist = new double[nodes];
        Label = new int[nodes];
        Array.Fill(Dist, double.PositiveInfinity);
    }

    public static WalkingSearchScratch Rent(WalkingGraph g) =>
        Pools.GetOrCreateValue(g).TryTake(out var s) ? s : new WalkingSearchScratch(g.NodeCount);

    /// <summary>Forgets the search and lends the arrays again. O(nodes it settled).</summary>
    public void Return(WalkingGraph g)
    {
        foreach (var n in Settled) Dist[n] = double.PositiveInfinity;
        Settled.Clear();
        // Kept for reuse up to a few sets per core; a burst of concurrent requests beyond that leaves its sets to the GC.
        var pool = Pools.GetOrCreateValue(g);
        if (pool.Count < 4 * Environment.ProcessorCount) pool.Add(this);
    }
}

/// <summary>
/// The result of a <see cref="NetworkSearch"/>: distance and nearest source for every node within the bound. It reads
/// arrays lent for the search: valid until disposed.
/// </summary>
public sealed class ShortestPathTree : IDisposable
{
    private readonly WalkingGraph _g;
    private WalkingSearchScratch? _scratch;
    private readonly double[] _dist;
    private readonly int[] _label;
    private readonly Dictionary<int, List<(double Offset, double Access, int Label)>> _onEdge;

    internal ShortestPathTree(WalkingGraph g, WalkingSearchScratch scratch, Dictionary<int, List<(double, double, int)>> onEdge, double maxDistanceM)
    {
        (_g, _scratch, _dist, _label, Settled, _onEdge, MaxDistanceM) = (g, scratch, scratch.Dist, scratch.Label, scratch.Settled, onEdge, maxDistanceM);
    }

    /// <summary>Lends the search's arrays to the next search; the tree must not be read after.</summary>
    public void Dispose()
    {
        _scratch?.Return(_g);
        _scratch = null;
    }

    /// <summary>The bound the search ran with, metres.</summary>
    public double MaxDistanceM { get; }

    /// <summary>Nodes reached within the bound (in the order they were first reached).</summary>
    public IReadOnlyList<int> Settled { get; }

    /// <summary>Walking distance to a node in metres; +∞ when beyond the bound or not connected.</summary>
    public double NodeDistance(int node) => _dist[node];

    /// <summary>
    /// Walking distance from the nearest source to a snapped point (including the point's own access distance)
    /// and that source's label; distance +∞ and label -1 when no source is within the bound.
    /// Exact for every answer within the bound. O(sources on the same edge).
    /// </summary>
    public (double DistanceM, int Label) DistanceTo(SnapPoint p)
    {
        var e = p.Edge;
        var best = double.PositiveInfinity; var label = -1;
        var (from, to) = (_g.EdgeFrom[e], _g.EdgeTo[e]);
        var viaFrom = _dist[from] + p.OffsetM;
        var viaTo = _dist[to] + _g.EdgeLength[e] - p.OffsetM;
        if (viaFrom < best) (best, label) = (viaFrom, _label[from]);
        if (viaTo < best) (best, label) = (viaTo, _label[to]);
        if (_onEdge.TryGetValue(e, out var here))
            foreach (var (offset, access, l) in here)
            {
                var d = access + Math.Abs(offset - p.OffsetM); // along the shared edge, no detour via its ends
                if (d < best) (best, label) = (d, l);
            }
        best += p.DistanceM;
        return best <= MaxDistanceM ? (best, label) : (double.PositiveInfinity, -1);
    }
}
