using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Api.Setup;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Endpoints;

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
            group.MapGet("/{id:long}", (long id, HttpResponse res, RecycleNetDb db, CancellationToken ct) => GetAsync(layer, id, res, db, ct))
                .WithName($"get-{layer.Name}").WithSummary($"One of the {layer.Name} as a GeoJSON Feature")
                .Produces<GeoJsonFeature>(200, "application/geo+json").ProducesProblem(404);

            var writes = group.MapGroup("").AddEndpointFilter<RequirePlannerKey>();
            writes.MapPost("/", (string? crs, HttpRequest req, RecycleNetDb db, IOptions<RecycleNetOptions> o, CancellationToken ct) =>
                    WriteAsync(layer, null, crs, req, db, o.Value, ct))
                .WithSummary($"Add one feature to {layer.Name} (GeoJSON Feature; crs defaults to WGS84)")
                .Accepts<GeoJsonFeature>("application/geo+json", "application/json")
                .Produces<GeoJsonFeature>(201, "application/geo+json").ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422);
            writes.MapPut("/{id:long}", (long id, string? crs, HttpRequest req, RecycleNetDb db, IOptions<RecycleNetOptions> o, CancellationToken ct) =>
                    WriteAsync(layer, id, crs, req, db, o.Value, ct))
                .WithSummary($"Replace one of the {layer.Name} (geometry and all properties); If-Match: the version it was made from")
                .Accepts<GeoJsonFeature>("application/geo+json", "application/json")
                .Produces<GeoJsonFeature>(200, "application/geo+json").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(412).ProducesProblem(413).ProducesProblem(422).ProducesProblem(428);
            writes.MapDelete("/{id:long}", (long id, HttpRequest req, RecycleNetDb db, CancellationToken ct) => DeleteAsync(layer, id, req, db, ct))
                .WithSummary($"Delete one of the {layer.Name}; If-Match: the version it was decided on")
                .Produces(204).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);
        }
    }

    /// <summary>
    /// The whole layer from the same in-memory table /ogc pages from (built once per revision), written by the same
    /// GeoJSON writer, with each feature's version; tagged by that table's build.
    /// </summary>
    private static async Task<IResult> ListAsync(LayerDefinition layer, HttpContext http, FeatureCache cache, CancellationToken ct)
    {
        var table = await cache.GetAsync(FeatureCache.Find(layer.Name)!, ct);
        if (WeakETags.Fresh(http, WeakETags.Of($"t{table.Build}", "geojson"))) return WeakETags.NotModified();
        var all = table.Query(new Core.Features.FeatureQuery { Limit = int.MaxValue }).Features;
        return new StreamedJsonResult(w => GeoJsonWriter.WriteCollection(w, layer.Name, all), GeoJsonResult.ContentType);
    }

    private static async Task<IResult> GetAsync(LayerDefinition layer, long id, HttpResponse res, RecycleNetDb db, CancellationToken ct)
    {
        if (await layer.FindAsync(db, id, ct) is not { } e) return Problems.NotFound($"{layer.Name} {id}");
        res.Headers.ETag = Preconditions.ETag(e.Version);
        return new GeoJsonResult(layer, [e], await LookupsAsync(db, ct), single: true);
    }

    private static async Task<IResult> WriteAsync(LayerDefinition layer, long? id, string? crs, HttpRequest req,
        RecycleNetDb db, RecycleNetOptions options, CancellationToken ct)
    {
        if (!DeclaredCrs.TryParse(crs ?? "WGS84", out var declared)) return Problems.BadParameter("crs", $"'{crs}' is not supported; use {DeclaredCrs.Accepted}");
        SpatialEntity? current = null;
        if (id is { } existing && (current = await layer.FindAsync(db, existing, ct)) is null) return Problems.NotFound($"{layer.Name} {existing}");
        if (current is not null)
        {
            var ifMatch = Preconditions.IfMatch(req, $"{layer.Name} feature");
            if (ifMatch.Problem is { } missing) return missing;
            if (!Preconditions.Matches(ifMatch.Value, current.Version)) return await StaleAsync(layer, current, req.HttpContext, db, ct);
        }
        var read = await RequestBody.ObjectAsync(req, options.MaxFeatureBytes, ct);
        if (read.Problem is { } bad) return bad;
        var row = GeoJsonRowReader.ReadFeature(read.Value, 0);

        var (entity, errors) = await new LayerImporter(db, new ImportOptions()).ValidateOneAsync(layer, row, declared, id, ct);
        if (entity is null) return Problems.Invalid(errors, "The feature");
        // The write and its audit entry commit together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (current is not null)
        {
            // The UPDATE names the version read above; a writer that got in between makes it touch no row.
            entity.Id = current.Id;
            entity.Version = current.Version + 1;
            db.Update(entity);
            db.Entry(entity).Property(e => e.Version).OriginalValue = current.Version;
        }
        else layer.Add(db, [entity]);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await layer.FindAsync(db, current!.Id, ct) is { } now ? await StaleAsync(layer, now, req.HttpContext, db, ct) : Problems.NotFound($"{layer.Name} {current.Id}");
        }
        db.Audit.Add(AuditTrail.Entry(req.HttpContext, current is null ? "create" : "replace", layer.Name, entity.Id, current?.Version, entity.Version));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        req.HttpContext.Response.Headers.ETag = Preconditions.ETag(entity.Version);

        var result = new GeoJsonResult(layer, [entity], await LookupsAsync(db, ct), single: true, status: id is null ? 201 : 200);
        if (id is null) req.HttpContext.Response.Headers.Location = $"/api/{layer.Name}/{entity.Id}";
        return result;
    }

    private static async Task<IResult> DeleteAsync(LayerDefinition layer, long id, HttpRequest req, RecycleNetDb db, CancellationToken ct)
    {
        if (await layer.FindAsync(db, id, ct) is not { } current) return Problems.NotFound($"{layer.Name} {id}");
        var ifMatch = Preconditions.IfMatch(req, $"{layer.Name} feature");
        if (ifMatch.Problem is { } missing) return missing;
        if (!Preconditions.Matches(ifMatch.Value, current.Version)) return await StaleAsync(layer, current, req.HttpContext, db, ct);
        if (await layer.DeleteConflictAsync(db, id, ct) is { } conflict) return Problems.Conflict(conflict);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await layer.DeleteAsync(db, id, current.Version, ct) == 0)
        {
            await tx.RollbackAsync(ct);
            return await layer.FindAsync(db, id, ct) is { } now ? await StaleAsync(layer, now, req.HttpContext, db, ct) : TypedResults.NoContent();
        }
        db.Audit.Add(AuditTrail.Entry(req.HttpContext, "delete", layer.Name, id, current.Version));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>412 with the feature as it is now.</summary>
    private static async Task<IResult> StaleAsync(LayerDefinition layer, SpatialEntity now, HttpContext http, RecycleNetDb db, CancellationToken ct)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var w = new System.Text.Json.Utf8JsonWriter(buffer, GeoJsonResult.WriterOptions))
            GeoJsonWriter.WriteFeature(w, layer, now, await LookupsAsync(db, ct));
        using var doc = System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        return Preconditions.Stale(http, $"{layer.Name} feature", now.Version, doc.RootElement.Clone());
    }

    internal static async Task<LayerLookups> LookupsAsync(RecycleNetDb db, CancellationToken ct) =>
        // Names only: loading the District entities would read every outline's WKB on each request.
        new(await db.Districts.Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct));
}
