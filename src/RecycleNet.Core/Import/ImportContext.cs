using RecycleNet.Core.Input;
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
    public double DistrictToleranceM { get; init; } = Geography.DistrictLocator.ToleranceM;

    /// <summary>Most rows one import may carry.</summary>
    public int MaxRows { get; init; } = TableRowReader.MaxRows;
}

/// <summary>
/// What validation of one import needs to know of the store as it is — of the import's city only, so a reference to
/// another city's row finds nothing and is refused like any unknown one.
/// </summary>
public sealed class ImportContext(DistrictLocator districts, ReferenceLookup communities, ImportOptions options,
    TownshipLocator? townships = null, ReferenceLookup? villages = null)
{
    public DistrictLocator Districts { get; } = districts;
    public ReferenceLookup Communities { get; } = communities;
    public TownshipLocator Townships { get; } = townships ?? TownshipLocator.Empty;
    public ReferenceLookup Villages { get; } = villages ?? ReferenceLookup.OfVillages([]);
    public ImportOptions Options { get; } = options;
}

/// <summary>Resolves references to features of a layer (a mobile station's served communities, a sorting point's village) by id or unique name.</summary>
/// <param name="noun">What is referenced, for the reasons given ("community"), its plural, and its Chinese name ("小区").</param>
public sealed class ReferenceLookup(string noun, string plural, string nounZh, IEnumerable<(long Id, string Name)> rows)
{
    private readonly List<(long Id, string Name)> _rows = rows.ToList();

    public static ReferenceLookup OfCommunities(IEnumerable<(long Id, string Name)> rows) => new("community", "communities", "小区", rows);

    public static ReferenceLookup OfVillages(IEnumerable<(long Id, string Name)> rows) => new("village", "villages", "村", rows);
    private HashSet<long>? _ids;
    private Dictionary<string, List<long>>? _byName;

    /// <summary>The id referenced by <paramref name="item"/>, or a reason it references none.</summary>
    public (long Id, Reason? Problem) Resolve(string item)
    {
        _ids ??= _rows.Select(c => c.Id).ToHashSet();
        _byName ??= _rows.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList());
        if (long.TryParse(item, out var id))
            return _ids.Contains(id) ? (id, null) : (0, new($"{noun} {id} does not exist", $"编号为 {id} 的{nounZh}不存在"));
        if (!_byName.TryGetValue(item, out var ids)) return (0, new($"no {noun} is named '{item}'", $"没有名为“{item}”的{nounZh}"));
        return ids.Count == 1 ? (ids[0], null) : (0, new($"{ids.Count} {plural} are named '{item}': use ids", $"有 {ids.Count} 个{nounZh}名为“{item}”：请用编号"));
    }
}
