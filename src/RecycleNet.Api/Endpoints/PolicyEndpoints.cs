using RecycleNet.Api.Http;
using RecycleNet.Core.Policies;

namespace RecycleNet.Api.Endpoints;

[System.ComponentModel.Description("A policy in one line: its document, how many targets, measures and subsidy rules it has, and where to read them.")]
public sealed record PolicyLine(string Id, string City, string CityEn, string Title, string DocumentNumber, string Issuer, DateOnly IssuedOn, int Targets,
    int Measures, string Href, int SubsidyRules, string? SubsidyRulesHref);

/// <summary>/api/policies: the cities' policies as data, every target and measure with its citation.</summary>
public static class PolicyEndpoints
{
    public static void MapPolicies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies");
        group.MapGet("/", (PolicyCatalog catalog) => TypedResults.Ok(catalog.All.OrderBy(p => p.Id).Select(p => new PolicyLine(
                p.Id, p.City, p.CityEn, p.Title, p.DocumentNumber, p.Issuer, p.IssuedOn, p.Targets.Count, p.Measures.Count, $"/api/policies/{p.Id}",
                p.Subsidies?.Rules.Count ?? 0, p.Subsidies is null ? null : $"/api/policies/{p.Id}/subsidy-rules")).ToList()))
            .WithSummary("The policies known, one line each").WithName("ListPolicies");
        group.MapGet("/{id}", IResult (string id, PolicyCatalog catalog) =>
                catalog.Find(id) is { } p ? TypedResults.Ok(p) : Problems.NotFound($"policy '{id}'", $"政策“{id}”"))
            .WithSummary("One policy: documents, targets and measures with citations")
            .Produces<Policy>(200).WithName("GetPolicy").ProducesProblem(404);
    }
}
