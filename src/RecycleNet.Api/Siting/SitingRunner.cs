using System.Text;
using System.Text.Json;
using RecycleNet.Core.Input;
using RecycleNet.Core.Model;
using RecycleNet.Core.Policies;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Siting;

/// <summary>
/// Runs a stored siting request on this instance: reads it again (against the city and network as they are now,
/// which is what a run queued before a change should plan for), then plans. A request no longer valid ends the run
/// as failed with the reason.
/// </summary>
public sealed class SitingRunner(CityCache cities, NetworkStore network, PolicyCatalog catalog, Core.Cities.CityCatalog cityCatalog,
    Microsoft.Extensions.Options.IOptions<SitingSettings> settings, VolumeCache volumes)
{
    /// <returns>What the run found, as the store keeps it; its proposals are what siting-proposals shows once the run is stored as done.</returns>
    public async Task<SitingOutcome> RunAsync(SitingRun run, Action<string> stage, CancellationToken ct)
    {
        // The stored request was read by the same strict reader when it was posted; the Core readers below check it again.
        JsonElement body;
        try { using var doc = StrictJson.Parse(Encoding.UTF8.GetBytes(run.Request)); body = doc.RootElement.Clone(); }
        catch (JsonInputException) { throw new InvalidOperationException("the stored request is no longer readable"); }
        var city = await cities.GetAsync(ct);
        var graph = network.Graph;
        // A run belongs to the city it was posted in; a city since removed from the configuration has no rules to run under.
        var runCity = cityCatalog.Find(run.CityId) ?? throw new InvalidOperationException($"the run's city '{run.CityId}' is no longer configured");
        var policy = runCity.Policy;
        var limits = settings.Value.Limits;
        if (run.Kind == SitingRequest.Outlets)
        {
            if (SitingRequest.TryReadOutlets(body, catalog, (runCity, cityCatalog), city, limits, out var options, out var cost) is not null)
                throw new InvalidOperationException("the request is no longer valid for the city as it is now; post it again to see why");
            var plan = OutletSiting.Plan(city, graph, options!, ct, stage);
            var own = options!.Candidates == CandidateSource.Uploaded ? options.UploadedCostsYuan : [];
            return SitingJson.Outlets(plan, cost, j => j < own.Count ? own[(int)j] ?? cost : cost);
        }
        if (run.Kind == SitingRequest.Tiers)
        {
            var bound = catalog.Find(policy);
            if (SitingRequest.TryReadTiers(body, bound, city, out var tiers) is not null)
                throw new InvalidOperationException("the request is no longer valid for the city as it is now; post it again to see why");
            stage("siting the three tiers");
            return SitingJson.Chain(TierSiting.Plan(city, bound!.Tiers!, network.RoadsFor(city), tiers!, ct), city);
        }
        if (SitingRequest.TryReadCenters(body, catalog, (runCity, cityCatalog), city, limits, out var centers) is not null)
            throw new InvalidOperationException("the request is no longer valid for the city as it is now; post it again to see why");
        stage("solving the p-median");
        // Outlets that report tonnages are weighted by them (the last twelve months), the others by households × kg.
        centers = centers! with { Reported = (await volumes.GetAsync(ct)).Tonnage };
        return SitingJson.Centers(CenterSiting.Plan(city, graph, centers, ct,
            network.RoadsFor(city, new Core.Network.RoadFallbackOptions { Circuity = centers!.HaulCircuity })));
    }
}
