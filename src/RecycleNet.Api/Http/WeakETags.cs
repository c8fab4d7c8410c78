namespace RecycleNet.Api.Http;

/// <summary>
/// Weak ETags for pages, items, tiles and layer lists, so QGIS, browsers and scripts can revalidate with
/// If-None-Match and get 304 instead of the same bytes again. A tag is a digest of what the answer says (its features,
/// <see cref="Core.Features.FeatureFingerprint"/>), so it changes exactly when the answer would: not when another city
/// or layer is written, nor when a table is rebuilt to the same rows. It is prefixed by the build of this service, whose
/// answers for the same rows may be written differently by another release; instances of one build share their tags.
/// </summary>
public static class WeakETags
{
    private static readonly string Release = typeof(WeakETags).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    public static string Of(string digest, string variant) => $"W/\"{Release}-{digest}-{variant}\"";

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
