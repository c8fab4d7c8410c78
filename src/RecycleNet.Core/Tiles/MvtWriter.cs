using NetTopologySuite.Geometries;
using RecycleNet.Core.Features;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Tiles;

/// <summary>
/// Mapbox Vector Tile 2.1 encoding of one layer: features clipped to the tile plus a buffer, in integer tile
/// coordinates (y down), polygons with clockwise exterior rings and counter-clockwise holes as the spec requires,
/// properties as shared keys and typed values (lists as ';'-joined text; nulls left out). O(vertices).
/// </summary>
public static class MvtWriter
{
    /// <param name="extent">Tile coordinate units per side (4096 is the common choice).</param>
    /// <param name="buffer">Units drawn beyond each edge, so strokes and symbols meet across tiles.</param>
    public static byte[] Write(TileId tile, string layerName, IEnumerable<FeatureRecord> features, uint extent = 4096, int buffer = 64) =>
        WriteLayers(tile, [(layerName, features)], extent, buffer);

    /// <summary>One tile of several layers (a base map's land, township lines and roads), each written as <see cref="Write"/> writes one.</summary>
    public static byte[] WriteLayers(TileId tile, IEnumerable<(string Name, IEnumerable<FeatureRecord> Features)> layers, uint extent = 4096, int buffer = 64)
    {
        var tileWriter = new ProtoWriter();
        foreach (var (name, features) in layers) tileWriter.Message(3, Layer(tile, name, features, extent, buffer));
        return tileWriter.ToArray();
    }

    private static ProtoWriter Layer(TileId tile, string layerName, IEnumerable<FeatureRecord> features, uint extent, int buffer)
    {
        var m = tile.BoundsMercator;
        var scale = extent / m.Width;
        var factory = new GeometryFactory();
        var clip = factory.ToGeometry(new Envelope(-buffer, extent + buffer, -buffer, extent + buffer));
        var keys = new Dictionary<string, int>();
        var values = new Dictionary<(int Kind, object Value), int>();
        var layer = new ProtoWriter();
        layer.Varint(15, 2);
        layer.String(1, layerName);
        foreach (var f in features)
        {
            var g = Geography.CoordinateTransform.Apply(f.Geometry, (lon, lat) =>
            {
                var (x, y) = Geography.OutputCrs.ToWebMercator(lon, lat);
                return ((x - m.MinX) * scale, (m.MaxY - y) * scale);
            });
            if (g is not (Point or MultiPoint)) g = g.Intersection(clip);
            var (type, commands) = Encode(g, extent, buffer);
            if (commands.Count == 0) continue;
            var feature = new ProtoWriter();
            feature.Varint(1, (ulong)f.Id);
            var tags = new List<uint>();
            foreach (var (name, value) in f.Properties)
            {
                if (Value(value) is not { } v) continue;
                if (!keys.TryGetValue(name, out var k)) keys[name] = k = keys.Count;
                if (!values.TryGetValue(v, out var vi)) values[v] = vi = values.Count;
                tags.Add((uint)k);
                tags.Add((uint)vi);
            }
            feature.Packed(2, tags);
            feature.Varint(3, type);
            feature.Packed(4, commands);
            layer.Message(2, feature);
        }
        foreach (var k in keys.OrderBy(k => k.Value)) layer.String(3, k.Key);
        foreach (var ((kind, v), _) in values.OrderBy(v => v.Value))
        {
            var value = new ProtoWriter();
            switch (kind)
            {
                case 1: value.String(1, (string)v); break;
                case 3: value.Double(3, (double)v); break;
                case 6: value.Varint(6, ProtoWriter.ZigZag((long)v)); break;
                default: value.Varint(7, (bool)v ? 1UL : 0UL); break;
            }
            layer.Message(4, value);
        }
        layer.Varint(5, extent);
        return layer;
    }

    /// <summary>A property value as (MVT value field, value): 1 string, 3 double, 6 sint64, 7 bool; null to leave out.</summary>
    private static (int, object)? Value(object? v) => v switch
    {
        null => null,
        string s => (1, s),
        bool b => (7, b),
        int i => (6, (long)i),
        long l => (6, l),
        double d => (3, d),
        decimal d => (3, (double)d),
        _ => PropertyValues.Text(v) is { } t ? (1, t) : null,
    };

