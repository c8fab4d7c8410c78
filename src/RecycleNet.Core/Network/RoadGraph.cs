using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Network;

/// <summary>
/// The drivable network: the roads' geometry as a <see cref="WalkingGraph"/> (flat arrays, snapping index, coverage hull —
/// one implementation of those), and for each edge the directions it may be driven in and its speed. Immutable once
/// built, shared by every request. Memory ≈ the shape graph + 9 bytes per edge.
/// </summary>
public sealed class RoadGraph
{
    private readonly RoadDirection[] _direction;
    private readonly float[] _speedKmh;
    private readonly double[] _seconds;
    private readonly string[] _classOf;
    private readonly byte[] _class;

    // One set of search arrays per thread, shared by every search on this graph (each request's NetworkRoads included):
    // a search's tree is read before the same thread searches again.
    private readonly ThreadLocal<RoadSearchScratch> _scratch;

    /// <summary>This thread's search arrays for this graph.</summary>
    internal RoadSearchScratch Scratch => _scratch.Value!;

    internal RoadGraph(WalkingGraph shape, RoadDirection[] direction, float[] speedKmh, byte[] roadClass, string[] classNames)
    {
        _scratch = new ThreadLocal<RoadSearchScratch>(() => new RoadSearchScratch(this));
        (Shape, _direction, _speedKmh, _class, _classOf) = (shape, direction, speedKmh, roadClass, classNames);
        _seconds = new double[shape.EdgeCount];
        for (var e = 0; e < _seconds.Length; e++) _seconds[e] = shape.EdgeLength[e] / (speedKmh[e] / 3.6);
        ForwardOk = [.. direction.Select(d => d != RoadDirection.Backward)];
        BackwardOk = [.. direction.Select(d => d != RoadDirection.Forward)];
    }

    /// <summary>Nodes, edges with their shapes and lengths, snapping and the coverage hull, in projected metres.</summary>
    public WalkingGraph Shape { get; }

    public LocalProjection Projection => Shape.Projection;
    public int EdgeCount => Shape.EdgeCount;
    public int NodeCount => Shape.NodeCount;
    public string Source => Shape.Source;

    // The search's inner loop reads these, not the switch in Allows.
    internal readonly bool[] ForwardOk, BackwardOk;
    internal double[] SecondsArray => _seconds;

    public RoadDirection Direction(int edge) => _direction[edge];
    public double SpeedKmh(int edge) => _speedKmh[edge];
    public string RoadClass(int edge) => _classOf[_class[edge]];

    /// <summary>Seconds to drive the whole edge.</summary>
    public double Seconds(int edge) => _seconds[edge];

    /// <summary>Whether the edge may be driven from its From node towards its To node (<paramref name="forward"/>) or back.</summary>
    public bool Allows(int edge, bool forward) => _direction[edge] switch
    {
        RoadDirection.Both => true,
        RoadDirection.Forward => forward,
        _ => !forward,
    };

    /// <summary>Edges that may be driven one way only.</summary>
    public int OnewayEdges => _direction.Count(d => d != RoadDirection.Both);
}

/// <summary>Assembles a <see cref="RoadGraph"/>: nodes and edges in projected metres, each edge with its <see cref="RoadAttributes"/>.</summary>
public sealed class RoadGraphBuilder(LocalProjection projection)
{
    private readonly WalkingGraphBuilder _shape = new(projection);
    private readonly List<RoadDirection> _direction = [];
    private readonly List<float> _speed = [];
    private readonly List<byte> _class = [];
    private readonly List<string> _classNames = [];

    public int NodeCount => _shape.NodeCount;
    public int EdgeCount => _shape.EdgeCount;

    public int AddNode(double x, double y) => _shape.AddNode(x, y);

    /// <summary>Adds a road between two nodes in its drawn direction; -1 when it has no length.</summary>
    public int AddEdge(int from, int to, RoadAttributes road, ReadOnlySpan<(double X, double Y)> via = default)
    {
        if (!(road.SpeedKmh > 0)) throw new ArgumentOutOfRangeException(nameof(road), "a road's speed must be above 0 km/h");
        var e = _shape.AddEdge(from, to, via);
        if (e < 0) return e;
        var c = _classNames.IndexOf(road.Class);
        if (c < 0)
        {
            if (_classNames.Count == byte.MaxValue) throw new InvalidOperationException("more than 255 road classes");
            _classNames.Add(road.Class);
            c = _classNames.Count - 1;
        }
        _direction.Add(road.Direction);
        _speed.Add((float)road.SpeedKmh);
        _class.Add((byte)c);
        return e;
    }

    public RoadGraph Build(string source) => new(_shape.Build(source), [.. _direction], [.. _speed], [.. _class], [.. _classNames]);
}
