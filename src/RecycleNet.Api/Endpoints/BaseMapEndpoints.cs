using System.Runtime.CompilerServices;
using RecycleNet.Api.Http;
using RecycleNet.Core.Features;
using RecycleNet.Core.Network;
using RecycleNet.Core.Tiles;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Services;

namespace RecycleNet.Api.Endpoints;

/// <summary>
/// The offline base map the page draws when no tile service is configured (or reachable): GET /api/basemap says where
/// its tiles are and where to write the district and township names; GET /api/basemap/{z}/{x}/{y} is one Mapbox vector
/// tile of land, township outlines and the loaded network's streets (<see cref="BaseMap"/>). Same city routing as
/// every route: /cities/binzhou/api/basemap draws Binzhou.
/// </summary>
public static class BaseMapEndpoints
{
    public sealed record Label(string Name, string Kind, double Lon, double Lat);

    public sealed record BaseMapAnswer(string Tiles, bool Streets, string Attribution, string AttributionZh, IReadOnlyList<Label> Labels);

    // One base map per city, rebuilt when its network or outlines change (the graph by reference, outlines by content).
    private sealed record Built(WalkingGraph? Graph, string Land, string Townships, BaseMap Map);
    private static readonly ConditionalWeakTable<FeatureCache, Built> Maps = new();

    public static void MapBaseMap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/basemap", async Task<IResult> (HttpRequest req, FeatureCache cache, NetworkStore network, CancellationToken ct) =>
            {
                // The labels go where the page's layers are drawn: WGS84, or GCJ-02 under an Amap/Tencent base map.
                var crs = req.Query["crs"].ToString().Replace("-", "").ToUpperInvariant();
                if (crs is not ("" or "WGS84" or "CRS84" or "GCJ02"))
                    return Problems.BadParameter("crs", "is WGS84 (the default) or GCJ02", "为 WGS84（默认）或 GCJ02");
                Func<double, double, (double, double)> to = crs == "GCJ02" ? Core.Geography.ChinaCoordinates.Wgs84ToGcj02 : (x, y) => (x, y);
                var (_, land, townships) = await BuildAsync(cache, network, ct);
                var labels = Labels(land, "district").Concat(Labels(townships, "township"))
                    .Select(l => to(l.Lon, l.Lat) is var (lon, lat) ? l with { Lon = Math.Round(lon, 6), Lat = Math.Round(lat, 6) } : l).ToList();
                return TypedResults.Ok(new BaseMapAnswer($"{req.PathBase}/api/basemap/{{z}}/{{x}}/{{y}}", network.Graph is not null,
                    "Base map: the city's outlines and loaded network, drawn by RecycleNet", "底图：RecycleNet 按本市区县界与已加载路网绘制", labels));
            })
            .WithTags("Service").WithSummary("The offline base map: its vector-tile URL template and the district and township names with where to write them")
            .Produces<BaseMapAnswer>(200).ProducesProblem(400);
        app.MapGet("/api/basemap/{z:int}/{x:int}/{y:int}", async Task<IResult> (int z, int x, int y, HttpRequest req, FeatureCache cache, NetworkStore network, CancellationToken ct) =>
            {
                var tile = new TileId(z, x, y);
                if (!tile.IsValid)
                    return Problems.BadParameter("z", $"tile {z}/{x}/{y} is not in WebMercatorQuad: z is 0–{TileId.MaxZoom}, x and y 0–2^z−1",
                        $"瓦片 {z}/{x}/{y} 不在 WebMercatorQuad 中：z 为 0–{TileId.MaxZoom}，x、y 为 0–2^z−1");
                var (map, _, _) = await BuildAsync(cache, network, ct);
                var bytes = map.Tile(tile);
                var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes).AsSpan(0, 8));
                if (WeakETags.Fresh(req.HttpContext, WeakETags.Of(digest, "basemap"))) return WeakETags.NotModified();
                return TypedResults.Bytes(bytes, Ogc.OgcTilesEndpoint.MediaType);
            })
            .WithTags("Service").WithSummary("One tile of the offline base map (Mapbox vector tile: land, townships, roads)")
            .Produces<byte[]>(200, Ogc.OgcTilesEndpoint.MediaType).ProducesProblem(400);
    }

    private static async Task<(BaseMap Map, FeatureTable Land, FeatureTable Townships)> BuildAsync(FeatureCache cache, NetworkStore network, CancellationToken ct)
    {
        var land = await cache.GetAsync(cache.Find("districts")!, ct);
        var townships = await cache.GetAsync(cache.Find("townships")!, ct);
        var graph = network.Graph;
        if (Maps.TryGetValue(cache, out var b) && ReferenceEquals(b.Graph, graph) && b.Land == land.Fingerprint && b.Townships == townships.Fingerprint)
            return (b.Map, land, townships);
        static IReadOnlyList<FeatureRecord> Named(FeatureTable t) => [.. t.Query(new FeatureQuery { Limit = int.MaxValue }).Features
            .Select(f => new FeatureRecord(f.Id, f.Geometry, [new("name", f["name"])]))];
        var map = new BaseMap(Named(land), Named(townships), graph, graph is null ? null : network.Roads);
        Maps.AddOrUpdate(cache, new Built(graph, land.Fingerprint, townships.Fingerprint, map));
        return (map, land, townships);
    }

    // Inside the outline (not its centroid, which a crescent-shaped county puts outside it).
    private static IEnumerable<Label> Labels(FeatureTable table, string kind) =>
        table.Query(new FeatureQuery { Limit = int.MaxValue }).Features
            .Where(f => f["name"] is string && !f.Geometry.IsEmpty)
            .Select(f => (f, p: NetTopologySuite.Algorithm.InteriorPoint.GetInteriorCoord(f.Geometry)))
            .Where(x => x.p is not null)
            .Select(x => new Label((string)x.f["name"]!, kind, Math.Round(x.p.X, 6), Math.Round(x.p.Y, 6)));
}
