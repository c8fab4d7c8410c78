using System.Text.Encodings.Web;
using System.Text.Json;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.Features;

namespace RecycleNet.Api.Http;

/// <summary>Streams one stored feature, with its version, as application/geo+json (collections go through <see cref="StreamedJsonResult"/>).</summary>
public sealed class GeoJsonResult(LayerDefinition layer, SpatialEntity entity, LayerLookups lookups, int status = 200) : IResult
{
    public const string ContentType = "application/geo+json; charset=utf-8";
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        GeoJsonWriter.WriteFeature(w, layer, entity, lookups);
        await w.FlushAsync(http.RequestAborted);
    }
}
