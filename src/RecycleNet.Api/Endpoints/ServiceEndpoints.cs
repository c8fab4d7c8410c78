using RecycleNet.Api.Http;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Endpoints;

[System.ComponentModel.Description("The service and its database answer.")]
public sealed record HealthAnswer(string Status);

/// <summary>/health and the index of what this service offers.</summary>
public static class ServiceEndpoints
{
    public static void MapService(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async Task<IResult> (StoreHealth store, CancellationToken ct) =>
                await store.CanConnectAsync(ct)
                    ? TypedResults.Ok(new HealthAnswer("ok"))
                    : TypedResults.Problem(title: "The database cannot be reached", statusCode: 503))
            .WithTags("Service").WithSummary("200 when the service and its database answer")
            .Produces<HealthAnswer>(200).ProducesProblem(503);

        app.MapGet("/api/ui/config", (Cities.CityContext here, Microsoft.Extensions.Options.IOptions<Settings.RecycleNetOptions> o) =>
            {
                var city = here.City;
                var profile = Core.Cities.CityProfile.Of(city, here.Policy);
                return TypedResults.Ok(new
                {
                    baseMapUrl = o.Value.BaseMapUrl,
                    baseMapCrs = o.Value.BaseMapCrs.Replace("-", "").ToUpperInvariant() == "GCJ02" ? "GCJ02" : "WGS84",
                    baseMapAttribution = o.Value.BaseMapAttribution,
                    city = new { city.Id, city.Name, city.NameEn, city.Adcode },
                    policy = new { profile.Policy.Id, profile.Policy.Title, profile.Policy.DocumentNumber, profile.TargetYears },
                    subsidy = new
                    {
                        rules = profile.HasSubsidyRules, document = profile.SubsidyDocument, facilityKinds = profile.FacilityKinds,
                        href = profile.HasSubsidyRules ? $"/api/policies/{profile.Policy.Id}/subsidy-rules" : null,
                    },
                    siting = profile.Siting.Select(k => new { k.Kind, k.Goals, k.Candidates }),
                    tiers = profile.HasTiers, mergesTwoNetworks = profile.MergesTwoNetworks,
                });
            })
            .WithTags("Service").WithSummary("What the web page needs to know for the city: the base map, if any; the city's policy, and what it offers (subsidy rules, siting goals, tiers, merged points)")
            .Answers("The base map, the city and its policy, and what its page offers");

        // Browsers get the planners' web page; API clients the JSON index.
        app.MapGet("/", IResult (HttpRequest req, IWebHostEnvironment env) =>
                req.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
                    ? TypedResults.PhysicalFile(Path.Combine(env.WebRootPath, "index.html"), "text/html; charset=utf-8")
                    : Index(req, Cities.CityContext.Of(req.HttpContext)))
            .WithTags("Service").WithSummary("The web page (Accept: text/html) or what this service offers (JSON)")
            .Answers("The service's title, layers and links").Produces(200, contentType: "text/html");
        // Browsers ask for /favicon.ico whatever the page links: the same icon, not a 404 in every log.
        app.MapGet("/favicon.ico", (IWebHostEnvironment env) => TypedResults.PhysicalFile(Path.Combine(env.WebRootPath, "favicon.svg"), "image/svg+xml"))
            .ExcludeFromDescription();
        // /cities/{city}/api, the href /api/cities gives each city: the same index, as JSON whatever the Accept.
        app.MapGet("/api", Index).WithTags("Service").WithSummary("What this service offers for the city (JSON)")
            .Answers("The service's title, layers and links");
    }

    // Links keep the city's path (/cities/{city}/…) when the index was asked through one.
    private static IResult Index(HttpRequest req, Cities.CityContext here) => TypedResults.Ok(new
            {
                title = "RecycleNet",
                description = "再生资源回收网络规划服务 — recycling-network planning for Chinese cities",
                city = here.City.Id,
                cityName = here.City.Name,
                policy = here.City.Policy,
                layers = LayerCatalog.All.Select(l => new { l.Name, l.Title, href = $"{req.PathBase}/api/{l.Name}" }),
                links = new[]
                {
                    new { rel = "data", href = $"{req.PathBase}/ogc" },
                    new { rel = "page", href = $"{req.PathBase}/" },
                    new { rel = "scorecard", href = $"{req.PathBase}/api/scorecard" },
                    new { rel = "policy", href = $"/api/policies/{here.City.Policy}" },
                    new { rel = "cities", href = "/api/cities" },
                    new { rel = "policies", href = "/api/policies" },
                    new { rel = "enterprises", href = $"{req.PathBase}/api/enterprises" },
                    new { rel = "service-desc", href = "/openapi/v1.json" },
                    new { rel = "health", href = "/health" },
                },
            });
}
