using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace RecycleNet.Api.Ogc;

/// <summary>Absolute links of the OGC API (GDAL and QGIS follow them as given), written as {href, rel, type, title}.</summary>
public static class OgcLinks
{
    public const string Root = "/ogc";
    public const string GeoJson = "application/geo+json", Json = "application/json", Html = "text/html";

    public static string Base(HttpRequest req) => $"{RecycleNet.Api.Http.PublicAddress.Origin(req)}{req.PathBase}{Root}";

    public static void Write(Utf8JsonWriter w, string href, string rel, string type, string? title = null)
    {
        w.WriteStartObject();
        w.WriteString("href", href);
        w.WriteString("rel", rel);
        w.WriteString("type", type);
        if (title is not null) w.WriteString("title", title);
        w.WriteEndObject();
    }

    /// <summary>The request's own URL with some query parameters set (null removes one): for next, prev and alternates.</summary>
    public static string With(HttpRequest req, params (string Key, string? Value)[] changes)
    {
        var query = req.Query.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        foreach (var (k, v) in changes) query[k] = v;
        var url = $"{RecycleNet.Api.Http.PublicAddress.Origin(req)}{req.PathBase}{req.Path}";
        return QueryHelpers.AddQueryString(url, query.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
    }
}
