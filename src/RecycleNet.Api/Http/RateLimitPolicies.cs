namespace RecycleNet.Api.Http;

/// <summary>
/// The names of the rate-limit policies an endpoint asks for (.RequireRateLimiting); Hosting/RateLimits defines what
/// each allows, per client address, from the "RecycleNet:RateLimits" section.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Public POSTs that compute: the subsidy estimate and the what-if.</summary>
    public const string PublicPosts = "public-posts";

    /// <summary>OGC downloads (f=csv, xlsx, gpkg, shp).</summary>
    public const string Downloads = "downloads";
}
