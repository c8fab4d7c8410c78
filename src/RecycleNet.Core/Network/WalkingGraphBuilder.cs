using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Network;

/// <summary>
/// Assembles a <see cref="WalkingGraph"/> from nodes and edges given in projected metres. The OSM reader
/// uses it; tests and benchmarks draw networks with it directly. Edge length = length of its shape.
/// </summary>
public sealed class WalkingGraphBuilder(LocalProjection projection)
{
    private readonly List<double> _nodeX = [], _nodeY = [];
    private readonly List<int> _from = [], _to = [], _shapeStart = [];
    private readonly List<double> _length = [], _shapeX = [], _shapeY = [];

    public int NodeCount => _nodeX.Count;
    public int EdgeCount => _from.Count;

    /// <summary>Adds a node at projected (x, y) metres; returns its index.</summary>
    public int AddNode(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y)) throw new ArgumentException("Node coordinates must be finite.");
        _nodeX.Add(x); _nodeY.Add(y);
        return _nodeX.Count - 1;
    }

    /// <summary>
    /// Adds an edge between two nodes, straight or through intermediate shape points (projected metres).
    /// Returns the edge index, or -1 when the edge has no length (it could carry no one anywhere).
    /// </summary>
    public int AddEdge(int from, int to, ReadOnlySpan<(double X, double Y)> via = default)
    {
        if ((uint)from >= (uint)_nodeX.Count || (uint)to >= (uint)_nodeX.Count) throw new ArgumentOutOfRangeException(nameof(from), "Unknown node.");
        double length = 0, px = _nodeX[from], py = _nodeY[from];
        foreach (var (x, y) in via) { length += Math.Sqrt((x - px) * (x - px) + (y - py) * (y - py)); (px, py) = (x, y); }
        length += Math.Sqrt((_nodeX[to] - px) * (_nodeX[to] - px) + (_nodeY[to] - py) * (_nodeY[to] - py));
        if (length <= 0) return -1;
        _from.Add(from); _to.Add(to); _length.Add(length);
        _shapeStart.Add(_shapeX.Count);
        _shapeX.Add(_nodeX[from]); _shapeY.Add(_nodeY[from]);
        foreach (var (x, y) in via) { _shapeX.Add(x); _shapeY.Add(y); }
        _shapeX.Add(_nodeX[to]); _shapeY.Add(_nodeY[to]);
        return _from.Count - 1;
    }

    public WalkingGraph Build(string source)
    {
        var shapeStart = new int[_from.Count + 1];
        _shapeStart.CopyTo(shapeStart);
        shapeStart[^1] = _shapeX.Count;
        return new WalkingGraph(projection, [.. _nodeX], [.. _nodeY], [.. _from], [.. _to], [.. _length],
            shapeStart, [.. _shapeX], [.. _shapeY], source);
    }
}
