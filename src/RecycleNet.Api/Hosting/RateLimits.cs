using System.Threading.RateLimiting;
using RecycleNet.Api.Ogc;
using RecycleNet.Api.Http;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Hosting;

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
            o.AddPolicy(RateLimitPolicies.PublicPosts, http => RateLimitPolicies.Bucket($"post|{RateLimitPolicies.Client(http)}", settings.PublicPosts));
            // Pages of the same route are free: only the download formats draw from the bucket.
            o.AddPolicy(RateLimitPolicies.Downloads, http =>
                OgcFormat.TryRead(http.Request, OgcFormat.Items, out var f) is null && OgcFormat.Downloads.Contains(f)
                    ? RateLimitPolicies.Bucket($"download|{RateLimitPolicies.Client(http)}", settings.Downloads)
                    : RateLimitPartition.GetNoLimiter("page"));
            o.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                await Problems.RateLimited(ctx.HttpContext, retry).ExecuteAsync(ctx.HttpContext);
            };
        });
    }

}
