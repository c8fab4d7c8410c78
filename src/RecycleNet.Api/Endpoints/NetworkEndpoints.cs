using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Api.Setup;
using RecycleNet.Core.Network;

namespace RecycleNet.Api.Endpoints;

/// <summary>/api/network: the walking network life circles and coverage are measured on.</summary>
public static class NetworkEndpoints
{
    public static void MapNetwork(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/network").WithTags("Walking network");
        group.MapGet("/", (NetworkStore store) => TypedResults.Ok(Describe(store)))
            .WithSummary("The loaded walking network: nodes, edges, bounding box, source; or that none is loaded");
        var writes = group.MapGroup("").AddEndpointFilter<RequirePlannerKey>();
        writes.MapPost("/", LoadAsync)
            .WithSummary("Load an OSM file (.osm XML or .osm.pbf, as the raw body) as the walking network; ?name= labels it")
            .TakesRaw("An OSM file: XML (.osm) or PBF (.osm.pbf, raw or zlib blobs)", "application/octet-stream", "application/xml", "application/vnd.openstreetmap.data+xml")
            .Answers("The network now loaded: nodes, edges, km, bbox, CRS, source, ways kept and dropped")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422);
        writes.MapDelete("/", async (HttpContext http, NetworkStore store, CancellationToken ct) =>
            {
                await store.UnloadAsync(AuditTrail.Entry(http, "unload-network", "network"), ct);
                return TypedResults.Ok(Describe(store));
            })
            .WithSummary("Unload the network: distances fall back to straight-line × circuity");
    }

    private static async Task<IResult> LoadAsync(HttpContext http, string? name, NetworkStore store, IOptions<RecycleNetOptions> options, CancellationToken ct)
    {
        var max = options.Value.MaxNetworkBytes;
        if (http.Request.ContentLength > max) return Problems.TooLarge(max);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + 1;
        var source = string.IsNullOrWhiteSpace(name) ? "upload" : name.Trim();
        if (source.Length > 200) return Problems.BadParameter("name", "must be at most 200 characters");
        if (RecycleNet.Core.Input.TextRules.Check(source) is { } why) return Problems.BadParameter("name", why);
        try
        {
            await store.LoadUploadAsync(http.Request.Body, source, max,
                graph => AuditTrail.Entry(http, "load-network", "network", detail: $"{source}: {graph.EdgeCount} edges"), ct);
            return TypedResults.Ok(Describe(store));
        }
        catch (NetworkStore.TooLargeException) { return Problems.TooLarge(max); }
        catch (OsmFormatException e) { return Problems.InvalidNetwork(e.Message); }
    }

    private static object Describe(NetworkStore store)
    {
        if (store is not { Graph: { } g, Info: { } info })
            return new { loaded = false, method = "straightLine", note = "No walking or drivable network is loaded: distances are straight-line × circuity. POST an OSM file to /api/network." };
        var b = g.BoundsWgs84();
        return new
        {
            loaded = true, method = "network", source = info.Source, origin = info.Origin,
            format = info.Format == OsmFile.Format.Pbf ? "pbf" : "xml",
            nodes = g.NodeCount, edges = g.EdgeCount, lengthKm = Math.Round(g.TotalLengthM / 1000, 3),
            bbox = new[] { Math.Round(b.MinX, 7), Math.Round(b.MinY, 7), Math.Round(b.MaxX, 7), Math.Round(b.MaxY, 7) },
            crs = g.Projection.Epsg > 0 ? $"EPSG:{g.Projection.Epsg}" : $"transverse Mercator {g.Projection.CentralMeridian}°",
            loadedAt = info.LoadedAt, loadMs = info.LoadMs, fileBytes = info.FileBytes,
            osm = new
            {
                nodesRead = info.Load.NodesRead, waysRead = info.Load.WaysRead, walkableWays = info.Load.WalkableWays,
                droppedWays = info.Load.DroppedWays, missingNodeRefs = info.Load.MissingNodeRefs,
                drivableWays = info.Load.DrivableWays, droppedDriveWays = info.Load.DroppedDriveWays,
            },
            // The drivable network of the same upload: hauls and the rural tiers measure on it.
            roads = info.Load.Roads is { } r ? new
            {
                nodes = r.NodeCount, edges = r.EdgeCount, onewayEdges = r.OnewayEdges, lengthKm = Math.Round(r.Shape.TotalLengthM / 1000, 3),
                speeds = "maxspeed where tagged, else per road class: " + string.Join(", ", DrivabilityRules.DefaultSpeedKmh.Select(kv => $"{kv.Key} {kv.Value:0}")) + " km/h",
            } : null,
        };
    }
}
