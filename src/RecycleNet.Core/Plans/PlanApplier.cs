using System.Text.Json;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Input;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Plans;

/// <summary>A plan applied to a city in memory: the city after, and every feature it adds, replaces and removes.</summary>
/// <param name="Added">Each added feature with a provisional id (the store gives it its own on adoption).</param>
/// <param name="Replaced">Each changed feature as it is and as the plan makes it (same id and version).</param>
public sealed record PlanApplication(CitySnapshot After, IReadOnlyList<FieldError> Errors,
    IReadOnlyList<(string Layer, PlanAdd Change, SpatialEntity Entity)> Added,
    IReadOnlyList<(string Layer, SpatialEntity Before, SpatialEntity After)> Replaced,
    IReadOnlyList<(string Layer, SpatialEntity Before)> Removed)
{
    public bool Valid => Errors.Count == 0;

    /// <summary>Which kind of change each replaced feature is (a move, a closing or an update of properties), by layer and id.</summary>
    public IReadOnlyDictionary<(string Layer, long Id), PlanChangeKind> Kinds { get; init; } = new Dictionary<(string, long), PlanChangeKind>();

    /// <summary>
    /// Changes that are valid but odd — closing what is closed, changing a planned or closed feature so that nothing a
    /// planner measures moves: said in the evaluation, not silently accepted.
    /// </summary>
    public IReadOnlyList<FieldError> Warnings { get; init; } = [];

    public PlanChangeKind KindOf(string layer, long id) => Kinds.GetValueOrDefault((layer, id), PlanChangeKind.Update);
}

/// <summary>
/// Applies a plan's changes to a city snapshot, by the layers' own rules: an added feature is read as an import row
/// would be, and a changed one is its current properties with the plan's over them, read again — so a plan can hold
/// nothing a PUT would refuse. The one definition of what a plan does: evaluation scores its result, adoption writes it.
/// </summary>
public static class PlanApplier
{
    /// <summary>
    /// Provisional ids of added features: positive, as a stored outlet's are (answers show merged waste-sorting points
    /// as outlets of negative id), and far above any id a store gives.
    /// </summary>
    public const long FirstProvisionalId = 1L << 50;

