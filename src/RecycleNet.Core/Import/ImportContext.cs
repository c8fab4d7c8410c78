using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Import;

/// <summary>Limits and tolerances of imports and single-feature writes.</summary>
public sealed record ImportOptions
{
    /// <summary>
    /// A point may lie this far (metres) outside every district and still be taken, assigned to the
    /// nearest: the shipped outlines are generalised to a ~90 m grid. Farther out, it is refused as
    /// probably declared in the wrong CRS.
    /// </summary>
    public double DistrictToleranceM { get; init; } = 500;

    /// <summary>Most rows one import may carry.</summary>
    public int MaxRows { get; init; } = 200_000;
}

/// <summary>What validation of one import needs to know of the store as it is.</summary>
public sealed class ImportContext(DistrictLocator districts, CommunityLookup communities, ImportOptions options)
{
    public DistrictLocator Districts { get; } = districts;
    public CommunityLookup Communities { get; } = communities;
    public ImportOptions Options { get; } = options;
}

/// <summary>Resolves references to communities (a mobile station's served list) by id or unique name.</summary>
public sealed class CommunityLookup
{
    private readonly HashSet<long> _ids;
    private readonly Dictionary<string, List<long>> _byName;

    public CommunityLookup(IEnumerable<(long Id, string Name)> communities)
    {
        var list = communities.ToList();
        _ids = list.Select(c => c.Id).ToHashSet();
        _byName = list.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList());
    }

    /// <summary>The id referenced by <paramref name="item"/>, or a reason it references none.</summary>
    public (long Id, string? Problem) Resolve(string item)
    {
        if (long.TryParse(item, out var id))
            return _ids.Contains(id) ? (id, null) : (0, $"community {id} does not exist");
        if (!_byName.TryGetValue(item, out var ids)) return (0, $"no community is named '{item}'");
        return ids.Count == 1 ? (ids[0], null) : (0, $"{ids.Count} communities are named '{item}': use ids");
    }
}
