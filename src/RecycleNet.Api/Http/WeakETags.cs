using System.Security.Cryptography;

namespace RecycleNet.Api.Http;

/// <summary>
/// Weak ETags for pages, items, tiles and layer lists, so QGIS, browsers and scripts can revalidate with
/// If-None-Match and get 304 instead of the same bytes again. A tag names what the answer was made from — an
/// in-memory table's build, or the store revision — prefixed by this process's random epoch, so tags from another
/// instance or from before a restart never match by accident (they only cost one full answer).
/// </summary>
public static class WeakETags
{
    private static readonly string Epoch = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static string Of(string source, string variant) => $"W/\"{Epoch}-{source}-{variant}\"";

    /// <summary>Sets the ETag (and asks caches to revalidate); true when the client's copy is current, for a 304.</summary>
    public static bool Fresh(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        var tag = Opaque(etag);
        foreach (var sent in http.Request.Headers.IfNoneMatch.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (sent == "*" || Opaque(sent) == tag) return true; // If-None-Match compares weakly (RFC 9110 §13.1.2)
        return false;
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    public static IResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);
}