    public static PlanApplication Apply(CitySnapshot city, PlanChanges changes)
    {
        var errors = new List<FieldError>();
        var ctx = ContextOf(city);
        var outlets = city.Outlets.ToDictionary(o => o.Id);
        var centers = city.SortingCenters.ToDictionary(c => c.Id);
        var added = new List<(string, PlanAdd, SpatialEntity)>();
        var replaced = new List<(string, SpatialEntity, SpatialEntity)>();
        var removed = new List<(string, SpatialEntity)>();
        var touched = new HashSet<(string, long)>();
        var kinds = new Dictionary<(string, long), PlanChangeKind>();
        var warnings = new List<FieldError>();

        var points = city.WasteSortingPoints.ToDictionary(p => p.Id);
        SpatialEntity? Existing(string path, string layer, long id)
        {
            // Waste-sorting points are changed by merges, and restored by the revert of one.
            if (!PlanChanges.Layers.Contains(layer) && layer != PlanChanges.MergeLayer) { errors.Add(new($"{path}.layer", PlanChanges.NotALayer(layer))); return null; }
            SpatialEntity? e = layer switch
            {
                "outlets" => outlets.GetValueOrDefault(id),
                "sorting-centers" => centers.GetValueOrDefault(id),
                _ => points.GetValueOrDefault(id),
            };
            if (e is null) { errors.Add(new($"{path}.id", PlanChanges.NoSuchFeature(layer, id))); return null; }
            if (!touched.Add((layer, id)))
            {
                errors.Add(new($"{path}.id", $"{layer}/{id} is changed twice in the plan: one change per feature", $"方案对 {layer}/{id} 改了两次：每个要素只能有一项改动"));
                return null;
            }
            return e;
        }

        var provisional = FirstProvisionalId;
        for (var i = 0; i < changes.Add.Count; i++)
        {
            var a = changes.Add[i];
            var path = $"add[{i}]";
            if (!PlanChanges.Layers.Contains(a.Layer)) { errors.Add(new($"{path}.layer", PlanChanges.NotALayer(a.Layer))); continue; }
            var layer = LayerCatalog.Find(a.Layer)!;
            if (Read(layer, path, new Point(a.Lon, a.Lat), a.Properties, ctx, errors) is not { } entity) continue;
            entity.Id = provisional++;
            added.Add((a.Layer, a, entity));
        }
        // A move and a closing are changes of place and of status: one path, the layer's rules, for all three.
        var updates = changes.Move.Select((m, i) => ($"move[{i}]", PlanChangeKind.Move, new PlanUpdate(m.Layer, m.Id, EmptyObject, m.BaseVersion, m.Lon, m.Lat)))
            .Concat(changes.Close.Select((c, i) => ($"close[{i}]", PlanChangeKind.Close, new PlanUpdate(c.Layer, c.Id, ClosedStatus, c.BaseVersion))))
            .Concat(changes.Update.Select((u, i) => ($"update[{i}]", PlanChangeKind.Update, u)))
            .Concat(changes.Merge.Select((m, i) => ($"merge[{i}]", PlanChangeKind.Merge, new PlanUpdate(m.Layer, m.Id, TakesRecyclables, m.BaseVersion))));
        foreach (var (path, kind, u) in updates)
        {
            if (kind == PlanChangeKind.Merge && u.Layer != PlanChanges.MergeLayer) { errors.Add(new($"{path}.layer", NotMergeable)); continue; }
            if (Existing(path, u.Layer, u.Id) is not { } before) continue;
            if (kind == PlanChangeKind.Merge && before is WasteSortingPoint { Status: not FacilityStatus.Operating } p)
            {
                errors.Add(new(path, NotOperatingPoint(p)));
                continue;
            }
            if (u.Properties.ValueKind != JsonValueKind.Object) { errors.Add(new($"{path}.properties", NotProperties)); continue; }
            if ((u.Lon is null) != (u.Lat is null)) { errors.Add(new($"{path}.lon", "lon and lat go together", "经度和纬度须同时给出")); continue; }
            var layer = LayerCatalog.Find(u.Layer)!;
            var at = u.Lon is { } lon ? new Point(lon, u.Lat!.Value) : before.Geometry;
            if (Read(layer, path, at, Merge(layer, before, u.Properties), ctx, errors) is not { } after) continue;
            (after.Id, after.Version, after.CityId) = (before.Id, before.Version, before.CityId);
            replaced.Add((u.Layer, before, after));
            kinds[(u.Layer, before.Id)] = kind;
            if (Odd(kind, u.Layer, before, after) is { } odd) warnings.Add(new(path, odd));
        }
        for (var i = 0; i < changes.Remove.Count; i++)
            if (Existing($"remove[{i}]", changes.Remove[i].Layer, changes.Remove[i].Id) is { } before) removed.Add((changes.Remove[i].Layer, before));

        var gone = removed.Select(r => (r.Item1, r.Item2.Id)).ToHashSet();
        var swap = replaced.ToDictionary(r => (r.Item1, r.Item2.Id), r => r.Item3);
        List<T> Changed<T>(IEnumerable<T> existing, string layer) where T : SpatialEntity =>
        [
            .. existing.Where(e => !gone.Contains((layer, e.Id))).Select(e => swap.TryGetValue((layer, e.Id), out var n) ? (T)n : e),
            .. added.Where(a => a.Item1 == layer).Select(a => (T)a.Item3),
        ];
        var result = city with
        {
            Outlets = Changed(city.Outlets, "outlets"), SortingCenters = Changed(city.SortingCenters, "sorting-centers"),
            WasteSortingPoints = Changed(city.WasteSortingPoints, PlanChanges.MergeLayer),
        };
        return new PlanApplication(result, errors, added, replaced, removed) { Kinds = kinds, Warnings = warnings };
    }

