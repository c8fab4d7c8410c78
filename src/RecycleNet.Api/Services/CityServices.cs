using System.Collections.Concurrent;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Database;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Services;

/// <summary>
/// The in-memory state of each city, made on first use and kept: its snapshot cache, its walking network and its
/// feature tables. Requests get their city's through the scoped registrations (<see cref="CityCache"/>,
/// <see cref="NetworkStore"/>, <see cref="FeatureCache"/> resolve to the request's city), so an endpoint never picks
/// a city by hand, and nothing of one city is ever served for another.
/// </summary>
public sealed class CityServices(CityCatalog catalog, IServiceProvider services)
{
    public sealed record State(City City, CityCache Snapshot, NetworkStore Network, FeatureCache Features, VolumeCache Volumes);

    private readonly ConcurrentDictionary<string, Lazy<State>> _states = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _followTurns = new(1, 1);

    public CityCatalog Catalog => catalog;

    public State For(string cityId) => _states.GetOrAdd(cityId, id => new Lazy<State>(() => Create(id))).Value;

    /// <summary>The states made so far (a city nobody asked for has nothing to follow).</summary>
    public IEnumerable<State> Made => _states.Values.Where(l => l.IsValueCreated).Select(l => l.Value);

    private State Create(string id)
    {
        var city = catalog.Find(id) ?? throw new ArgumentException($"unknown city '{id}'", nameof(id));
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var logs = services.GetRequiredService<ILoggerFactory>();
        var revision = services.GetRequiredService<StoreRevision>();
        var snapshot = new CityCache(city, revision, scopes, logs.CreateLogger<CityCache>());
        // Only the default city adopts a network file that an old version kept beside the database: it was Jinan's.
        var legacy = city.Id == catalog.Default.Id ? services.GetRequiredService<StoreSettings>().Folder : null;
        var maxNodes = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RecycleNetOptions>>().Value.MaxNetworkNodes;
        var network = new NetworkStore(city.Id, scopes, logs.CreateLogger("RecycleNet.Network"), legacy, _followTurns, maxNodes);
        var volumes = new VolumeCache(city.Id, revision, snapshot, scopes, services.GetRequiredService<Core.Volumes.VolumeCategories>(),
            services.GetRequiredService<Core.Policies.PolicyCatalog>(), services.GetRequiredService<TimeProvider>());
        var features = new FeatureCache(city.Id, revision, network, services.GetRequiredService<Siting.SitingJobs>(), snapshot, scopes, volumes,
            services.GetRequiredService<FeatureCollections>());
        return new State(city, snapshot, network, features, volumes);
    }
}
