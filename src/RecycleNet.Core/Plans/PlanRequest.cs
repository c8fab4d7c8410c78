using System.Text.Json;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Plans;

/// <summary>
/// Reads a plan's body — the what-if body's shape, extended: <c>{ "name", "changes": { "add": [{ "layer"?, "lon", "lat",
/// "name"?, "properties"? }], "move": [{ "layer"?, "id", "lon", "lat" }], "close": [id | { "layer", "id" }], "update":
/// [{ "layer"?, "id", "properties" }], "merge": [waste-sorting point id] }, "fromSitingJob"?: { "id", "ranks"? }, "crs"? }</c> (layer: outlets by default) —
/// into <see cref="PlanChanges"/>, each change to an existing feature stamped with the version the city has now.
/// </summary>
public static class PlanRequest
{
    public static (string? Name, PlanChanges Changes, (Guid Job, int[]? Ranks)? From) Read(JsonElement root, CitySnapshot city, JsonFieldReader r)
    {
        r.OnlyKnown(root, "", Fields.Of<PlanBody>());
        var name = r.Text(root, "", "name", 100);
        if (name is null && r.Errors.All(e => e.Field != "name")) r.Fail("name", "is required: a name planners will know the plan by", "必填：方案名称，规划人员据此识别方案");
        var crs = LocationReader.Crs(r, root);
        var changes = new PlanChanges();
        var body = r.Object(root, "", "changes");
        if (body is { } c)
        {
            r.OnlyKnown(c, "changes", Fields.Of<PlanChangesBody>());
            changes = Changes(c, "changes.", city, crs, r, "规划网点");
        }
        (Guid, int[]?)? from = null;
        if (r.Object(root, "", "fromSitingJob") is { } job)
        {
            r.OnlyKnown(job, "fromSitingJob", Fields.Of<PlanFromSitingBody>());
            if (r.Text(job, "fromSitingJob", "id") is not { } text || !Guid.TryParse(text, out var guid)) r.Fail("fromSitingJob.id", "is required: the id of a done siting run", "必填：已完成的选址任务编号");
            else
            {
                int[]? ranks = null;
                if (JsonFieldReader.Member(job, "ranks") is { } list)
                {
                    if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(x => !x.TryGetInt32(out var k) || k < 1))
                        r.Fail("fromSitingJob.ranks", "must be an array of proposal ranks (1, 2, …)", "须为建议序号（1、2……）组成的数组");
                    else ranks = [.. list.EnumerateArray().Select(x => x.GetInt32())];
                }
                from = (guid, ranks);
            }
        }
        if (body is null && from is null && r.Errors.Count == 0) r.Fail("changes", "is required: the plan's add, move, close, update and merge lists (or fromSitingJob)", "必填：方案的新增、迁移、关闭、修改、两网融合清单（或 fromSitingJob 选址建议）");
        return (name, changes, from);
    }

    /// <summary>
    /// A what-if's body: a plan's changes, read as a plan's are, one change per feature. A what-if is a plan's changes that
    /// are not kept, applied by the one definition of what changes do (PlanApplier), so its added outlets and merged points
    /// count as a plan's do in every figure a plan's evaluation makes.
    /// </summary>
    public static PlanChanges WhatIf(JsonElement root, CitySnapshot city, JsonFieldReader r)
    {
        r.OnlyKnown(root, "", Fields.Of<WhatIfBody>());
        var crs = LocationReader.Crs(r, root);
        return PlanRequest.Changes(root, "", city, crs, r, "假设网点").OnePerFeature();
    }

    /// <summary>
    /// The add, move, close, update and merge lists of <paramref name="c"/> (a plan's <c>changes</c>, or a what-if's body itself),
    /// their paths under <paramref name="prefix"/>, each change to an existing feature stamped with the version the city
    /// has now; an added outlet without a name is called <paramref name="outletName"/>. The one reading of a plan's changes.
    /// </summary>
    public static PlanChanges Changes(JsonElement c, string prefix, CitySnapshot city, DeclaredCrs crs, JsonFieldReader r, string outletName)
    {
        var changes = new PlanChanges();
        var versions = city.Outlets.Select(o => ("outlets", o.Id, o.Version)).Concat(city.SortingCenters.Select(c => ("sorting-centers", c.Id, c.Version)))
            .Concat(city.WasteSortingPoints.Select(p => (PlanChanges.MergeLayer, p.Id, p.Version)))
            .ToDictionary(x => (x.Item1, x.Id), x => x.Version);
        long Version(string path, string layer, long id)
        {
            if (versions.TryGetValue((layer, id), out var v)) return v;
            r.Fail($"{path}.id", PlanChanges.NoSuchFeature(layer, id));
            return 0;
        }
        foreach (var (e, path) in r.Objects(c, "add"))
        {
            var p = $"{prefix}{path}";
            r.OnlyKnown(e, p, Fields.Of<PlanAddBody>());
            var layer = Layer(r, e, p);
            if (LocationReader.LonLat(r, e, p, crs) is not { } at) continue;
            changes.Add.Add(new PlanAdd(layer, at.X, at.Y, Properties(r, e, p, r.Text(e, p, "name"), layer, outletName)));
        }
        foreach (var (e, path) in r.Objects(c, "move"))
        {
            var p = $"{prefix}{path}";
            r.OnlyKnown(e, p, Fields.Of<PlanMoveBody>());
            var layer = Layer(r, e, p);
            if (Id(r, e, p) is not { } id || LocationReader.LonLat(r, e, p, crs) is not { } at) continue;
            changes.Move.Add(new PlanMove(layer, id, at.X, at.Y, Version(p, layer, id)));
        }
        foreach (var (v, p) in r.Items(c, prefix, "close", new("must be an array of outlet ids, or of { layer, id }", "须为回收网点编号或 { layer, id } 组成的数组")))
        {
            var (layer, id) = v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? ("outlets", (long?)n)
                : v.ValueKind == JsonValueKind.Object ? (Layer(r, v, p), Id(r, v, p)) : ("outlets", null);
            if (id is null)
            {
                r.Fail(p, $"{JsonFieldReader.Clip(v.GetRawText())} is not an outlet id, nor {{ layer, id }}", $"{JsonFieldReader.Clip(v.GetRawText())} 既不是回收网点编号，也不是 {{ layer, id }}");
                continue;
            }
            changes.Close.Add(new PlanRef(layer, id.Value, Version(p, layer, id.Value)));
        }
        foreach (var (e, path) in r.Objects(c, "update"))
        {
            var p = $"{prefix}{path}";
            r.OnlyKnown(e, p, Fields.Of<PlanUpdateBody>());
            var layer = Layer(r, e, p);
            if (Id(r, e, p) is not { } id) continue;
            if (JsonFieldReader.Member(e, "properties") is not { ValueKind: JsonValueKind.Object } props)
            {
                r.Fail($"{p}.properties", "is required: an object of the properties that change", "必填：要修改的属性组成的对象");
                continue;
            }
            changes.Update.Add(new PlanUpdate(layer, id, props.Clone(), Version(p, layer, id)));
        }
        foreach (var (v, p) in r.Items(c, prefix, "merge", new("must be an array of waste-sorting point ids", "须为垃圾分类投放点编号组成的数组")))
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var id) && versions.TryGetValue((PlanChanges.MergeLayer, id), out var version))
                changes.Merge.Add(new PlanRef(PlanChanges.MergeLayer, id, version));
            else r.Fail(p, $"{JsonFieldReader.Clip(v.GetRawText())} is not the id of a waste-sorting point of this city",
                $"{JsonFieldReader.Clip(v.GetRawText())} 不是本市垃圾分类投放点的编号");
        }
        return changes;
    }

    /// <summary>
    /// A siting run's proposals accepted into a plan: operating outlets and sorting centres at the proposed places, named by
    /// their rank (a planner who adopts them as only planned changes their status in the plan first).
    /// </summary>
    public static void Accept(PlanChanges changes, IReadOnlyList<SitingProposal> proposals, Guid job, int[]? ranks, JsonFieldReader r)
    {
        var chosen = ranks is null ? proposals : [.. proposals.Where(p => ranks.Contains(p.Rank))];
        foreach (var missing in (ranks ?? []).Where(k => proposals.All(p => p.Rank != k))) r.Fail("fromSitingJob.ranks", $"the run has no proposal of rank {missing}", $"该选址任务没有第 {missing} 号建议");
        foreach (var p in chosen)
        {
            var layer = p.Kind switch { "outlet" or "villageOutlet" => "outlets", "sortingCenter" or "countyCentre" => "sorting-centers", _ => null };
            if (layer is null) { r.Fail("fromSitingJob", $"proposal {p.Rank} is a {p.Kind}: plans hold outlets and sorting centres", $"第 {p.Rank} 号建议是 {p.Kind}：方案只收回收网点和分拣中心"); continue; }
            var name = $"选址建议 #{p.Rank}" + (p.Label is { Length: > 0 } l ? $" {l}" : "");
            // Operating: a plan describes the network as it would be, so its evaluation shows what the sites do once open.
            var props = p.Kind switch
            {
                "villageOutlet" => new Dictionary<string, object?> { ["name"] = name, ["kind"] = "fixed", ["status"] = "operating", ["tier"] = "village" },
                "countyCentre" => new Dictionary<string, object?> { ["name"] = name, ["status"] = "operating", ["tier"] = "county" },
                "sortingCenter" => new Dictionary<string, object?> { ["name"] = name, ["status"] = "operating" },
                _ => new Dictionary<string, object?> { ["name"] = name, ["kind"] = "fixed", ["status"] = "operating" },
            };
            changes.Add.Add(new PlanAdd(layer, p.Lon, p.Lat, JsonSerializer.SerializeToElement(props), new PlanSource(job, p.Rank)));
        }
    }

    private static string Layer(JsonFieldReader r, JsonElement e, string path)
    {
        var layer = r.Text(e, path, "layer") ?? "outlets";
        if (!PlanChanges.Layers.Contains(layer)) r.Fail($"{path}.layer", PlanChanges.NotALayer(JsonFieldReader.Clip(layer)));
        return layer;
    }

    private static long? Id(JsonFieldReader r, JsonElement e, string path)
    {
        if (JsonFieldReader.Member(e, "id") is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var id) && id > 0) return id;
        r.Fail($"{path}.id", "is required: the id of an outlet or sorting centre", "必填：回收网点或分拣中心的编号");
        return null;
    }

    /// <summary>The properties of an added feature: those given, the name, and for an outlet the defaults of a what-if outlet (fixed, operating).</summary>
    private static JsonElement Properties(JsonFieldReader r, JsonElement e, string path, string? name, string layer, string outletName)
    {
        var props = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (JsonFieldReader.Member(e, "properties") is { } given)
        {
            if (given.ValueKind != JsonValueKind.Object) r.Fail($"{path}.properties", PlanApplier.NotProperties);
            else foreach (var p in given.EnumerateObject()) props[p.Name] = p.Value.Clone();
        }
        if (name is not null) props["name"] = JsonSerializer.SerializeToElement(name);
        if (!props.ContainsKey("name")) props["name"] = JsonSerializer.SerializeToElement(layer == "outlets" ? outletName : "规划分拣中心");
        if (layer == "outlets" && !props.ContainsKey("kind")) props["kind"] = JsonSerializer.SerializeToElement("fixed");
        return JsonSerializer.SerializeToElement(props);
    }

}
