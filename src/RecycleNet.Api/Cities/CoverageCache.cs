using System.Runtime.CompilerServices;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;

namespace RecycleNet.Api.Cities;

/// <summary>
/// The city's coverage as it is, kept per city snapshot, graph and options: the page asks for it on every view, and
/// every what-if is scored against it (<see cref="CoverageScorer"/>'s basis). A layer write or a new network makes a new
/// snapshot or graph, so a stale entry is never found again; the table holds snapshots weakly.
/// </summary>
public sealed class CoverageCache
{
    private sealed record Key(WalkingGraph? Graph, CoverageOptions Options);

    private readonly ConditionalWeakTable<CitySnapshot, Dictionary<Key, CoverageReport>> _byCity = [];

    public CoverageReport Get(CitySnapshot city, WalkingGraph? graph, CoverageOptions options)
    {
        var entries = _byCity.GetOrCreateValue(city);
        var key = new Key(graph, options);
        lock (entries)
            if (entries.TryGetValue(key, out var report)) return report;
        var built = CoverageScorer.Score(city, graph, options);
        lock (entries)
        {
            if (entries.Count >= 8) entries.Clear(); // a few walking variants at most
            entries[key] = built;
        }
        return built;
    }
}
