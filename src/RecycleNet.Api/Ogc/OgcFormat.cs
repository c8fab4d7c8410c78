using RecycleNet.Api.Http;

namespace RecycleNet.Api.Ogc;

/// <summary>Which encoding a request wants: ?f= first, then the Accept header; JSON unless HTML is preferred.</summary>
public static class OgcFormat
{
    public const string Json = "json", Html = "html";

    public static readonly string[] Resources = [Json, Html];
    public static readonly string[] Items = [Json, Html];

    public static IResult? TryRead(HttpRequest req, string[] allowed, out string format)
    {
        format = Json;
        if (req.Query.TryGetValue("f", out var f))
        {
            var wanted = f.ToString().ToLowerInvariant() switch { "geojson" => Json, var x => x };
            if (!allowed.Contains(wanted)) return Problems.BadParameter("f", $"'{f}' is not offered here; use one of {string.Join(", ", allowed)}");
            format = wanted;
            return null;
        }
        // Browsers send text/html first; GDAL and scripts send JSON types or */*.
        var accept = req.Headers.Accept.ToString();
        if (accept.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) format = Html;
        return null;
    }
}
