namespace RecycleNet.Core.Network;

/// <summary>A place a walk starts from: a point snapped onto an edge and a label saying which facility it is.</summary>
public readonly record struct WalkSource(SnapPoint At, int Label);

/// <summary>
/// Multi-source bounded Dijkstra over a <see cref="WalkingGraph"/>. Every source enters the graph at both
/// ends of the edge it snapped to, at its access distance (point to street) plus the walk along the edge,
/// so partly walked edges count exactly. One run answers "how far is the nearest source, and which one"
/// for every node within the bound: O((V' + E') log V') for the V' nodes and E' edges within reach.
/// </summary>
public static class NetworkSearch
{
    /// <summary>Runs the search; nodes farther than <paramref name="maxDistanceM"/> are left unreached.</summary>
    public static ShortestPathTree Run(WalkingGraph g, IReadOnlyList<WalkSource> sources, double maxDistanceM = double.PositiveInfinity)
    {
        if (double.IsNaN(maxDistanceM) || maxDistanceM < 0) throw new ArgumentOutOfRangeException(nameof(maxDistanceM));
        var dist = new double[g.NodeCount];
        Array.Fill(dist, double.PositiveInfinity);
        var label = new int[g.NodeCount];
        var onEdge = new Dictionary<int, List<(double Offset, double Access, int Label)>>();
        var queue = new PriorityQueue<int, double>();

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
            dist[node] = d; label[node] = l;
            queue.Enqueue(node, d);
        }

        var settled = new List<int>();
        while (queue.TryDequeue(out var u, out var du))
        {
            // A node is queued again only with a strictly shorter distance, so an entry longer than the
            // node's distance is stale and the first current entry popped settles it.
            if (du > dist[u]) continue;
            settled.Add(u);
            for (var k = g.AdjStart[u]; k < g.AdjStart[u + 1]; k++)
            {
                var e = g.AdjEdge[k];
                var v = g.EdgeFrom[e] == u ? g.EdgeTo[e] : g.EdgeFrom[e];
                var dv = du + g.EdgeLength[e];
                if (dv <= maxDistanceM && dv < dist[v])
                {
                    dist[v] = dv; label[v] = label[u];
                    queue.Enqueue(v, dv);
                }
            }
        }
        return new ShortestPathTree(g, dist, label, settled, onEdge, maxDistanceM);
    }
}

/// <summary>The result of a <see cref="NetworkSearch"/>: distance and nearest source for every node within the bound.</summary>
public sealed class ShortestPathTree
{
    private readonly WalkingGraph _g;
    private readonly double[] _dist;
    private readonly int[] _label;
    private readonly Dictionary<int, List<(double Offset, double Access, int Label)>> _onEdge;

    internal ShortestPathTree(WalkingGraph g, double[] dist, int[] label, List<int> settled,
        Dictionary<int, List<(double, double, int)>> onEdge, double maxDistanceM)
    {
        (_g, _dist, _label, Settled, _onEdge, MaxDistanceM) = (g, dist, label, settled, onEdge, maxDistanceM);
    }

    /// <summary>The bound the search ran with, metres.</summary>
    public double MaxDistanceM { get; }

    /// <summary>Nodes reached within the bound, in order of distance.</summary>
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
