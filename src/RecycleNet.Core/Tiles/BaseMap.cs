using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using RecycleNet.Core.Features;
using RecycleNet.Core.Network;

namespace RecycleNet.Core.Tiles;

/// <summary>Which zooms a base-map layer is drawn at, and how much of it: lines shorter than a pixel are left out.</summary>
public sealed record BaseMapOptions
{
    /// <summary>Township outlines from this zoom on (a city at zoom 8 is a few hundred pixels: only its districts).</summary>
    public int TownshipsFromZoom { get; init; } = 10;

    /// <summary>The main roads (by the drivable network's classes) from this zoom on.</summary>
    public int MainRoadsFromZoom { get; init; } = 10;

    /// <summary>Every street and path from this zoom on.</summary>
    public int AllRoadsFromZoom { get; init; } = 13;
}

/// <summary>
/// The offline base map a bureau without internet still sees: land (the city's district outlines, named), township
/// outlines, and the streets of the loaded walking/road network, served as Mapbox vector tiles the page styles itself.
/// Built once per network and outline set; a tile is an index query over the network's edges plus their clipping,
/// O(log E + k) for the k edges in the tile. Everything is WGS84 in, Web Mercator tiles out.
/// </summary>
public sealed class BaseMap
{
    /// <summary>Road classes drawn from <see cref="BaseMapOptions.MainRoadsFromZoom"/> (OSM highway values).</summary>
    public static readonly IReadOnlySet<string> MainClasses = new HashSet<string>(StringComparer.Ordinal)
    {
        "motorway", "trunk", "primary", "secondary", "tertiary", "motorway_link", "trunk_link", "primary_link", "secondary_link",
    };

    private readonly IReadOnlyList<FeatureRecord> _land, _townships;
    private readonly WalkingGraph? _streets;
    private readonly RoadGraph? _roads;
    private readonly STRtree<int>? _streetIndex, _roadIndex;
    private readonly BaseMapOptions _options;
    private static readonly GeometryFactory Wgs84 = new();

    /// <param name="land">District outlines (WGS84) with their names.</param>
    /// <param name="townships">Township outlines (WGS84), none where the city has none.</param>
    /// <param name="streets">The loaded walking network, or null (straight-line mode: land only).</param>
    /// <param name="roads">The drivable network of the same file, or null.</param>
    public BaseMap(IReadOnlyList<FeatureRecord> land, IReadOnlyList<FeatureRecord> townships, WalkingGraph? streets, RoadGraph? roads,
        BaseMapOptions? options = null)
    {
        (_land, _townships, _streets, _roads, _options) = (land, townships, streets, roads, options ?? new BaseMapOptions());
        if (streets is not null) _streetIndex = Index(streets);
        if (roads is not null) _roadIndex = Index(roads.Shape);
    }

    public bool HasStreets => _streets is not null;

    /// <summary>One tile: layers "land", "townships" (from its zoom), "roads" (class: a road class, or "street" for paths of the walking network).</summary>
    public byte[] Tile(TileId tile)
    {
        var box = tile.BoundsWgs84(64.0 / 4096);
        var layers = new List<(string, IEnumerable<FeatureRecord>)> { ("land", Within(_land, box)) };
        if (tile.Z >= _options.TownshipsFromZoom) layers.Add(("townships", Within(_townships, box)));
        layers.Add(("roads", Roads(tile, box)));
        return MvtWriter.WriteLayers(tile, layers);
    }

    private static IEnumerable<FeatureRecord> Within(IReadOnlyList<FeatureRecord> features, Envelope box) =>
        features.Where(f => f.Geometry.EnvelopeInternal.Intersects(box));

    private IEnumerable<FeatureRecord> Roads(TileId tile, Envelope box)
    {
        var all = tile.Z >= _options.AllRoadsFromZoom;
        if (_roads is not null && _roadIndex is not null && tile.Z >= _options.MainRoadsFromZoom)
            foreach (var e in Query(_roadIndex, box))
            {
                var cls = _roads.RoadClass(e);
                if (all || MainClasses.Contains(cls)) yield return Line(_roads.Shape, e, cls);
            }
        // Paths only the walking network has (footways, steps) at street zooms; with no drivable network, every street.
        if (_streets is not null && _streetIndex is not null && all && _roads is null)
            foreach (var e in Query(_streetIndex, box)) yield return Line(_streets, e, "street");
    }

    private static IEnumerable<int> Query(STRtree<int> index, Envelope box)
    {
        var hits = index.Query(box);
        return hits.Order();
    }

    private static FeatureRecord Line(WalkingGraph g, int edge, string cls)
    {
        var coords = new Coordinate[g.ShapeStart[edge + 1] - g.ShapeStart[edge]];
        for (var i = 0; i < coords.Length; i++)
        {
            var (lon, lat) = g.Projection.Unproject(g.ShapeX[g.ShapeStart[edge] + i], g.ShapeY[g.ShapeStart[edge] + i]);
            coords[i] = new Coordinate(lon, lat);
        }
        return new FeatureRecord(edge, Wgs84.CreateLineString(coords), [new("class", cls)]);
    }

    /// <summary>Each edge's WGS84 envelope, from its projected one's corners (a street is short: the corners bound it).</summary>
    private static STRtree<int> Index(WalkingGraph g)
    {
        var index = new STRtree<int>();
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var env = new Envelope();
            for (var i = g.ShapeStart[e]; i < g.ShapeStart[e + 1]; i++) env.ExpandToInclude(g.ShapeX[i], g.ShapeY[i]);
            var (x0, y0) = g.Projection.Unproject(env.MinX, env.MinY);
            var (x1, y1) = g.Projection.Unproject(env.MaxX, env.MaxY);
            var (x2, y2) = g.Projection.Unproject(env.MinX, env.MaxY);
            var (x3, y3) = g.Projection.Unproject(env.MaxX, env.MinY);
            index.Insert(new Envelope(Math.Min(Math.Min(x0, x1), Math.Min(x2, x3)), Math.Max(Math.Max(x0, x1), Math.Max(x2, x3)),
                Math.Min(Math.Min(y0, y1), Math.Min(y2, y3)), Math.Max(Math.Max(y0, y1), Math.Max(y2, y3))), e);
        }
        index.Build();
        return index;
    }
}
