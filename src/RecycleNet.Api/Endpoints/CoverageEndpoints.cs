using System.Text.Json;
using RecycleNet.Api.Http;
using RecycleNet.Api.Setup;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Isochrones;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Network;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Endpoints;

/// <summary>
/// /api/life-circles, /api/coverage and /api/coverage/gaps: who lives within the walk of an outlet.
/// Every answer says how distances were measured (network, straightLine, or mixed).
/// </summary>
public static class CoverageEndpoints
{
    public static void MapCoverage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/life-circles", LifeCirclesAsync).WithTags("Coverage")
            .WithSummary("One life circle (isochrone polygon, WGS84) per operating fixed outlet; ?minutes=15&speedKmh=4.5");
        var group = app.MapGroup("/api/coverage").WithTags("Coverage");
        group.MapGet("/", CoverageAsync)
            .WithSummary("Households and residents within the walk of an operating outlet, city and districts");
        group.MapGet("/gaps", GapsAsync)
            .WithSummary("Uncovered communities (GeoJSON) with households and the walk to the nearest outlet, largest first");
    }

    private static async Task<IResult> LifeCirclesAsync(HttpRequest req, RecycleNetDb db, NetworkStore network, CancellationToken ct)
    {
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        if (!WalkingQuery.TryNumber(req, "streetBufferM", new IsochroneOptions().StreetBufferM, out var buffer, out problem)) return problem!;
        if (buffer is <= 0 or > 500) return Problems.BadParameter("streetBufferM", "must be a distance in metres above 0 and at most 500");
        var options = new IsochroneOptions { Walking = walk, StreetBufferM = buffer };
        var city = await CitySnapshotLoader.LoadAsync(db, ct);
        var graph = network.Graph;
        var outlets = city.OperatingFixedOutlets.ToList();
        var circles = new Isochrone[outlets.Count];
        Parallel.For(0, outlets.Count, new ParallelOptions { CancellationToken = ct },
            i => circles[i] = IsochroneOp.Compute(graph, outlets[i].Location.X, outlets[i].Location.Y, options));
        return new StreamedJsonResult(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("method", DistanceMethods.Summarize(circles.Select(c => c.Method), graph is not null));
            WriteWalk(w, walk);
            w.WriteStartArray("features");
            for (var i = 0; i < outlets.Count; i++)
            {
                var c = circles[i];
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteNumber("id", outlets[i].Id);
                w.WritePropertyName("geometry");
                if (c.Geometry.IsEmpty) w.WriteNullValue(); else GeoJsonWriter.WriteGeometry(w, c.Geometry);
                w.WriteStartObject("properties");
                w.WriteNumber("outletId", outlets[i].Id);
                w.WriteString("outletName", outlets[i].Name);
                w.WriteBoolean("modern", outlets[i].Modern);
                w.WriteString("method", Name(c.Method));
                w.WriteNumber("minutes", walk.Minutes);
                w.WriteNumber("speedKmh", walk.SpeedKmh);
                w.WriteNumber("limitM", Math.Round(c.LimitM, 1));
                w.WriteNumber("areaM2", Math.Round(c.AreaM2));
                if (c.RadiusM is { } r) w.WriteNumber("radiusM", Math.Round(r, 1));
                if (c.SnapDistanceM is { } s) w.WriteNumber("snapDistanceM", Math.Round(s, 1));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> CoverageAsync(HttpRequest req, RecycleNetDb db, NetworkStore network, CancellationToken ct)
    {
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        var report = CoverageScorer.Score(await CitySnapshotLoader.LoadAsync(db, ct), network.Graph, new CoverageOptions { Walking = walk });
        return TypedResults.Ok(CoverageJson.Summary(report));
    }

    private static async Task<IResult> GapsAsync(HttpRequest req, RecycleNetDb db, NetworkStore network, CancellationToken ct)
    {
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        var city = await CitySnapshotLoader.LoadAsync(db, ct);
        var report = CoverageScorer.Score(city, network.Graph, new CoverageOptions { Walking = walk, MeasureBeyondLimit = true });
        var names = city.Districts.ToDictionary(d => d.Id, d => d.Name);
        var outletNames = city.Outlets.ToDictionary(o => o.Id, o => o.Name);
        var gaps = report.Communities.Where(c => !c.Covered).OrderByDescending(c => c.Community.Households).ThenBy(c => c.Community.Id).ToList();
        return new StreamedJsonResult(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("method", report.Method);
            WriteWalk(w, walk);
            w.WriteNumber("uncoveredHouseholds", gaps.Sum(g => (long)g.Community.Households));
            w.WriteStartArray("features");
            foreach (var g in gaps)
            {
                var c = g.Community;
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteNumber("id", c.Id);
                w.WritePropertyName("geometry");
                GeoJsonWriter.WriteGeometry(w, c.Geometry);
                w.WriteStartObject("properties");
                w.WriteString("name", c.Name);
                w.WriteNumber("households", c.Households);
                w.WriteNumber("population", g.Population);
                if (c.DistrictId is { } d && names.TryGetValue(d, out var dn)) w.WriteString("district", dn); else w.WriteNull("district");
                w.WriteString("method", Name(g.Method));
                w.WriteBoolean("reachable", g.DistanceM is not null);
                if (g.DistanceM is { } m) w.WriteNumber("distanceM", Math.Round(m, 1)); else w.WriteNull("distanceM");
                if (g.NearestOutletId is { } o)
                {
                    w.WriteNumber("nearestOutletId", o);
                    w.WriteString("nearestOutletName", outletNames.GetValueOrDefault(o));
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    internal static void WriteWalk(Utf8JsonWriter w, WalkingOptions walk)
    {
        w.WriteNumber("minutes", walk.Minutes);
        w.WriteNumber("speedKmh", walk.SpeedKmh);
        w.WriteNumber("limitM", Math.Round(walk.LimitM, 1));
        w.WriteNumber("circuity", walk.Circuity);
        w.WriteNumber("snapDistanceM", walk.SnapDistanceM);
    }

    internal static string Name(DistanceMethod m) => JsonNamingPolicy.CamelCase.ConvertName(m.ToString());
}
