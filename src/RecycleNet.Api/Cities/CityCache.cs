using RecycleNet.Core.Storage;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Database;

namespace RecycleNet.Api.Cities;

/// <summary>
/// The city snapshot every analysis reads (coverage, scorecard, what-if, siting, subsidy gains), loaded from the store
/// once per revision of its layers instead of on every request, and then only the layers that changed: saving an outlet
/// reads the outlets again and keeps the communities. Snapshots are read-only to their users: analyses are pure, and a
/// what-if builds its own changed copy.
/// </summary>
/// One per city (Services/CityServices).
public sealed class CityCache(City city, StoreRevision revision, IServiceScopeFactory scopes, ILogger<CityCache> log)
{
    private static IReadOnlyList<(string Table, CityParts Part)> Parts => CitySnapshotLoader.Tables;

    private sealed record Entry(long[] Revisions, CitySnapshot City);

    private volatile Entry? _current;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<CitySnapshot> GetAsync(CancellationToken ct)
    {
        // The revisions are read before loading: a write meanwhile moves them on, so this load is not kept as current.
        var revs = Revisions();
        if (_current is { } c && c.Revisions.SequenceEqual(revs)) return c.City;
        await _gate.WaitAsync(ct);
        try
        {
            revs = Revisions();
            var previous = _current;
            if (previous is not null && previous.Revisions.SequenceEqual(revs)) return previous.City;
            var changed = Parts.Where((p, i) => previous is null || previous.Revisions[i] != revs[i]).Aggregate(CityParts.None, (a, p) => a | p.Part);
            using var scope = scopes.CreateCityScope(city.Id);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var snapshot = await scope.ServiceProvider.GetRequiredService<FeatureStore>().LoadCityAsync(previous?.City, changed, ct) with { City = city };
            // What a large store costs each instance on each change: operators (and bench/store) read it here.
            log.LogInformation("City snapshot of {City} at revision {Revision}: {Communities} communities, {Outlets} outlets; read {Parts} in {Ms} ms",
                city.Id, revision.Value, snapshot.Communities.Count, snapshot.Outlets.Count, changed, watch.ElapsedMilliseconds);
            _current = new Entry(revs, snapshot);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private long[] Revisions() => [.. Parts.Select(p => revision.Of(city.Id, p.Table))];
}
