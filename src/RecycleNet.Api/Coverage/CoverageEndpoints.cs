using System.Text.Json;
using RecycleNet.Api.Http;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Features;
using RecycleNet.Core.Isochrones;
using RecycleNet.Core.Network;

using RecycleNet.Core.Input;
using RecycleNet.Api.Cities;

namespace RecycleNet.Api.Coverage;

/// <summary>
/// /api/life-circles, /api/coverage and /api/coverage/gaps: who lives within the walk of an outlet.
/// Every answer says how distances were measured (network, straightLine, or mixed).
/// </summary>
public static class CoverageEndpoints
{
    public static void MapCoverage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/life-circles", LifeCirclesAsync).WithTags("Coverage")
            .WithSummary("One life circle (isochrone polygon, WGS84) per operating fixed outlet; ?minutes=15&speedKmh=4.5")
            .Produces<GeoJsonFeatureCollection>(200, "application/geo+json").ProducesProblem(400);
        var group = app.MapGroup("/api/coverage").WithTags("Coverage");
        group.MapGet("/", CoverageAsync)
            .WithSummary("Households and residents within the walk of an operating outlet, city and districts")
            .Produces<CoverageAnswer>(200).ProducesProblem(400);
        group.MapGet("/gaps", GapsAsync)
            .WithSummary("Uncovered communities (GeoJSON) with households and the walk to the nearest outlet, largest first")
            .Produces<GeoJsonFeatureCollection>(200, "application/geo+json").ProducesProblem(400);
    }

    private static async Task<IResult> LifeCirclesAsync(HttpRequest req, CityCache cities, NetworkStore network, CancellationToken ct)
    {
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        if (!WalkingQuery.TryNumber(req, "streetBufferM", new IsochroneOptions().StreetBufferM, out var buffer, out problem)) return problem!;
        if (buffer is <= 0 or > 500) return Problems.BadParameter("streetBufferM", Reason.AboveZeroAtMost("500", "m", "米"));
        var options = new IsochroneOptions { Walking = walk, StreetBufferM = buffer };
        var graph = network.Graph;
        var circles = CoverageFeatures.BuildLifeCircles(await cities.GetAsync(ct), graph, options, ct);
        return new StreamedJsonResult(w => FeatureJson.WriteCollection(w, circles, h =>
        {
            h.WriteString("method", DistanceMethods.Summarize(circles.Select(CoverageFeatures.MethodOf), graph is not null));
            WriteWalk(h, walk);
        }));
    }

    private static async Task<IResult> CoverageAsync(HttpRequest req, CityCache cities, NetworkStore network, CoverageCache coverage, CancellationToken ct)
    {
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        var report = coverage.Get(await cities.GetAsync(ct), network.Graph, new CoverageOptions { Walking = walk });
        return TypedResults.Ok(CoverageJson.Summary(report));
    }

    private static async Task<IResult> GapsAsync(HttpRequest req, CityCache cities, NetworkStore network, CoverageCache coverage, CancellationToken ct)
    {
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        var city = await cities.GetAsync(ct);
        var report = coverage.Get(city, network.Graph, new CoverageOptions { Walking = walk, MeasureBeyondLimit = true });
        var gaps = CoverageFeatures.BuildGaps(city, report);
        return new StreamedJsonResult(w => FeatureJson.WriteCollection(w, gaps, h =>
        {
            h.WriteString("method", report.Method);
            WriteWalk(h, walk);
            h.WriteNumber("uncoveredHouseholds", gaps.Sum(g => (long)g["households"]!));
        }));
    }

    internal static void WriteWalk(Utf8JsonWriter w, WalkingOptions walk)
    {
        w.WriteNumber("minutes", walk.Minutes);
        w.WriteNumber("speedKmh", walk.SpeedKmh);
        w.WriteNumber("limitM", Math.Round(walk.LimitM, 1));
        w.WriteNumber("circuity", walk.Circuity);
        w.WriteNumber("snapDistanceM", walk.SnapDistanceM);
    }

}
