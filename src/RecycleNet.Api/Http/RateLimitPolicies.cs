using System.Threading.RateLimiting;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Http;

/// <summary>
/// The names of the rate-limit policies an endpoint asks for (.RequireRateLimiting), and the token buckets they and
/// the writes' limits (Auth/WriteLimits) are made of; Hosting/RateLimits defines what each policy allows, per client
/// address, from the "RecycleNet:RateLimits" section.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Public POSTs that compute: the subsidy estimate and the what-if.</summary>
    public const string PublicPosts = "public-posts";

    /// <summary>OGC downloads (f=csv, xlsx, gpkg, shp).</summary>
    public const string Downloads = "downloads";

    public static RateLimitPartition<string> Bucket(string key, TokenBucketSettings s) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, s.Burst),
            // Fractional rates (one every two seconds) become one token per period of 1/rate seconds.
            TokensPerPeriod = s.PerSecond >= 1 ? (int)Math.Round(s.PerSecond) : 1,
            ReplenishmentPeriod = s.PerSecond >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / Math.Max(s.PerSecond, 1e-3)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The client's address as the connection shows it (behind a proxy, configure forwarded headers first).</summary>
    public static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