    private static (ulong Type, List<uint> Commands) Encode(Geometry g, uint extent, int buffer)
    {
        var commands = new List<uint>();
        int cx = 0, cy = 0;
        void Move(int x, int y, List<uint> into)
        {
            into.Add(ProtoWriter.ZigZag32(x - cx));
            into.Add(ProtoWriter.ZigZag32(y - cy));
            (cx, cy) = (x, y);
        }
        switch (g)
        {
            case Point or MultiPoint:
                var points = Enumerable.Range(0, g.NumGeometries).Select(i => (Point)g.GetGeometryN(i))
                    .Where(p => !p.IsEmpty && p.X >= -buffer && p.X <= extent + buffer && p.Y >= -buffer && p.Y <= extent + buffer).ToList();
                if (points.Count == 0) return (1, commands);
                commands.Add(Command(1, points.Count));
                foreach (var p in points) Move((int)Math.Round(p.X), (int)Math.Round(p.Y), commands);
                return (1, commands);
            case LineString or MultiLineString:
                for (var i = 0; i < g.NumGeometries; i++)
                {
                    if (g.GetGeometryN(i) is not LineString line || line.IsEmpty) continue;
                    var pts = new List<(int X, int Y)>(line.NumPoints);
                    for (var k = 0; k < line.NumPoints; k++)
                    {
                        var p = ((int)Math.Round(line.GetCoordinateN(k).X), (int)Math.Round(line.GetCoordinateN(k).Y));
                        if (pts.Count == 0 || pts[^1] != p) pts.Add(p);
                    }
                    if (pts.Count < 2) continue; // rounded to a point at this zoom
                    commands.Add(Command(1, 1));
                    Move(pts[0].X, pts[0].Y, commands);
                    commands.Add(Command(2, pts.Count - 1));
                    for (var k = 1; k < pts.Count; k++) Move(pts[k].X, pts[k].Y, commands);
                }
                return (2, commands);
            case Polygon or MultiPolygon or GeometryCollection:
                for (var i = 0; i < g.NumGeometries; i++)
                {
                    if (g.GetGeometryN(i) is not Polygon poly || poly.IsEmpty) continue;
                    var exterior = Ring(poly.Shell, clockwise: true);
                    if (exterior is null) continue; // rounded away
                    AddRing(exterior);
                    foreach (var hole in poly.Holes) if (Ring(hole, clockwise: false) is { } h) AddRing(h);
                }
                return (3, commands);
            default:
                return (3, commands);
        }

        void AddRing(List<(int X, int Y)> ring)
        {
            commands.Add(Command(1, 1));
            Move(ring[0].X, ring[0].Y, commands);
            commands.Add(Command(2, ring.Count - 1));
            for (var k = 1; k < ring.Count; k++) Move(ring[k].X, ring[k].Y, commands);
            commands.Add(Command(7, 1));
        }
    }

    /// <summary>
    /// A ring in integer tile coordinates without its closing point or repeated points, turned so its area by the
    /// surveyor's formula (y down) is positive for exteriors and negative for holes; null when nothing is left.
    /// </summary>
    private static List<(int X, int Y)>? Ring(LineString ring, bool clockwise)
    {
        var pts = new List<(int X, int Y)>(ring.NumPoints);
        for (var i = 0; i < ring.NumPoints - 1; i++)
        {
            var p = ((int)Math.Round(ring.GetCoordinateN(i).X), (int)Math.Round(ring.GetCoordinateN(i).Y));
            if (pts.Count == 0 || pts[^1] != p) pts.Add(p);
        }
        while (pts.Count > 1 && pts[^1] == pts[0]) pts.RemoveAt(pts.Count - 1);
        if (pts.Count < 3) return null;
        long area2 = 0;
        for (var i = 0; i < pts.Count; i++)
        {
            var (a, b) = (pts[i], pts[(i + 1) % pts.Count]);
            area2 += (long)a.X * b.Y - (long)b.X * a.Y;
        }
        if (area2 == 0) return null;
        if (area2 > 0 != clockwise) pts.Reverse();
        return pts;
    }

    private static uint Command(uint id, int count) => (id & 0x7) | ((uint)count << 3);
}
