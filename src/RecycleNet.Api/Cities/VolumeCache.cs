using RecycleNet.Core.Policies;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Volumes;
using RecycleNet.Core.Database;

namespace RecycleNet.Api.Cities;

/// <summary>
/// What the scorecard and the centre siting read of a city's volume reports (<see cref="VolumeSummary"/>), as of the latest
/// full month, kept until the reports, the layers or the enterprises change, or a new month ends. One per city
/// (Services/CityServices). The figures are aggregates the database computes; see bench/ for what a cold read costs.
/// </summary>
public sealed class VolumeCache(string cityId, StoreRevision revision, CityCache cities, IServiceScopeFactory scopes, VolumeCategories categories,
    PolicyCatalog policies, TimeProvider clock)
{
    private sealed record Entry(long Revision, ReportMonth AsOf, VolumeInputs Inputs);

    private volatile Entry? _current;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly VolumeProgressOptions _options = new();

    /// <summary>The latest month a report may cover now.</summary>
    public ReportMonth LatestMonth => ReportMonth.LatestFull(clock.GetUtcNow());

    public async Task<VolumeInputs> GetAsync(CancellationToken ct)
    {
        var asOf = LatestMonth;
        var rev = Revision();
        if (_current is { } c && c.Revision == rev && c.AsOf == asOf) return c.Inputs;
        await _gate.WaitAsync(ct);
        try
        {
            rev = Revision();
            if (_current is { } again && again.Revision == rev && again.AsOf == asOf) return again.Inputs;
            var city = await cities.GetAsync(ct);
            using var scope = scopes.CreateCityScope(cityId);
            var store = scope.ServiceProvider.GetRequiredService<VolumeStore>();
            var directory = await store.DirectoryAsync(city, ct);
            // Every policy's targets: a scorecard may be asked for another policy than the city's own.
            var summary = await store.SummaryAsync(directory, categories, policies.All.SelectMany(p => p.Targets), asOf, _options, ct);
            var inputs = new VolumeInputs(summary, categories, _options);
            _current = new Entry(rev, asOf, inputs);
            return inputs;
        }
        finally
        {
            _gate.Release();
        }
    }

    private long Revision() =>
        revision.Of(cityId, "volumes") + revision.Of(cityId, "enterprises") + CitySnapshotLoader.Tables.Sum(t => revision.Of(cityId, t.Table));
}
