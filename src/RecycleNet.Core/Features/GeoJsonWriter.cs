using System.Text.Json;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Model;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Features;

/// <summary>
/// Writes layers as RFC 7946 GeoJSON straight to a <see cref="Utf8JsonWriter"/>: no intermediate
/// feature objects, coordinates rounded to a fixed number of decimals (7 for degrees is about 1 cm),
/// so output is compact and byte-for-byte reproducible. O(features × vertices).
/// </summary>
public static class GeoJsonWriter
{
    public const int DegreeDecimals = 7;

    /// <summary>
    /// The one feature writer: every GeoJSON feature the service writes — /api, /ogc, the analyses, the demo files —
    /// comes through here, so a property or a geometry is written the same way everywhere. An empty geometry is null.
    /// </summary>
    /// <param name="project">From WGS84 to the output CRS; none for WGS84 / CRS84.</param>
    /// <param name="version">The feature's version, written as the foreign member "version" (RFC 7946 §6.1) when given.</param>
    /// <param name="writeId">False for files meant for import elsewhere, where store ids mean nothing.</param>
    /// <param name="more">Writes further members (links) before the feature closes.</param>
    public static void WriteFeature(Utf8JsonWriter w, FeatureRecord f, int decimals = DegreeDecimals, Func<Geometry, Geometry>? project = null,
        long? version = null, bool writeId = true, Action<Utf8JsonWriter>? more = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        if (writeId) w.WriteNumber("id", f.Id);
        if (version is { } v) w.WriteNumber("version", v); // what a PUT or DELETE names in If-Match
        w.WritePropertyName("geometry");
        if (f.Geometry.IsEmpty) w.WriteNullValue();
        else WriteGeometry(w, project is null ? f.Geometry : project(f.Geometry), decimals);
        w.WriteStartObject("properties");
        foreach (var (name, value) in f.Properties) PropertyValues.Write(w, name, value);
        w.WriteEndObject();
        more?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>A stored feature: its record (properties as its layer writes them) with its version.</summary>
    /// <param name="writeId">False for files meant for import elsewhere, where store ids and versions mean nothing.</param>
    public static void WriteFeature(Utf8JsonWriter w, LayerDefinition layer, SpatialEntity e, LayerLookups lookups,
        int decimals = DegreeDecimals, bool writeId = true) =>
        WriteFeature(w, new FeatureRecord(e.Id, e.Geometry, layer.Properties(e, lookups)), decimals, null, writeId ? e.Version : null, writeId);

    /// <summary>Writes a FeatureCollection; <paramref name="description"/> becomes a foreign member (e.g. a synthetic-data label).</summary>
    public static void WriteCollection(Utf8JsonWriter w, LayerDefinition layer, IEnumerable<SpatialEntity> entities,
        LayerLookups lookups, string? description = null, int decimals = DegreeDecimals, bool writeIds = true) =>
        WriteCollection(w, layer.Name, entities.Select(e => new FeatureRecord(e.Id, e.Geometry, layer.Properties(e, lookups)) { Version = e.Version }),
            description, decimals, writeIds);

    /// <summary>A layer's records as a FeatureCollection named after it, each with its version when <paramref name="writeIds"/>.</summary>
    public static void WriteCollection(Utf8JsonWriter w, string name, IEnumerable<FeatureRecord> records, string? description = null,
        int decimals = DegreeDecimals, bool writeIds = true)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("name", name);
        if (description is not null) w.WriteString("description", description);
        w.WriteStartArray("features");
        foreach (var f in records) WriteFeature(w, f, decimals, null, writeIds ? f.Version : null, writeIds);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteGeometry(Utf8JsonWriter w, Geometry g, int decimals = DegreeDecimals)
    {
        w.WriteStartObject();
        switch (g)
        {
            case Point p:
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                WritePosition(w, p.X, p.Y, decimals);
                break;
            case LineString l:
                w.WriteString("type", "LineString");
                w.WritePropertyName("coordinates");
                WriteSequence(w, l.CoordinateSequence, decimals);
                break;
            case Polygon poly:
                w.WriteString("type", "Polygon");
                w.WritePropertyName("coordinates");
                WriteRings(w, poly, decimals);
                break;
            case MultiPolygon mp:
                w.WriteString("type", "MultiPolygon");
                w.WriteStartArray("coordinates");
                foreach (var part in mp.Geometries) WriteRings(w, (Polygon)part, decimals);
                w.WriteEndArray();
                break;
            case MultiPoint mpt:
                w.WriteString("type", "MultiPoint");
                w.WriteStartArray("coordinates");
                foreach (var part in mpt.Geometries) WritePosition(w, ((Point)part).X, ((Point)part).Y, decimals);
                w.WriteEndArray();
                break;
            case MultiLineString ml:
                w.WriteString("type", "MultiLineString");
                w.WriteStartArray("coordinates");
                foreach (var part in ml.Geometries) WriteSequence(w, ((LineString)part).CoordinateSequence, decimals);
                w.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"{g.GeometryType} is not written as GeoJSON here", nameof(g));
        }
        w.WriteEndObject();
    }

    private static void WriteRings(Utf8JsonWriter w, Polygon p, int decimals)
    {
        w.WriteStartArray();
        // RFC 7946 section 3.1.6: exterior rings counter-clockwise, holes clockwise.
        WriteRing(w, p.Shell, decimals, counterClockwise: true);
        foreach (var hole in p.Holes) WriteRing(w, hole, decimals, counterClockwise: false);
        w.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter w, LinearRing ring, int decimals, bool counterClockwise)
    {
        var seq = ring.CoordinateSequence;
        var reverse = NetTopologySuite.Algorithm.Orientation.IsCCW(seq) != counterClockwise;
        w.WriteStartArray();
        for (var k = 0; k < seq.Count; k++)
        {
            var i = reverse ? seq.Count - 1 - k : k;
            WritePosition(w, seq.GetX(i), seq.GetY(i), decimals);
        }
        w.WriteEndArray();
    }

    private static void WriteSequence(Utf8JsonWriter w, CoordinateSequence seq, int decimals)
    {
        w.WriteStartArray();
        for (var i = 0; i < seq.Count; i++) WritePosition(w, seq.GetX(i), seq.GetY(i), decimals);
        w.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter w, double x, double y, int decimals)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(x, decimals));
        w.WriteNumberValue(Math.Round(y, decimals));
        w.WriteEndArray();
    }
}
