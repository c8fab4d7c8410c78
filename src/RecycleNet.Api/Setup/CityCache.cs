using RecycleNet.Core.Coverage;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Setup;

/// <summary>
/// The city snapshot every analysis reads (coverage, scorecard, what-if, siting, subsidy gains, OGC tables), loaded
/// from the store once per <see cref="StoreRevision"/> instead of on every request. Snapshots are read-only to
/// their users: analyses are pure, and a what-if builds its own changed copy.
/// </summary>
public sealed class CityCache(StoreRevision revision, IServiceScopeFactory scopes, ILogger<CityCache> log)
{
    private (long Revision, CitySnapshot City)? _current;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<CitySnapshot> GetAsync(CancellationToken ct)
    {
        // The revision is read before loading: a write meanwhile moves it on, so this load is not kept as current.
        var rev = revision.Value;
        if (_current is { } c && c.Revision == rev) return c.City;
        await _gate.WaitAsync(ct);
        try
        {
            rev = revision.Value;
            if (_current is { } again && again.Revision == rev) return again.City;
            using var scope = scopes.CreateScope();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var city = await scope.ServiceProvider.GetRequiredService<FeatureStore>().LoadCityAsync(ct);
            // What a large store costs each instance on each change: operators (and bench/store) read it here.
            log.LogInformation("City snapshot at revision {Revision}: {Communities} communities, {Outlets} outlets loaded in {Ms} ms",
                rev, city.Communities.Count, city.Outlets.Count, watch.ElapsedMilliseconds);
            _current = (rev, city);
            return city;
        }
        finally
        {
            _gate.Release();
        }
    }
}
