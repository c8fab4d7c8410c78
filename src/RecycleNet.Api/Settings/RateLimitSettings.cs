namespace RecycleNet.Api.Settings;

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
