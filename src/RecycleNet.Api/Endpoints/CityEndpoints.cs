using RecycleNet.Api.Http;
using RecycleNet.Core.Cities;
using RecycleNet.Api.Services;
using RecycleNet.Api.Cities;

namespace RecycleNet.Api.Endpoints;

/// <summary>
/// GET /api/cities: the cities this service plans for, each with its policy, its extent (from its districts, WGS84) and
/// where its routes are (/cities/{id}/…). Every other route serves one city: the default one, or the one its path or
/// ?city= names (<see cref="CityRouting"/>).
/// </summary>
public static class CityEndpoints
{
    /// <summary>A city as the list shows it; bbox is [minLon, minLat, maxLon, maxLat], null when it has no districts yet.</summary>
    public sealed record CityAnswer(string Id, string Name, string NameEn, string Adcode, string Policy, bool Default, double[]? Bbox,
        int Districts, string Href, string Ogc, string Page);

    public static void MapCities(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cities", async (HttpRequest req, CityServices cities, CancellationToken ct) =>
            {
                var list = new List<CityAnswer>();
                foreach (var c in cities.Catalog.All) list.Add(await DescribeAsync(c, req, cities, ct));
                return TypedResults.Ok(list);
            })
            .WithTags("Cities").WithSummary("The cities served: id, name, policy, bbox (WGS84), and their routes");
        app.MapGet("/api/cities/{id}", async Task<IResult> (string id, HttpRequest req, CityServices cities, CancellationToken ct) =>
                cities.Catalog.Find(id) is { } c ? TypedResults.Ok(await DescribeAsync(c, req, cities, ct)) : Problems.NotFound($"city '{id}'", $"城市“{id}”"))
            .WithTags("Cities").WithSummary("One city").Produces<CityAnswer>(200).ProducesProblem(404);
    }

    private static async Task<CityAnswer> DescribeAsync(City c, HttpRequest req, CityServices cities, CancellationToken ct)
    {
        var features = cities.For(c.Id).Features;
        var districts = await features.GetAsync(features.Find("districts")!, ct);
        var e = districts.Extent;
        double[]? bbox = e.IsNull ? null : [Math.Round(e.MinX, 6), Math.Round(e.MinY, 6), Math.Round(e.MaxX, 6), Math.Round(e.MaxY, 6)];
        // Links from the service root: this list is the same whichever city's path it was asked through.
        var root = $"{RecycleNet.Api.Http.PublicAddress.Origin(req)}{Root(req)}{CityRouting.Segment}/{c.Id}";
        return new CityAnswer(c.Id, c.Name, c.NameEn, c.Adcode, c.Policy, c == cities.Catalog.Default, bbox, districts.Count, root + "/api", root + "/ogc", root + "/");
    }

    // The PathBase without the city segment CityRouting added.
    private static string Root(HttpRequest req)
    {
        var b = req.PathBase.Value ?? "";
        var i = b.LastIndexOf(CityRouting.Segment + "/", StringComparison.Ordinal);
        return i >= 0 ? b[..i] : b;
    }
}
