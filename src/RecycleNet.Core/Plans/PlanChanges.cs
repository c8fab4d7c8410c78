using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecycleNet.Core.Plans;

/// <summary>
/// What a plan changes, in WGS84: features added (a layer's properties at a point, perhaps from a siting run's proposal),
/// existing ones moved, closed, re-attributed (any of their properties) or removed (what reverting an adoption does to
/// the features it created), and operating waste-sorting points merged (两网融合: they take recyclables too). Every change
/// to an existing feature names the version it was made from.
/// </summary>
public sealed record PlanChanges
{
    public List<PlanAdd> Add { get; init; } = [];
    public List<PlanMove> Move { get; init; } = [];
    public List<PlanRef> Close { get; init; } = [];
    public List<PlanUpdate> Update { get; init; } = [];
    public List<PlanRef> Remove { get; init; } = [];

    /// <summary>Waste-sorting points (layer <see cref="MergeLayer"/>) that take recyclables too.</summary>
    public List<PlanRef> Merge { get; init; } = [];

    [JsonIgnore]
    public int Count => Add.Count + Move.Count + Close.Count + Update.Count + Remove.Count + Merge.Count;

    /// <summary>The layers a plan may add to, move, close and re-attribute.</summary>
    public static readonly IReadOnlyList<string> Layers = ["outlets", "sorting-centers"];

    /// <summary>The layer a merge changes (and a revert of a merge restores).</summary>
    public const string MergeLayer = "waste-sorting-points";

    /// <summary>Why <paramref name="layer"/> cannot be changed by a plan.</summary>
    public static Input.Reason NotALayer(string layer) =>
        new($"must be one of {string.Join(", ", Layers)}, got '{layer}'", $"须为 outlets（回收网点）或 sorting-centers（分拣中心），实际为“{layer}”");

    /// <summary>Why a change names a feature the city does not have.</summary>
    public static Input.Reason NoSuchFeature(string layer, long id) =>
        new($"{layer}/{id} does not exist in this city", $"本市没有 {layer}/{id}");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PlanChanges FromJson(string json) => JsonSerializer.Deserialize<PlanChanges>(json, Json) ?? new PlanChanges();

    /// <summary>
    /// The changes with one change per feature, as a what-if's map tools make them: a feature moved again keeps its last
    /// place, one moved and closed becomes one change to both its place and status, and a point merged twice is merged once. A plan that is kept refuses two
    /// changes of a feature instead (<see cref="PlanApplier"/>), since its author should say which one is meant.
    /// </summary>
    public PlanChanges OnePerFeature()
    {
        var moves = Move.GroupBy(m => (m.Layer, m.Id)).ToDictionary(g => g.Key, g => g.Last());
        var closes = Close.GroupBy(c => (c.Layer, c.Id)).ToDictionary(g => g.Key, g => g.First());
        var closed = System.Text.Json.JsonDocument.Parse("""{"status":"closed"}""").RootElement.Clone();
        return this with
        {
            Merge = [.. Merge.DistinctBy(m => m.Id)],
            Move = [.. moves.Values.Where(m => !closes.ContainsKey((m.Layer, m.Id)))],
            Close = [.. closes.Values.Where(c => !moves.ContainsKey((c.Layer, c.Id)))],
            Update = [.. Update, .. moves.Values.Where(m => closes.ContainsKey((m.Layer, m.Id)))
                .Select(m => new PlanUpdate(m.Layer, m.Id, closed, m.BaseVersion, m.Lon, m.Lat))],
        };
    }

    /// <summary>Every existing feature the plan touches, with the version its change was made from.</summary>
    public IEnumerable<(string Layer, long Id, long BaseVersion)> Touched() =>
        Move.Select(m => (m.Layer, m.Id, m.BaseVersion)).Concat(Close.Select(c => (c.Layer, c.Id, c.BaseVersion)))
            .Concat(Update.Select(u => (u.Layer, u.Id, u.BaseVersion))).Concat(Remove.Select(r => (r.Layer, r.Id, r.BaseVersion)))
            .Concat(Merge.Select(m => (m.Layer, m.Id, m.BaseVersion)));
}

/// <param name="Properties">The feature's properties as a GeoJSON feature has them (name, kind, areaM2 …), checked by the layer's rules.</param>
/// <param name="From">The siting run and proposal rank it was accepted from, if any.</param>
public sealed record PlanAdd(string Layer, double Lon, double Lat, JsonElement Properties, PlanSource? From = null);

/// <summary>A siting run's proposal, by run and rank.</summary>
public sealed record PlanSource(Guid Job, int Rank);

public sealed record PlanMove(string Layer, long Id, double Lon, double Lat, long BaseVersion);

/// <summary>An existing feature, at the version the change was made from.</summary>
public sealed record PlanRef(string Layer, long Id, long BaseVersion);

/// <param name="Properties">The properties that change; the others stay as they are.</param>
/// <param name="Lon">With <paramref name="Lat"/>: a new place too (what a revert restores).</param>
public sealed record PlanUpdate(string Layer, long Id, JsonElement Properties, long BaseVersion, double? Lon = null, double? Lat = null);

/// <summary>What adopting a plan did: the features it created, and each feature it replaced or removed as it was before.</summary>
public sealed record PlanAdoption(List<PlanCreated> Created, List<PlanPrevious> Previous);

public sealed record PlanCreated(string Layer, long Id, long Version);

/// <param name="Feature">The feature before adoption, as GeoJSON with full-precision coordinates (what a revert restores).</param>
/// <param name="VersionAfter">Its version after adoption (null: removed).</param>
public sealed record PlanPrevious(string Layer, long Id, JsonElement Feature, long VersionBefore, long? VersionAfter);
