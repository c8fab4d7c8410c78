using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Network;

/// <summary>
/// The part of an OpenStreetMap file worth keeping for one city: its outline grown by a margin, so a provincial
/// extract loads as the city's streets plus the streets just beyond its border (residents near the border walk across
/// it, and a facility outside may serve them). The margin is measured in metres in the outline's Gauss-Kruger zone,
/// never in degrees. A node is tested against a grid laid over the area first — most of a province lies in cells
/// wholly outside, most of the city in cells wholly inside — and against the polygon only in cells its edge crosses.
/// </summary>
public sealed class OsmClipArea
{
    /// <summary>
    /// The margin kept when a planner names none: 5 km, five times the 1 km a resident walks in 15 minutes, so a
    /// border community's life circle and an outlet just across the border are whole.
    /// </summary>
    public const double DefaultMarginM = 5_000;

    /// <summary>The widest margin accepted: beyond 50 km the "city" is a region, and its memory a province's.</summary>
    public const double MaxMarginM = 50_000;

    private const int GridSide = 256;
    private const byte Unknown = 0, Inside = 1, Outside = 2, Edge = 3;

    private readonly Envelope _envelope;
    private readonly double _cellW, _cellH;
    private readonly byte[] _cells = new byte[GridSide * GridSide];
    private readonly IPreparedGeometry _prepared;
    private readonly IndexedPointInAreaLocator _locator;
    private readonly GeometryFactory _factory = new();

    private OsmClipArea(Geometry areaWgs84, double marginM)
    {
        Area = areaWgs84;
        MarginM = marginM;
        _envelope = areaWgs84.EnvelopeInternal;
        _cellW = Math.Max(_envelope.Width, 1e-9) / GridSide;
        _cellH = Math.Max(_envelope.Height, 1e-9) / GridSide;
        _prepared = PreparedGeometryFactory.Prepare(areaWgs84);
        _locator = new IndexedPointInAreaLocator(areaWgs84);
    }

    /// <summary>The area kept, in WGS84 longitude/latitude.</summary>
    public Geometry Area { get; }

    /// <summary>How far beyond the outline (metres) the area reaches.</summary>
    public double MarginM { get; }

    /// <summary>
    /// The area of an outline (WGS84 polygons, e.g. the union of a city's districts) grown by <paramref name="marginM"/>
    /// metres (0–<see cref="MaxMarginM"/>).
    /// </summary>
    public static OsmClipArea Around(Geometry outlineWgs84, double marginM)
    {
        if (outlineWgs84.IsEmpty || outlineWgs84.Dimension != Dimension.Surface)
            throw new ArgumentException("The outline to keep must be a polygon with an area.", nameof(outlineWgs84));
        if (!double.IsFinite(marginM) || marginM is < 0 or > MaxMarginM)
            throw new ArgumentOutOfRangeException(nameof(marginM), marginM, $"The margin must lie in 0–{MaxMarginM:0} m.");
        var projection = LocalProjection.ForArea(outlineWgs84.EnvelopeInternal.Centre.X);
        // Buffer(0) also mends a union of districts whose shared borders do not quite meet.
        var grown = projection.Project(outlineWgs84).Buffer(marginM, 8);
        return new OsmClipArea(projection.Unproject(grown), marginM);
    }

    /// <summary>
    /// The area of a city: the union of its districts' outlines grown by <paramref name="marginM"/>; null when the city has
    /// no district with an outline yet (then nothing can be clipped to).
    /// </summary>
    public static OsmClipArea? ForCity(IEnumerable<RecycleNet.Core.Model.District> districts, double marginM)
    {
        var outlines = districts.Select(d => d.Geometry).Where(g => g is { IsEmpty: false, Dimension: Dimension.Surface }).ToList();
        return outlines.Count == 0 ? null : Around(NetTopologySuite.Operation.Union.UnaryUnionOp.Union(outlines), marginM);
    }

    /// <summary>The area as stored with a network file (WKT, WGS84), so every instance and every restart keeps the same.</summary>
    public string ToWkt() => new NetTopologySuite.IO.WKTWriter { MaxCoordinatesPerLine = int.MaxValue }.Write(Area);

    /// <summary>An area stored by <see cref="ToWkt"/>.</summary>
    public static OsmClipArea FromWkt(string wkt, double marginM) =>
        new(new NetTopologySuite.IO.WKTReader().Read(wkt), marginM);

    /// <summary>Whether a node at (<paramref name="lon"/>, <paramref name="lat"/>) lies in the area or on its edge.</summary>
    public bool Contains(double lon, double lat)
    {
        if (lon < _envelope.MinX || lon > _envelope.MaxX || lat < _envelope.MinY || lat > _envelope.MaxY) return false;
        var i = Math.Min(GridSide - 1, (int)((lon - _envelope.MinX) / _cellW));
        var j = Math.Min(GridSide - 1, (int)((lat - _envelope.MinY) / _cellH));
        var cell = j * GridSide + i;
        var state = _cells[cell];
        if (state == Unknown) _cells[cell] = state = Classify(i, j);
        return state switch
        {
            Inside => true,
            Outside => false,
            _ => _locator.Locate(new Coordinate(lon, lat)) != Location.Exterior,
        };
    }

    /// <summary>A cell is classified the first time a node falls in it: most of a province's cells never are.</summary>
    private byte Classify(int i, int j)
    {
        var x0 = _envelope.MinX + i * _cellW;
        var y0 = _envelope.MinY + j * _cellH;
        var cell = _factory.ToGeometry(new Envelope(x0, x0 + _cellW, y0, y0 + _cellH));
        if (_prepared.ContainsProperly(cell)) return Inside;
        return _prepared.Intersects(cell) ? Edge : Outside;
    }
}
