using System.Threading.RateLimiting;
using RecycleNet.Api.Http;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Auth;

/// <summary>
/// The writes' rate limits: per client address, counted before the credential is checked (so guessing keys is slow too),
/// and per key or person, counted once it is known (so one script cannot take a team's share, wherever it runs from).
/// Token buckets from RecycleNet:RateLimits:WritesPerAddress and :WritesPerKey.
/// </summary>
public sealed class WriteLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress, _perKey;

    public WriteLimits(IConfiguration config)
    {
        var settings = config.GetSection("RecycleNet:RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        _perAddress = PartitionedRateLimiter.Create<string, string>(a => RateLimitPolicies.Bucket(a, settings.WritesPerAddress));
        _perKey = PartitionedRateLimiter.Create<string, string>(k => RateLimitPolicies.Bucket(k, settings.WritesPerKey));
    }

    /// <summary>Seconds until a write from this address may come, or null when it may now.</summary>
    public int? AddressWait(HttpContext http) => Take(_perAddress, RateLimitPolicies.Client(http));

    /// <summary>Seconds until a write by this caller (by its scheme and name) may come, or null.</summary>
    public int? CallerWait(string scheme, string name) => Take(_perKey, $"{scheme}|{name}");

    private static int? Take(PartitionedRateLimiter<string> limiter, string partition)
    {
        using var lease = limiter.AttemptAcquire(partition);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _perKey.Dispose();
    }
}
