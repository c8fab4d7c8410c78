using RecycleNet.Api.Http;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Api.Cities;

namespace RecycleNet.Api.Coverage;

/// <summary>
/// /api/tiers: the county – township – village network against the city policy's tier rules, down to each village,
/// township and transfer station. /api/two-networks: 两网融合 — merged waste-sorting points, and the points that would
/// bring the most households into reach if they also took recyclables.
/// </summary>
public static class TierEndpoints
{
    public static void MapTiers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tiers", TiersAsync).WithTags("Tiers")
            .WithSummary("Villages served (by a village outlet within the rule's km by road, or a mobile station), townships with a transfer station (in them or within the rule's minutes), stations within reach of a county centre; per county")
            .Produces<TierDetailAnswer>(200)
            .ProducesProblem(404);
        app.MapGet("/api/two-networks", MergeAsync).WithTags("Tiers")
            .WithSummary("两网融合: merged waste-sorting points, and the points that would bring the most households into reach if they also took recyclables (?limit=50)")
            .Produces<MergeAnswer>(200)
            .ProducesProblem(400);
    }

    private static async Task<IResult> TiersAsync(CityContext here, CityCache cities, NetworkStore network, CancellationToken ct)
    {
        var city = here.City;
        if (here.Policy.Tiers is not { } rules)
            return Problems.Make(404, "not-found", $"{city.NameEn}'s policy sets no county – township – village tiers", field: "city",
                detail: $"{city.Policy} asks for no county sorting centres, township transfer stations and village outlets; this city's network is scored by its life circles and targets (GET /api/scorecard).",
                detailZh: $"{city.Name}的政策（{city.Policy}）未要求县域分拣中心、乡镇中转站和村级回收网点三级体系；本市网络按一刻钟生活圈和目标评估（GET /api/scorecard）。");
        var snapshot = await cities.GetAsync(ct);
        return TypedResults.Ok(TierJson.Detail(TierCoverageOp.Measure(snapshot, rules, network.RoadsFor(snapshot))));
    }

    private static async Task<IResult> MergeAsync(HttpContext http, CityContext here, CityCache cities, NetworkStore network, CancellationToken ct)
    {
        if (!WalkingQuery.TryParse(http.Request, out var walk, out var problem)) return problem!;
        if (!WalkingQuery.TryNumber(http.Request, "limit", 50, out var limit, out problem)) return problem!;
        if (limit is < 1 or > 10_000 || limit != Math.Floor(limit)) return Problems.BadParameter("limit", "must be a whole number from 1 to 10,000", "须为 1 到 10000 之间的整数");
        var snapshot = await cities.GetAsync(ct);
        var graph = network.Graph;
        var roads = network.RoadsFor(snapshot);
        var tiers = here.Policy.Tiers is { } rules && snapshot.Villages.Count > 0
            ? TierCoverageOp.Measure(snapshot, rules, roads) : null;
        var report = await Task.Run(() => MergeCandidatesOp.Rank(snapshot, graph, new CoverageOptions { Walking = walk }, tiers, roads), ct);
        return TypedResults.Ok(MergeJson.Of(report, walk, tiers, roads, (int)limit));
    }
}
