namespace RecycleNet.Core.Database;

/// <summary>
/// Which city a unit of work (an HTTP request, a cache rebuild, a siting run) reads and writes. The store's context
/// filters every city-owned table by it and stamps it on every row it adds, so a query or write written without a
/// thought for cities still stays inside one. <see cref="Id"/> null means every city: only the service's own
/// bookkeeping (claiming siting runs, the revision watcher, start-up) works so, and it may read but not add rows.
/// </summary>
public sealed class CityScope
{
    public string? Id { get; set; }

    public CityScope() { }

    public CityScope(string? id) => Id = id;
}
