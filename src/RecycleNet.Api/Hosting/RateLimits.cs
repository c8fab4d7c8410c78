using System.Threading.RateLimiting;
using RecycleNet.Api.Ogc;
using RecycleNet.Api.Http;

namespace RecycleNet.Api.Hosting;

/// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled by <see cref="PerSecond"/> a second.</summary>
public sealed class TokenBucketSettings
{
    public int Burst { get; set; }
    public double PerSecond { get; set; }
}

/// <summary>The "RecycleNet:RateLimits" section: per client address, for what anyone may call without a key.</summary>
public sealed class RateLimitSettings
{
    /// <summary>POST /api/subsidies/estimate and POST /api/coverage/what-if (each computes; the estimate is public).</summary>
    public TokenBucketSettings PublicPosts { get; set; } = new() { Burst = 30, PerSecond = 10 };

    /// <summary>OGC downloads (f=csv, xlsx, gpkg, shp): each can hold up to 1,000,000 features.</summary>
    public TokenBucketSettings Downloads { get; set; } = new() { Burst = 10, PerSecond = 0.5 };

    /// <summary>Writes (and the bureau's reads) from one client address, before its key is checked.</summary>
    public TokenBucketSettings WritesPerAddress { get; set; } = new() { Burst = 300, PerSecond = 50 };

    /// <summary>Writes by one key or one person of the identity provider, wherever they come from.</summary>
    public TokenBucketSettings WritesPerKey { get; set; } = new() { Burst = 120, PerSecond = 20 };
}

/// <summary>
/// ASP.NET Core's rate limiter with token buckets partitioned by client address. A refused request gets 429
/// problem+json with Retry-After (whole seconds until a token is back). Reads of pages and /health are not limited;
/// writes are limited per address and per key by <see cref="Auth.WriteLimits"/>, once the route is known to be one.
/// </summary>
public static class RateLimits
{
    public static void AddRecycleNetRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var settings = config.GetSection("RecycleNet:RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicies.PublicPosts, http => Bucket($"post|{Client(http)}", settings.PublicPosts));
            // Pages of the same route are free: only the download formats draw from the bucket.
            o.AddPolicy(RateLimitPolicies.Downloads, http =>
                OgcFormat.TryRead(http.Request, OgcFormat.Items, out var f) is null && OgcFormat.Downloads.Contains(f)
                    ? Bucket($"download|{Client(http)}", settings.Downloads)
                    : RateLimitPartition.GetNoLimiter("page"));
            o.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                await Problems.RateLimited(ctx.HttpContext, retry).ExecuteAsync(ctx.HttpContext);
            };
        });
    }

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
