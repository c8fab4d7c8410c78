using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Plans;
using RecycleNet.Core.Input;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Coverage;

namespace RecycleNet.Api.Plans;

/// <summary>
/// POST /api/coverage/what-if: coverage with hypothetical outlets added, moved or closed, and waste-sorting points merged
/// (两网融合: they would take recyclables too) — nothing is saved.
/// Body: a plan's changes at the top level — { "add": [{ "lon", "lat", "name"?, "layer"?, "properties"? }], "move": [{ "id", "lon", "lat" }],
/// "close": [id, …], "update": [{ "id", "properties" }] } — and "merge": [point id, …], "crs"? (default WGS84; GCJ02 when the page shows an
/// Amap/Tencent base map);
/// the walking parameters of /api/coverage come as query parameters. Answers today's summary and the what-if's.
/// </summary>
public static class WhatIfEndpoints
{
    public static void MapWhatIf(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/coverage/what-if", WhatIfAsync).WithTags("Coverage").WithName("WhatIf")
            .WithSummary("Coverage if outlets were added, moved or closed (nothing is saved)")
            .Accepts<WhatIfBody>("application/json")
            .Produces<WhatIfAnswer>(200)
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(429)
            .RequireRateLimiting(RateLimitPolicies.PublicPosts);

    private static async Task<IResult> WhatIfAsync(HttpRequest req, CityCache cities, NetworkStore network, CoverageCache coverage, IOptions<RecycleNetOptions> o,
        CancellationToken ct)
    {
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        var read = await RequestBody.ObjectAsync(req, o.Value.MaxPublicJsonBytes, ct);
        if (read.Problem is { } bad) return bad;
        var root = read.Value;

        var city = await cities.GetAsync(ct);
        var r = new JsonFieldReader();
        var changes = PlanRequest.WhatIf(root, city, r);
        if (r.Errors.Count > 0) return Problems.InvalidRequest(r.Errors);
        var applied = PlanApplier.Apply(city, changes);
        if (!applied.Valid) return Problems.InvalidRequest(applied.Errors);

        var options = new CoverageOptions { Walking = walk };
        // Today's coverage is kept; the what-if measures again only the communities its changes can reach.
        var before = coverage.Get(city, network.Graph, options);
        var after = CoverageScorer.Score(applied.After, network.Graph, options, before);
        return TypedResults.Ok(new WhatIfAnswer(CoverageJson.Summary(before), CoverageJson.Summary(after)));
    }
}
