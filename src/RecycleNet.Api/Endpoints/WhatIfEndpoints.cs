using System.Text.Json;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using RecycleNet.Api.Http;
using RecycleNet.Api.Setup;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;

namespace RecycleNet.Api.Endpoints;

/// <summary>
/// POST /api/coverage/what-if: coverage with hypothetical outlets added, moved or closed, and waste-sorting points merged
/// (两网融合: they would take recyclables too) — nothing is saved.
/// Body: { "add": [{ "lon", "lat", "name"? }], "move": [{ "id", "lon", "lat" }], "close": [id, …], "merge": [point id, …], "crs"? } (default WGS84;
/// GCJ02 when the page shows an Amap/Tencent base map);
/// the walking parameters of /api/coverage come as query parameters. Answers today's summary and the what-if's.
/// </summary>
public static class WhatIfEndpoints
{
    public static void MapWhatIf(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/coverage/what-if", WhatIfAsync).WithTags("Coverage")
            .WithSummary("Coverage if outlets were added, moved or closed (nothing is saved)")
            .Accepts<WhatIfBody>("application/json")
            .Produces<WhatIfAnswer>(200)
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(429)
            .RequireRateLimiting(RateLimits.PublicPosts);

    private static async Task<IResult> WhatIfAsync(HttpRequest req, CityCache cities, NetworkStore network, CoverageCache coverage, IOptions<RecycleNetOptions> o,
        CancellationToken ct)
    {
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        var read = await RequestBody.ObjectAsync(req, o.Value.MaxPublicJsonBytes, ct);
        if (read.Problem is { } bad) return bad;
        var root = read.Value;

        var city = await cities.GetAsync(ct);
        var r = new JsonFieldReader();
        r.OnlyKnown(root, "", Fields.Of<WhatIfBody>());
        var crs = r.Crs(root);
        var outlets = city.Outlets.ToDictionary(x => x.Id);
        var changed = new Dictionary<long, Outlet>(outlets);
        // Hypothetical outlets get ids far below any merged point's −(point id): negative ids are never stored outlets.
        var nextId = -(1L << 40);
        foreach (var (e, path) in r.Objects(root, "add"))
        {
            r.OnlyKnown(e, path, Fields.Of<WhatIfAdd>());
            if (LocationReader.LonLat(r, e, path, crs) is { } p)
                changed[nextId] = new Outlet
                {
                    Id = nextId--, Name = r.Text(e, path, "name") ?? "假设网点", Kind = OutletKind.Fixed,
                    Status = FacilityStatus.Operating, Geometry = p,
                };
        }
        foreach (var (e, path) in r.Objects(root, "move"))
        {
            r.OnlyKnown(e, path, Fields.Of<WhatIfMove>());
            var id = r.Count(e, path, "id");
            if (id is null) { r.Fail($"{path}.id", "is required: the id of an outlet", "必填：回收网点的编号"); continue; }
            if (!outlets.TryGetValue(id.Value, out var existing)) { r.Fail($"{path}.id", $"outlet {id} does not exist", $"编号为 {id} 的回收网点不存在"); continue; }
            if (LocationReader.LonLat(r, e, path, crs) is { } p) changed[existing.Id] = Copy(existing, p, existing.Status);
        }
        if (JsonFieldReader.Member(root, "close") is { } close)
        {
            if (close.ValueKind != JsonValueKind.Array) r.Fail("close", "must be an array of outlet ids", "须为回收网点编号组成的数组");
            else
            {
                var i = 0;
                foreach (var v in close.EnumerateArray())
                {
                    if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var id) && outlets.TryGetValue(id, out var existing))
                        changed[id] = Copy(changed[id], (Point)changed[id].Geometry, FacilityStatus.Closed);
                    else r.Fail($"close[{i}]", $"{JsonFieldReader.Clip(v.GetRawText())} is not the id of an outlet", $"{JsonFieldReader.Clip(v.GetRawText())} 不是回收网点的编号");
                    i++;
                }
            }
        }
        var merged = new HashSet<long>();
        if (JsonFieldReader.Member(root, "merge") is { } merge)
        {
            var points = city.WasteSortingPoints.Where(p => p.Status == FacilityStatus.Operating).Select(p => p.Id).ToHashSet();
            if (merge.ValueKind != JsonValueKind.Array) r.Fail("merge", "must be an array of waste-sorting point ids", "须为垃圾分类投放点编号组成的数组");
            else
            {
                var i = 0;
                foreach (var v in merge.EnumerateArray())
                {
                    if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var id) && points.Contains(id)) merged.Add(id);
                    else r.Fail($"merge[{i}]", $"{JsonFieldReader.Clip(v.GetRawText())} is not the id of an operating waste-sorting point of this city",
                        $"{JsonFieldReader.Clip(v.GetRawText())} 不是本市运营中的垃圾分类投放点编号");
                    i++;
                }
            }
        }
        if (r.Errors.Count > 0) return Problems.InvalidRequest(r.Errors);

        var options = new CoverageOptions { Walking = walk };
        // Today's coverage is kept; the what-if measures again only the communities its changes can reach.
        var before = coverage.Get(city, network.Graph, options);
        var after = CoverageScorer.Score(city with
        {
            Outlets = [.. changed.Values],
            WasteSortingPoints = merged.Count == 0 ? city.WasteSortingPoints : [.. city.WasteSortingPoints.Select(p => merged.Contains(p.Id) ? p.Merged() : p)],
        }, network.Graph, options, before);
        return TypedResults.Ok(new WhatIfAnswer(CoverageJson.Summary(before), CoverageJson.Summary(after)));
    }


    // Every property travels (tier, served villages …): a hand-written copy dropped new ones.
    private static Outlet Copy(Outlet o, Point at, FacilityStatus status) => o.With(at, status);
}
