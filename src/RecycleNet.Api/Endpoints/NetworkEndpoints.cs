using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Network;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Auth;

namespace RecycleNet.Api.Endpoints;

/// <summary>
/// /api/network: the city's walking network (life circles, coverage) and drivable network (hauls, the county tiers), from
/// one OpenStreetMap file or from road centrelines (GeoJSON, zipped Shapefile, GeoPackage) in a declared CRS.
/// </summary>
public static class NetworkEndpoints
{
    public static void MapNetwork(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/network").WithTags("Walking network");
        group.MapGet("/", (NetworkStore store) => Describe(store))
            .WithSummary("The loaded walking network: nodes, edges, bounding box, source; or that none is loaded").AnswersOneOf<NetworkAnswer, NoNetworkAnswer>();
        var writes = group.MapGroup("").Require(Need.Write);
        writes.MapPost("/", LoadAsync)
            .WithSummary("Load the walking and drivable networks: an OSM file (.osm XML or .osm.pbf; a provincial extract keeps only the city's outline + ?marginM= metres, default 5000, unless ?clip=none), or road centrelines (?format=geojson|shapefile|gpkg&crs=EPSG:4527, ?mapping= their attributes); ?name= labels it")
            .TakesRaw("An OSM file: XML (.osm) or PBF (.osm.pbf, raw or zlib blobs); or centrelines: GeoJSON, a zipped Shapefile, a GeoPackage",
                "application/octet-stream", "application/xml", "application/vnd.openstreetmap.data+xml", "application/geo+json", "application/zip", "application/geopackage+sqlite3")
            .Produces<NetworkAnswer>(200)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422);
        writes.MapDelete("/", async (HttpContext http, NetworkStore store, CancellationToken ct) =>
            {
                await store.UnloadAsync(AuditTrail.Entry(http, "unload-network", "network"), ct);
                return Describe(store);
            })
            .WithSummary("Unload the network: distances fall back to straight-line × circuity").Produces<NoNetworkAnswer>(200);
    }

    private static async Task<IResult> LoadAsync(HttpContext http, string? name, string? format, string? crs, string? mapping, string? clip, string? marginM,
        NetworkStore store, CityCache cities, IOptions<RecycleNetOptions> options, CancellationToken ct)
    {
        // What the file is: OSM by default; centrelines must say their CRS (a survey file's coordinates name none reliably).
        var kind = string.IsNullOrWhiteSpace(format) ? "osm" : format.Trim().ToLowerInvariant();
        if (!NetworkFileSpec.Formats.Contains(kind)) return Problems.BadParameter("format", $"'{format}' is not one of {string.Join(", ", NetworkFileSpec.Formats)}", $"“{format}”不是可用格式；可用：{string.Join("、", NetworkFileSpec.Formats)}");
        RecycleNet.Core.Geography.DeclaredCrs? declared = null;
        if (kind != "osm")
        {
            if (string.IsNullOrWhiteSpace(crs)) return Problems.BadParameter("crs", $"centrelines must declare the CRS of their coordinates: {RecycleNet.Core.Geography.DeclaredCrs.Accepted}",
                $"道路中心线须声明其坐标系：{RecycleNet.Core.Geography.DeclaredCrs.Accepted}");
            if (!RecycleNet.Core.Geography.DeclaredCrs.TryParse(crs, out var parsed)) return Problems.BadParameter("crs", $"'{crs}' is not supported; use {RecycleNet.Core.Geography.DeclaredCrs.Accepted}",
                $"不支持坐标系“{crs}”；可用：{RecycleNet.Core.Geography.DeclaredCrs.Accepted}");
            declared = parsed;
            if (mapping is not null)
            {
                if (mapping.Length > 16_384) return Problems.BadParameter("mapping", "must be at most 16 KiB of JSON", "JSON 不能超过 16 KiB");
                try { RecycleNet.Core.Network.Centrelines.RoadMapping.FromJson(mapping); }
                catch (FormatException e) { return Problems.BadParameter("mapping", e.Message, $"字段对应关系无法读取：{e.Message}"); }
            }
        }
        else if (crs is not null || mapping is not null)
            return Problems.BadParameter(crs is not null ? "crs" : "mapping", "goes with centrelines (format=geojson, shapefile or gpkg): an OSM file is WGS84 and tagged",
                "只用于道路中心线（format=geojson、shapefile 或 gpkg）：OSM 文件本身就是 WGS84 且带标签");
        OsmClipArea? area = null;
        if (kind != "osm")
        {
            if (clip is not null || marginM is not null)
                return Problems.BadParameter(clip is not null ? "clip" : "marginM", "goes with an OSM file: centrelines are kept whole",
                    "只用于 OSM 文件：道路中心线整体保留");
        }
        else
        {
            // A provincial extract is read as the city's streets plus a margin: the city's outline is the default area.
            var mode = string.IsNullOrWhiteSpace(clip) ? null : clip.Trim().ToLowerInvariant();
            if (mode is not (null or "outline" or "none"))
                return Problems.BadParameter("clip", $"'{clip}' is neither outline (keep the city's outline + marginM) nor none (keep the whole file)",
                    $"“{clip}”不可用：outline 只保留本市边界及外扩范围，none 保留整个文件");
            var margin = OsmClipArea.DefaultMarginM;
            if (marginM is not null)
            {
                if (mode == "none") return Problems.BadParameter("marginM", "goes with clip=outline: clip=none keeps the whole file", "只用于 clip=outline：clip=none 保留整个文件");
                if (!double.TryParse(marginM, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out margin)
                    || !double.IsFinite(margin) || margin is < 0 or > OsmClipArea.MaxMarginM)
                    return Problems.BadParameter("marginM", $"must be a number of metres from 0 to {OsmClipArea.MaxMarginM:0}", $"须为 0 到 {OsmClipArea.MaxMarginM:0} 之间的米数");
            }
            if (mode != "none")
            {
                area = OsmClipArea.ForCity((await cities.GetAsync(ct)).Districts, margin);
                // Without district outlines there is nothing to clip to: the whole file, unless the planner asked for the outline.
                if (area is null && mode == "outline")
                    return Problems.BadParameter("clip", "the city has no district outlines yet to keep the streets within: load its districts first, or use clip=none",
                        "本市尚无区县边界，无法按边界保留道路：请先导入区县，或用 clip=none");
            }
        }
        var spec = new NetworkFileSpec(kind, declared, mapping, area);
        var max = options.Value.MaxNetworkBytes;
        if (http.Request.ContentLength > max) return Problems.TooLarge(max);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + 1;
        var source = string.IsNullOrWhiteSpace(name) ? "upload" : name.Trim();
        if (source.Length > 200) return Problems.BadParameter("name", "must be at most 200 characters", "不能超过 200 个字符");
        if (RecycleNet.Core.Input.TextRules.Check(source) is { } why) return Problems.BadParameter("name", why);
        try
        {
            await store.LoadUploadAsync(http.Request.Body, source, spec, max,
                graph => AuditTrail.Entry(http, "load-network", "network", detail: $"{source}: {graph.EdgeCount} edges"), ct);
            return Describe(store);
        }
        catch (NetworkStore.TooLargeException) { return Problems.TooLarge(max); }
        // The page has no network upload (operators load networks through the API): the parsers' many reasons stay English, under a Chinese lead.
        catch (OsmFormatException e) { return Problems.InvalidNetwork(new(e.Message, e.Zh ?? $"路网文件无法使用（原因见英文说明）：{e.Message}")); }
    }

    private static IResult Describe(NetworkStore store)
    {
        if (store is not { Graph: { } g, Info: { } info })
            return TypedResults.Ok(new NoNetworkAnswer(false, "straightLine",
                "No walking or drivable network is loaded: distances are straight-line × circuity. POST an OSM file or road centrelines to /api/network.",
                "未载入步行或行车路网：距离按直线距离 × 绕行系数计算。可向 /api/network 上传 OSM 文件或道路中心线。"));
        var b = g.BoundsWgs84();
        var load = info.Load;
        return TypedResults.Ok(new NetworkAnswer(true, "network", info.Source, info.Origin, info.Format, g.NodeCount, g.EdgeCount, Math.Round(g.TotalLengthM / 1000, 3),
            [Math.Round(b.MinX, 7), Math.Round(b.MinY, 7), Math.Round(b.MaxX, 7), Math.Round(b.MaxY, 7)],
            g.Projection.Epsg > 0 ? $"EPSG:{g.Projection.Epsg}" : $"transverse Mercator {g.Projection.CentralMeridian}°",
            info.LoadedAt, info.LoadMs, info.FileBytes,
            load.Osm is { } o
                ? new OsmLoadAnswer(o.NodesRead, o.WaysRead, o.WalkableWays, o.DroppedWays, o.MissingNodeRefs, o.DrivableWays, o.DroppedDriveWays,
                    // The area kept of a provincial extract: what lay outside, and the streets cut at its edge (null: the whole file).
                    o.Clip is { } k ? new OsmClipAnswer(k.MarginM, k.NodesOutside, k.WaysOutside, k.WaysCut) : null)
                : null,
            // What the centrelines were: declared CRS, lines read, kept, dropped by reason, and crossings made junctions.
            load.Centrelines is { } c
                ? new CentrelineLoadAnswer(c.Crs, c.Lines, c.Kept, c.Walkable, c.Drivable, c.Dropped, c.CrossingsNoded,
                    info.Spec.MappingJson is null ? "default" : "the planner's")
                : null,
            // The drivable network of the same upload: hauls and the rural tiers measure on it.
            load.Roads is { } r
                ? new RoadsAnswer(r.NodeCount, r.EdgeCount, r.OnewayEdges, Math.Round(r.Shape.TotalLengthM / 1000, 3),
                    "maxspeed where given, else per road class: " + string.Join(", ", DrivabilityRules.DefaultSpeedKmh.Select(kv => $"{kv.Key} {kv.Value:0}")) + " km/h")
                : null));
    }
}
