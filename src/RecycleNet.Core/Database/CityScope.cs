namespace RecycleNet.Core.Database;

/// <summary>
/// Which city a unit of work (an HTTP request, a cache rebuild, a siting run) reads and writes: the store's half of the
/// request's city, set once from it (the Api's CityRouting, from the CityContext it resolves) or from the city a run or
/// a rebuild belongs to. The store's context filters every city-owned table by it and stamps it on every row it adds,
/// so a query or write written without a thought for cities still stays inside one. <see cref="Id"/> null means every
/// city: only the service's own bookkeeping (claiming siting runs, the revision watcher, start-up) works so, and it may
/// read but not add rows.
/// </summary>
public sealed class CityScope
{
    private string? _id;
    private bool _set;

    /// <summary>The city; set once per unit of work — a second, different city is a bug that would mix two cities' rows.</summary>
    public string? Id
    {
        get => _id;
        set
        {
            if (_set && value != _id) throw new InvalidOperationException($"this unit of work is in city '{_id ?? "(every city)"}' already; it cannot move to '{value ?? "(every city)"}'");
            (_id, _set) = (value, true);
        }
    }

    public CityScope() { }

    public CityScope(string? id) => Id = id;
}
