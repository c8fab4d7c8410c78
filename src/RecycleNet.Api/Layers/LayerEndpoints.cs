using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Features;
using RecycleNet.Core.Input;
using RecycleNet.Api.Services;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Auth;

namespace RecycleNet.Api.Layers;

/// <summary>
/// /api/{layer}: each map layer as a GeoJSON FeatureCollection (WGS84), and feature-level
/// GET, POST, PUT, DELETE. Writes need a planner key and follow the import's validation rules.
/// </summary>
public static class LayerEndpoints
{
    public static void MapLayers(this IEndpointRouteBuilder app)
    {
        foreach (var layer in LayerCatalog.All)
        {
            var group = app.MapGroup($"/api/{layer.Name}").WithTags(layer.Title);
            group.MapGet("/", (HttpContext http, FeatureCache cache, CancellationToken ct) => ListAsync(layer, http, cache, ct))
                .WithName($"list-{layer.Name}").WithSummary($"All {layer.Name} as a GeoJSON FeatureCollection (WGS84)")
                .Produces<GeoJsonFeatureCollection>(200, "application/geo+json");
            group.MapGet("/{id:long}", (long id, HttpResponse res, FeatureStore store, CancellationToken ct) => GetAsync(layer, id, res, store, ct))
                .WithName($"get-{layer.Name}").WithSummary($"One of the {layer.Name} as a GeoJSON Feature")
                .Produces<GeoJsonFeature>(200, "application/geo+json").ProducesProblem(404);

            var writes = group.MapGroup("").Require(Need.Write);
            writes.MapPost("/", (string? crs, HttpRequest req, FeatureStore store, IOptions<RecycleNetOptions> o, CancellationToken ct) =>
                    WriteAsync(layer, null, crs, req, store, o.Value, ct))
                .WithSummary($"Add one feature to {layer.Name} (GeoJSON Feature; crs defaults to WGS84)")
                .Accepts<GeoJsonFeature>("application/geo+json", "application/json")
                .Produces<GeoJsonFeature>(201, "application/geo+json").ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422);
            writes.MapPut("/{id:long}", (long id, string? crs, HttpRequest req, FeatureStore store, IOptions<RecycleNetOptions> o, CancellationToken ct) =>
                    WriteAsync(layer, id, crs, req, store, o.Value, ct))
                .WithSummary($"Replace one of the {layer.Name} (geometry and all properties); If-Match: the version it was made from")
                .Accepts<GeoJsonFeature>("application/geo+json", "application/json")
                .Produces<GeoJsonFeature>(200, "application/geo+json").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(412).ProducesProblem(413).ProducesProblem(422).ProducesProblem(428);
            writes.MapDelete("/{id:long}", (long id, HttpRequest req, FeatureStore store, CancellationToken ct) => DeleteAsync(layer, id, req, store, ct))
                .WithSummary($"Delete one of the {layer.Name}; If-Match: the version it was decided on")
                .Produces(204).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);
        }
    }

    /// <summary>
    /// The whole layer from the same in-memory table /ogc pages from (built once per revision), written by the same
    /// GeoJSON writer, with each feature's version; tagged by a digest of its rows.
    /// </summary>
    private static async Task<IResult> ListAsync(LayerDefinition layer, HttpContext http, FeatureCache cache, CancellationToken ct)
    {
        var table = await cache.GetAsync(cache.Find(layer.Name)!, ct);
        if (WeakETags.Fresh(http, WeakETags.Of(table.Fingerprint, "geojson"))) return WeakETags.NotModified();
        var all = table.Query(new Core.Features.FeatureQuery { Limit = int.MaxValue }).Features;
        return new StreamedJsonResult(w => GeoJsonWriter.WriteCollection(w, layer.Name, all), GeoJsonResult.ContentType);
    }

    private static async Task<IResult> GetAsync(LayerDefinition layer, long id, HttpResponse res, FeatureStore store, CancellationToken ct)
    {
        if (await store.GetAsync(layer, id, ct) is not { } e) return Problems.NotFound($"{layer.Name} {id}", $"{layer.TitleZh} {id}");
        res.Headers.ETag = Preconditions.ETag(e.Version);
        return new GeoJsonResult(layer, e, await store.LookupsAsync(ct));
    }

    private static async Task<IResult> WriteAsync(LayerDefinition layer, long? id, string? crs, HttpRequest req,
        FeatureStore store, RecycleNetOptions options, CancellationToken ct)
    {
        if (!DeclaredCrs.TryParse(crs ?? "WGS84", out var declared)) return Problems.BadParameter("crs", $"'{crs}' is not supported; use {DeclaredCrs.Accepted}", $"不支持坐标系“{crs}”；可用：{DeclaredCrs.Accepted}");
        SpatialEntity? current = null;
        if (id is { } existing && (current = await store.GetAsync(layer, existing, ct)) is null) return Problems.NotFound($"{layer.Name} {existing}", $"{layer.TitleZh} {existing}");
        if (current is not null)
        {
            if (await Preconditions.RefusalAsync(req, $"{layer.Name} feature", current.Version,
                () => new(StaleAsync(layer, current, req.HttpContext, store, ct))) is { } precondition) return precondition;
        }
        var read = await RequestBody.ObjectAsync(req, options.MaxFeatureBytes, ct);
        if (read.Problem is { } bad) return bad;
        var row = GeoJsonRowReader.ReadFeature(read.Value, 0);
        var outcome = current is null
            ? await store.AddAsync(layer, row, declared, AuditTrail.Entry(req.HttpContext, "create", layer.Name), ct)
            // The version checked above is the one the UPDATE names: a writer that got in between makes it stale.
            : await store.ReplaceAsync(layer, current.Id, current.Version, row, declared, AuditTrail.Entry(req.HttpContext, "replace", layer.Name), ct);
        switch (outcome)
        {
            case WriteOutcome<SpatialEntity>.Invalid invalid: return Problems.Invalid(invalid.Errors, "The feature");
            case WriteOutcome<SpatialEntity>.Stale stale: return await StaleAsync(layer, stale.Current, req.HttpContext, store, ct);
            case WriteOutcome<SpatialEntity>.Written { Entity: var entity, Created: var created }:
                req.HttpContext.Response.Headers.ETag = Preconditions.ETag(entity.Version);
                if (created) req.HttpContext.Response.Headers.Location = $"{req.PathBase}/api/{layer.Name}/{entity.Id}";
                return new GeoJsonResult(layer, entity, await store.LookupsAsync(ct), status: created ? 201 : 200);
            default: return Problems.NotFound($"{layer.Name} {id}", $"{layer.TitleZh} {id}");
        }
    }

    private static async Task<IResult> DeleteAsync(LayerDefinition layer, long id, HttpRequest req, FeatureStore store, CancellationToken ct)
    {
        if (await store.GetAsync(layer, id, ct) is not { } current) return Problems.NotFound($"{layer.Name} {id}", $"{layer.TitleZh} {id}");
        if (await Preconditions.RefusalAsync(req, $"{layer.Name} feature", current.Version,
            () => new(StaleAsync(layer, current, req.HttpContext, store, ct))) is { } precondition) return precondition;
        return await store.DeleteAsync(layer, id, current.Version, AuditTrail.Entry(req.HttpContext, "delete", layer.Name), ct) switch
        {
            WriteOutcome<SpatialEntity>.Conflict c => Problems.Conflict(c.Reason),
            WriteOutcome<SpatialEntity>.Stale stale => await StaleAsync(layer, stale.Current, req.HttpContext, store, ct),
            _ => TypedResults.NoContent(), // deleted now, or by someone else meanwhile: gone either way
        };
    }

    /// <summary>412 with the feature as it is now.</summary>
    private static async Task<IResult> StaleAsync(LayerDefinition layer, SpatialEntity now, HttpContext http, FeatureStore store, CancellationToken ct)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var w = new System.Text.Json.Utf8JsonWriter(buffer, GeoJsonResult.WriterOptions))
            GeoJsonWriter.WriteFeature(w, layer, now, await store.LookupsAsync(ct));
        using var doc = System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        return Preconditions.Stale(http, $"{layer.Name} feature", now.Version, doc.RootElement.Clone(), await store.LastWriteAsync(layer, now.Id, ct));
    }
}
