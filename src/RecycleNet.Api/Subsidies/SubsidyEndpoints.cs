using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Subsidies;

/// <summary>
/// POST /api/subsidies/estimate (public): what an applicant's outlets, stations and facility recognitions earn
/// under a policy's subsidy rules, each yuan with its clause; as JSON or, on Accept: xlsx, a workbook.
/// GET /api/policies/{id}/subsidy-rules: the rules themselves.
/// </summary>
public static class SubsidyEndpoints
{
    public static void MapSubsidies(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/subsidies/estimate", EstimateAsync).WithTags("Subsidies").WithName("EstimateSubsidies")
            .WithSummary("Estimate an applicant's subsidies clause by clause; fixed outlets with a location also get the households they would newly cover")
            .Accepts<SubsidyEstimateBody>("application/json")
            .Produces<SubsidyEstimateAnswer>(200).OrFile(SubsidyWorkbook.MediaType)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(429)
            .RequireRateLimiting(RateLimitPolicies.PublicPosts);
        app.MapGet("/api/policies/{id}/subsidy-rules", IResult (string id, PolicyCatalog catalog) => catalog.Find(id) switch
            {
                null => Problems.NotFound($"policy '{id}'", $"政策“{id}”"),
                { Subsidies: null } p => Problems.Make(404, "not-found", $"policy '{p.Id}' has no subsidy rules",
                    "Its documents set no subsidy for outlets or sorting centres that this service encodes.",
                    detailZh: $"政策 {p.Id} 的文件没有设定本服务所编码的回收网点或分拣中心补贴。"),
                { Subsidies: { } rules } p => TypedResults.Ok(SubsidyJson.Rules(p, rules)),
            })
            .WithTags("Policies").WithSummary("A policy's subsidy rules: conditions, amounts and caps, each with its citation")
            .Produces<SubsidyRulesAnswer>(200).ProducesProblem(404);
        app.MapGet("/api/subsidies/fixed-outlet", FixedOutletAmount).WithTags("Subsidies")
            .WithSummary("What a new fixed outlet of ?areaM2= earns under the city's fixed-outlet rule (after its per-outlet maximum; the applicant's own conditions assumed met)")
            .Produces<FixedOutletAmountAnswer>(200).ProducesProblem(400).ProducesProblem(404);
    }

    private static IResult FixedOutletAmount(HttpRequest req, CityContext here)
    {
        var policy = here.Policy;
        if (policy.Subsidies is null) return SubsidyRequestReader.NoRules(here.City, policy);
        if (policy.Subsidies.Rules.FirstOrDefault(r => r.AppliesTo == SubsidyItemTypes.FixedOutlet) is not { } rule)
            return Problems.NotFound($"a fixed-outlet subsidy rule in policy '{policy.Id}'", $"政策 {policy.Id} 中的固定型网点补贴规则");
        if (!WalkingQuery.TryNumber(req, "areaM2", double.NaN, out var area, out var problem)) return problem!;
        if (double.IsNaN(area) || area is < 0 or > 100_000) return Problems.BadParameter("areaM2", "is required: the outlet's floor area, 0 to 100,000 m²", "必填：网点面积，0 至 100000 平方米");
        return TypedResults.Ok(new FixedOutletAmountAnswer(policy.Id, rule.Id, rule.LabelZh, rule.LabelEn, area,
            SubsidyEstimator.AmountFor(rule, (decimal)area), rule.Amount.MaxYuanPerItem, rule.Citation));
    }

    private static async Task<IResult> EstimateAsync(HttpRequest req, CityContext here, PolicyCatalog catalog, IOptions<RecycleNetOptions> options,
        CityCache cities, NetworkStore network, CancellationToken ct)
    {
        var read = await RequestBody.ObjectAsync(req, options.Value.MaxPublicJsonBytes, ct);
        if (read.Problem is { } unreadable) return unreadable;
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        if (SubsidyRequestReader.TryRead(read.Value, catalog, here.City, here.Cities, out var request) is { } bad) return bad;
        var estimate = SubsidyEstimator.Estimate(request!.Rules, request.Application);

        // Value for money: only when some planned outlet says where it would be.
        var sites = request.Application.Items.OfType<FixedOutletPlan>()
            .Where(f => f.Location is not null)
            .Select(f => new PlannedSite(f.Id, f.Location!.Value.Lon, f.Location.Value.Lat)).ToList();
        var gain = sites.Count == 0 ? null : CoverageGainOp.Measure(await cities.GetAsync(ct), network.Graph,
            sites, new CoverageOptions { Walking = walk });

        if (SubsidyWorkbook.Wanted(req))
        {
            var file = $"subsidy-estimate-{request.Policy.Id}.xlsx";
            return TypedResults.File(SubsidyWorkbook.Build(request, estimate, gain), SubsidyWorkbook.MediaType, file);
        }
        return TypedResults.Ok(SubsidyJson.Estimate(request, estimate, gain));
    }
}
