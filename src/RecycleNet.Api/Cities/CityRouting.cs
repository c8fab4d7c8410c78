using RecycleNet.Api.Http;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Database;

namespace RecycleNet.Api.Cities;

/// <summary>
/// Puts every request in one city (<see cref="CityScope"/>), before routing:
/// <list type="bullet">
/// <item><c>/cities/{city}/…</c> — any route of the service for that city: the API (<c>/cities/binzhou/api/scorecard</c>),
/// OGC API – Features (<c>/cities/binzhou/ogc</c>, a landing page of its own that GIS clients take as the service root),
/// the web page. The prefix becomes the request's PathBase, so every link the service writes stays in the city.</item>
/// <item><c>?city=binzhou</c> on any route, for API clients that prefer a parameter.</item>
/// <item>Neither: the configured default city (seeds/cities.json's "default"), so every URL from before cities answers as it did.</item>
/// </list>
/// An unknown city is a 404 problem naming <c>city</c>; a path and a parameter that disagree, a 400.
/// </summary>
public static class CityRouting
{
    public const string Segment = "/cities";

    public static void UseCityRouting(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var catalog = http.RequestServices.GetRequiredService<CityCatalog>();
        string? fromPath = null;
        if (http.Request.Path.StartsWithSegments(Segment, StringComparison.Ordinal, out var rest)
            && rest.HasValue && rest.Value!.Length > 1)
        {
            var value = rest.Value!;
            var end = value.IndexOf('/', 1);
            fromPath = end < 0 ? value[1..] : value[1..end];
            var remainder = end < 0 ? "/" : value[end..];
            http.Request.PathBase = http.Request.PathBase.Add($"{Segment}/{fromPath}");
            http.Request.Path = remainder;
        }
        var fromQuery = http.Request.Query.TryGetValue("city", out var q) ? q.ToString() : null;
        if (fromPath is not null && fromQuery is not null && fromPath != fromQuery)
        {
            await Problems.BadParameter("city", $"names {fromQuery} while the path names {fromPath}; give one", $"参数为 {fromQuery}，而路径为 {fromPath}；请只给一个").ExecuteAsync(http);
            return;
        }
        var id = fromPath ?? fromQuery;
        var city = id is null ? catalog.Default : catalog.Find(id);
        if (city is null)
        {
            await Problems.Make(404, "unknown-city", $"There is no city '{Truncate(id!)}'",
                $"Cities: {string.Join(", ", catalog.All.Select(c => c.Id))} (GET /api/cities).", field: "city",
                detailZh: $"可用城市：{string.Join("、", catalog.All.Select(c => $"{c.Name}（{c.Id}）"))}").ExecuteAsync(http);
            return;
        }
        http.RequestServices.GetRequiredService<CityScope>().Id = city.Id;
        http.Items[typeof(CityContext)] = CityContext.For(city, catalog, http.RequestServices.GetRequiredService<Core.Policies.PolicyCatalog>());
        await next(http);
    });

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
