using System.Runtime.CompilerServices;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Volumes;
using RecycleNet.Core.Cities;

namespace RecycleNet.Api.Cities;

/// <summary>
/// The city's scorecard as it is, kept per city snapshot: a plan's evaluation (and a comparison of several) scores the
/// city before and after, and "before" is the same for every plan until a layer, the network or the reports change —
/// each of those makes a new snapshot, graph or volume inputs object, so a stale entry is never found again.
/// </summary>
public sealed class ScorecardCache
{
    private sealed record Key(WalkingGraph? Graph, string Policy, ScorecardOptions Options, VolumeInputs? Volumes);

    private readonly ConditionalWeakTable<CitySnapshot, Dictionary<Key, Scorecard>> _byCity = [];

    public Scorecard Get(CitySnapshot city, WalkingGraph? graph, Policy policy, ScorecardOptions options, IRoadDistances? roads, VolumeInputs? volumes)
    {
        var entries = _byCity.GetOrCreateValue(city);
        var key = new Key(graph, policy.Id, options, volumes);
        lock (entries)
            if (entries.TryGetValue(key, out var card)) return card;
        var built = ScorecardBuilder.Build(city, graph, policy, null, options, roads, volumes);
        lock (entries)
        {
            if (entries.Count >= 8) entries.Clear(); // a few walking variants at most
            entries[key] = built;
        }
        return built;
    }
}
