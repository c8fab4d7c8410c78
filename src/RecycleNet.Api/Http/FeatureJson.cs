using System.Text.Json;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Layers;

namespace RecycleNet.Api.Http;

/// <summary>Feature records as GeoJSON, in a chosen output CRS (CRS84 by default); an empty geometry is written as null.</summary>
public static class FeatureJson
{
    /// <param name="more">Writes further members (links) before the feature closes.</param>
    public static void WriteFeature(Utf8JsonWriter w, FeatureRecord f, OutputCrs? crs = null, Action<Utf8JsonWriter>? more = null)
    {
        crs ??= OutputCrs.Crs84;
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteNumber("id", f.Id);
        w.WritePropertyName("geometry");
        if (f.Geometry.IsEmpty) w.WriteNullValue();
        else GeoJsonWriter.WriteGeometry(w, crs.FromWgs84(f.Geometry), crs.Decimals);
        w.WriteStartObject("properties");
        foreach (var (name, value) in f.Properties) PropertyValues.Write(w, name, value);
        w.WriteEndObject();
        more?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>A FeatureCollection in CRS84; <paramref name="header"/> writes foreign members before "features".</summary>
    public static void WriteCollection(Utf8JsonWriter w, IEnumerable<FeatureRecord> features, Action<Utf8JsonWriter>? header = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        header?.Invoke(w);
        w.WriteStartArray("features");
        foreach (var f in features) WriteFeature(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
