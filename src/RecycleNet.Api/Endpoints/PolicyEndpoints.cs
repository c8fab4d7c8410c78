using RecycleNet.Api.Http;
using RecycleNet.Core.Policies;

namespace RecycleNet.Api.Endpoints;

/// <summary>/api/policies: the cities' policies as data, every target and measure with its citation.</summary>
public static class PolicyEndpoints
{
    public static void MapPolicies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies");
        group.MapGet("/", (PolicyCatalog catalog) => TypedResults.Ok(catalog.All.OrderBy(p => p.Id).Select(p => new
            {
                p.Id, p.City, p.CityEn, p.Title, p.DocumentNumber, p.Issuer, p.IssuedOn,
                targets = p.Targets.Count, measures = p.Measures.Count, href = $"/api/policies/{p.Id}",
                subsidyRules = p.Subsidies?.Rules.Count ?? 0,
                subsidyRulesHref = p.Subsidies is null ? null : $"/api/policies/{p.Id}/subsidy-rules",
            })))
            .WithSummary("The policies known, one line each");
        group.MapGet("/{id}", IResult (string id, PolicyCatalog catalog) =>
                catalog.Find(id) is { } p ? TypedResults.Ok(p) : Problems.NotFound($"policy '{id}'", $"政策“{id}”"))
            .WithSummary("One policy: documents, targets and measures with citations")
            .Answers("The policy: documents, targets and measures, each with its citation").ProducesProblem(404);
    }
}
