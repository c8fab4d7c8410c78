using System.Text.Json;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;

namespace RecycleNet.Api.Http;

/// <summary>Feature records as GeoJSON in a chosen output CRS (CRS84 by default), through the one writer, <see cref="GeoJsonWriter"/>.</summary>
public static class FeatureJson
{
    /// <param name="more">Writes further members (links) before the feature closes.</param>
    public static void WriteFeature(Utf8JsonWriter w, FeatureRecord f, OutputCrs? crs = null, Action<Utf8JsonWriter>? more = null)
    {
        crs ??= OutputCrs.Crs84;
        GeoJsonWriter.WriteFeature(w, f, crs.Decimals, crs.FromWgs84, more: more);
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
