using System.Text.Json;

namespace RecycleNet.Api.Http;

/// <summary>Writes a JSON (or GeoJSON) body straight to the response with a Utf8JsonWriter: no intermediate DOM.</summary>
public sealed class StreamedJsonResult(Action<Utf8JsonWriter> write, string contentType = GeoJsonResult.ContentType) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = contentType;
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, GeoJsonResult.WriterOptions);
        write(w);
        await w.FlushAsync(http.RequestAborted);
    }
}