    /// <summary>Why a valid change is odd enough to tell the planner, or null.</summary>
    private static Reason? Odd(PlanChangeKind kind, string layer, SpatialEntity before, SpatialEntity after)
    {
        var was = StatusOf(before);
        var name = $"{layer}/{before.Id}（{before.Name}）";
        if (kind == PlanChangeKind.Merge && before is WasteSortingPoint { TakesRecyclables: true })
            return new($"{layer}/{before.Id} ({before.Name}) takes recyclables already: merging it changes nothing",
                $"{name} 已兼收可回收物：再次两网融合不改变任何结果");
        if (kind == PlanChangeKind.Close && was == FacilityStatus.Closed)
            return new($"{layer}/{before.Id} ({before.Name}) is closed already: closing it changes nothing",
                $"{name} 已经关闭：再次关闭不改变任何结果");
        if (was == FacilityStatus.Closed && StatusOf(after) == FacilityStatus.Closed)
            return new($"{layer}/{before.Id} ({before.Name}) is closed and stays closed: the change does not count in coverage, loads or targets",
                $"{name} 已关闭且仍为关闭：此修改不计入覆盖、负荷或目标");
        if (was == FacilityStatus.Planned && StatusOf(after) == FacilityStatus.Planned)
            return new($"{layer}/{before.Id} ({before.Name}) is planned, not operating, and stays planned: the change does not count in coverage, loads or targets until it opens",
                $"{name} 处于规划中（尚未运营）且仍为规划中：此修改在其运营前不计入覆盖、负荷或目标");
        return null;
    }

    private static FacilityStatus? StatusOf(SpatialEntity e) => (e as Outlet)?.Status ?? (e as SortingCenter)?.Status ?? (e as WasteSortingPoint)?.Status;

    private static readonly Reason NotMergeable = new($"a merge changes a waste-sorting point: the layer is {PlanChanges.MergeLayer}",
        $"两网融合的对象是垃圾分类投放点：图层须为 {PlanChanges.MergeLayer}");

    /// <summary>Why a point cannot be merged: only a point residents use today can take their recyclables too.</summary>
    public static Reason NotOperatingPoint(WasteSortingPoint p) =>
        new($"{PlanChanges.MergeLayer}/{p.Id} ({p.Name}) is {p.Status.ToString().ToLowerInvariant()}: only an operating waste-sorting point can take recyclables too",
            $"{PlanChanges.MergeLayer}/{p.Id}（{p.Name}）不在运营中：只有运营中的垃圾分类投放点才能兼收可回收物（两网融合）");

    public static readonly Reason NotProperties = new("must be an object of the feature's properties", "须为要素属性组成的对象");

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
    private static readonly JsonElement TakesRecyclables = JsonDocument.Parse("""{"takesRecyclables":true}""").RootElement.Clone();
    private static readonly JsonElement ClosedStatus = JsonDocument.Parse("""{"status":"closed"}""").RootElement.Clone();

    /// <summary>What validating a feature against the city needs, from the snapshot (districts, communities, townships, villages).</summary>
    public static ImportContext ContextOf(CitySnapshot city) => new(new DistrictLocator(city.Districts),
        ReferenceLookup.OfCommunities(city.Communities.Select(c => (c.Id, c.Name))), new ImportOptions(),
        new TownshipLocator(city.Townships), ReferenceLookup.OfVillages(city.Villages.Select(v => (v.Id, v.Name))));

    /// <summary>A feature's current properties (as a GET writes them) with <paramref name="changes"/> over them.</summary>
    private static JsonElement Merge(LayerDefinition layer, SpatialEntity e, JsonElement changes)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            var overridden = changes.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in layer.Properties(e, LayerLookups.Empty))
                if (!overridden.Contains(name)) PropertyValues.Write(w, name, value);
            foreach (var p in changes.EnumerateObject()) p.WriteTo(w);
            w.WriteEndObject();
        }
        return JsonDocument.Parse(ms.ToArray()).RootElement.Clone();
    }

    /// <summary>A feature of <paramref name="layer"/> at <paramref name="at"/> read from its properties by the layer's rules; null with errors named under <paramref name="path"/>.</summary>
    private static SpatialEntity? Read(LayerDefinition layer, string path, Geometry at, JsonElement properties, ImportContext ctx, List<FieldError> errors)
    {
        if (properties.ValueKind != JsonValueKind.Object) { errors.Add(new($"{path}.properties", NotProperties)); return null; }
        var feature = JsonDocument.Parse($$"""{"type":"Feature","geometry":null,"properties":{{properties.GetRawText()}}}""").RootElement;
        var parsed = GeoJsonRowReader.ReadFeature(feature, 0);
        var row = new ImportRow(0, at, parsed.Properties) { StrictTypes = true };
        var found = new List<ImportError>();
        var entity = LayerImporter.Validate(layer, row, DeclaredCrs.Wgs84, ctx, found);
        foreach (var e in found)
            errors.Add(new(e.Field == "geometry" ? $"{path}.lon" : e.Field is null ? path : $"{path}.properties.{e.Field}", e.Reason, e.ReasonZh));
        return entity;
    }
}
