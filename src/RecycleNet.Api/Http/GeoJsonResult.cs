using System.Text.Encodings.Web;
using System.Text.Json;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;

namespace RecycleNet.Api.Http;

/// <summary>Streams a feature or a FeatureCollection as application/geo+json.</summary>
public sealed class GeoJsonResult(LayerDefinition layer, IReadOnlyList<SpatialEntity> entities, LayerLookups lookups, bool single, int status = 200) : IResult
{
    public const string ContentType = "application/geo+json; charset=utf-8";
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        if (single) GeoJsonWriter.WriteFeature(w, layer, entities[0], lookups);
        else GeoJsonWriter.WriteCollection(w, layer, entities, lookups);
        await w.FlushAsync(http.RequestAborted);
    }
}
