using RecycleNet.Api.Http;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Endpoints;

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
                return TypedResults.Ok(new UiConfigAnswer(o.Value.BaseMapUrl,
                    o.Value.BaseMapCrs.Replace("-", "").ToUpperInvariant() == "GCJ02" ? "GCJ02" : "WGS84", o.Value.BaseMapAttribution,
                    new UiCityAnswer(city.Id, city.Name, city.NameEn, city.Adcode),
                    new UiPolicyAnswer(profile.Policy.Id, profile.Policy.Title, profile.Policy.DocumentNumber, profile.TargetYears),
                    new UiSubsidyAnswer(profile.HasSubsidyRules, profile.SubsidyDocument, profile.FacilityKinds,
                        profile.HasSubsidyRules ? $"/api/policies/{profile.Policy.Id}/subsidy-rules" : null),
                    profile.Siting, profile.HasTiers, profile.MergesTwoNetworks));
            })
            .WithTags("Service").WithSummary("What the web page needs to know for the city: the base map, if any; the city's policy, and what it offers (subsidy rules, siting goals, tiers, merged points)")
            .Produces<UiConfigAnswer>(200);

        // Browsers get the planners' web page; API clients the JSON index.
        app.MapGet("/", IResult (HttpRequest req, IWebHostEnvironment env) =>
                req.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
                    ? TypedResults.PhysicalFile(Path.Combine(env.WebRootPath, "index.html"), "text/html; charset=utf-8")
                    : Index(req, Cities.CityContext.Of(req.HttpContext)))
            .WithTags("Service").WithSummary("The web page (Accept: text/html) or what this service offers (JSON)")
            .Produces<ServiceIndexAnswer>(200).OrFile("text/html");
        // Browsers ask for /favicon.ico whatever the page links: the same icon, not a 404 in every log.
        app.MapGet("/favicon.ico", (IWebHostEnvironment env) => TypedResults.PhysicalFile(Path.Combine(env.WebRootPath, "favicon.svg"), "image/svg+xml"))
            .ExcludeFromDescription();
        // /cities/{city}/api, the href /api/cities gives each city: the same index, as JSON whatever the Accept.
        app.MapGet("/api", Index).WithTags("Service").WithSummary("What this service offers for the city (JSON)")
            .Produces<ServiceIndexAnswer>(200);
    }

    // Links keep the city's path (/cities/{city}/…) when the index was asked through one.
    private static IResult Index(HttpRequest req, Cities.CityContext here) => TypedResults.Ok(new ServiceIndexAnswer(
        "RecycleNet", "再生资源回收网络规划服务 — recycling-network planning for Chinese cities", here.City.Id, here.City.Name, here.City.Policy,
        [.. LayerCatalog.All.Select(l => new LayerLinkAnswer(l.Name, l.Title, $"{req.PathBase}/api/{l.Name}"))],
        [
            new("data", $"{req.PathBase}/ogc"),
            new("page", $"{req.PathBase}/"),
            new("scorecard", $"{req.PathBase}/api/scorecard"),
            new("policy", $"/api/policies/{here.City.Policy}"),
            new("cities", "/api/cities"),
            new("policies", "/api/policies"),
            new("enterprises", $"{req.PathBase}/api/enterprises"),
            new("service-desc", "/openapi/v1.json"),
            new("health", "/health"),
        ]));
}
