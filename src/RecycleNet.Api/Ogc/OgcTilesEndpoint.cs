using RecycleNet.Api.Http;
using RecycleNet.Core.Features;
using RecycleNet.Core.Tiles;
using RecycleNet.Api.Services;

namespace RecycleNet.Api.Ogc;

/// <summary>
/// Mapbox vector tiles of every collection for web maps and QGIS: /ogc/collections/{id}/tiles/WebMercatorQuad/{z}/{x}/{y}
/// (XYZ order: column x, then row y from the top), one layer named after the collection. The path order is XYZ's,
/// not OGC API – Tiles' {tileMatrix}/{tileRow}/{tileCol}, so that conformance class is not declared.
/// </summary>
public static class OgcTilesEndpoint
{
    public const string MediaType = "application/vnd.mapbox-vector-tile";
    private const int Extent = 4096, Buffer = 64;

    public static void MapTiles(RouteGroupBuilder ogc)
    {
        ogc.MapGet("/collections/{collectionId}/tiles", Tilesets).WithName("ogc-tilesets")
            .WithSummary("The vector tiles of a collection: the URL template (WebMercatorQuad, XYZ order)");
        ogc.MapGet("/collections/{collectionId}/tiles/WebMercatorQuad/{z:int}/{x:int}/{y:int}", TileAsync).WithName("ogc-tile")
            .WithSummary("One Mapbox vector tile (EPSG:3857, extent 4096); computed collections take minutes and speedKmh");
    }

    private static IResult Tilesets(string collectionId, HttpRequest req, FeatureCollections collections)
    {
        if (collections.Find(collectionId) is not { } c) return OgcEndpoints.UnknownCollection(collectionId, collections.All);
        var template = $"{OgcLinks.Base(req)}/collections/{c.Id}/tiles/WebMercatorQuad/{{z}}/{{x}}/{{y}}";
        return OgcEndpoints.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("tilesets");
            w.WriteStartObject();
            w.WriteString("title", c.Title);
            w.WriteString("dataType", "vector");
            w.WriteString("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
            w.WriteString("tileMatrixSetURI", "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
            w.WriteString("layer", c.Id);
            w.WriteNumber("minZoom", 0);
            w.WriteNumber("maxZoom", TileId.MaxZoom);
            w.WriteStartArray("links");
            w.WriteStartObject();
            w.WriteString("href", template);
            w.WriteString("rel", "item");
            w.WriteString("type", MediaType);
            w.WriteBoolean("templated", true);
            w.WriteString("title", "tile URL template: {z} zoom, {x} column, {y} row from the top (XYZ)");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> TileAsync(string collectionId, int z, int x, int y, HttpRequest req, FeatureCache cache, CancellationToken ct)
    {
        if (cache.Find(collectionId) is not { } c) return OgcEndpoints.UnknownCollection(collectionId, cache.Collections);
        var tile = new TileId(z, x, y);
        if (!tile.IsValid)
            return Problems.BadParameter(z is < 0 or > TileId.MaxZoom ? "z" : "x/y", $"tile {z}/{x}/{y} is not in WebMercatorQuad: z is 0–{TileId.MaxZoom}, x and y 0–2^z−1",
                $"瓦片 {z}/{x}/{y} 不在 WebMercatorQuad 中：z 为 0–{TileId.MaxZoom}，x、y 为 0–2^z−1");
        foreach (var key in req.Query.Keys)
            if (c.Parameters?.Contains(key) != true)
                return Problems.BadParameter(key, $"is not a tile parameter of {c.Id}{(c.IsComputed ? "; use minutes, speedKmh" : "")}",
                    $"不是 {c.Id} 瓦片的参数{(c.IsComputed ? "；可用 minutes、speedKmh" : "")}");
        if (OgcItemsQuery.TryWalk(req, c, out var walk) is { } bad) return bad;
        var table = await cache.GetAsync(c, walk, ct);
        var page = table.Query(new FeatureQuery { Bbox = tile.BoundsWgs84((double)Buffer / Extent), Limit = int.MaxValue });
        // The tile's own features: a write elsewhere in the city leaves this tile's tag as it was.
        if (WeakETags.Fresh(req.HttpContext, WeakETags.Of(FeatureFingerprint.Of(page.Features), "mvt"))) return WeakETags.NotModified();
        return TypedResults.Bytes(MvtWriter.Write(tile, c.Id, page.Features, Extent, Buffer), MediaType);
    }
}
