using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Api.Setup;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Layers;
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
            group.MapGet("/", (RecycleNetDb db, CancellationToken ct) => ListAsync(layer, db, ct))
                .WithName($"list-{layer.Name}").WithSummary($"All {layer.Name} as a GeoJSON FeatureCollection (WGS84)")
                .Produces<GeoJsonFeatureCollection>(200, "application/geo+json");
            group.MapGet("/{id:long}", (long id, RecycleNetDb db, CancellationToken ct) => GetAsync(layer, id, db, ct))
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
                .WithSummary($"Replace one of the {layer.Name} (geometry and all properties)")
                .Accepts<GeoJsonFeature>("application/geo+json", "application/json")
                .Produces<GeoJsonFeature>(200, "application/geo+json").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(413).ProducesProblem(422);
            writes.MapDelete("/{id:long}", (long id, RecycleNetDb db, CancellationToken ct) => DeleteAsync(layer, id, db, ct))
                .WithSummary($"Delete one of the {layer.Name}")
                .Produces(204).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        }
    }

    private static async Task<IResult> ListAsync(LayerDefinition layer, RecycleNetDb db, CancellationToken ct) =>
        new GeoJsonResult(layer, await layer.ListAsync(db, ct), await LookupsAsync(db, ct), single: false);

    private static async Task<IResult> GetAsync(LayerDefinition layer, long id, RecycleNetDb db, CancellationToken ct) =>
        await layer.FindAsync(db, id, ct) is { } e
            ? new GeoJsonResult(layer, [e], await LookupsAsync(db, ct), single: true)
            : Problems.NotFound($"{layer.Name} {id}");

    private static async Task<IResult> WriteAsync(LayerDefinition layer, long? id, string? crs, HttpRequest req,
        RecycleNetDb db, RecycleNetOptions options, CancellationToken ct)
    {
        if (!DeclaredCrs.TryParse(crs ?? "WGS84", out var declared)) return Problems.BadParameter("crs", $"'{crs}' is not supported; use {DeclaredCrs.Accepted}");
        if (id is { } existing && await layer.FindAsync(db, existing, ct) is null) return Problems.NotFound($"{layer.Name} {existing}");
        var read = await RequestBody.ObjectAsync(req, options.MaxFeatureBytes, ct);
        if (read.Problem is { } bad) return bad;
        var row = GeoJsonRowReader.ReadFeature(read.Value, 0);

        var (entity, errors) = await new LayerImporter(db, new ImportOptions()).ValidateOneAsync(layer, row, declared, id, ct);
        if (entity is null) return Problems.Invalid(errors, "The feature");
        if (id is { } updating)
        {
            entity.Id = updating;
            db.Update(entity);
        }
        else layer.Add(db, [entity]);
        await db.SaveChangesAsync(ct);

        var result = new GeoJsonResult(layer, [entity], await LookupsAsync(db, ct), single: true, status: id is null ? 201 : 200);
        if (id is null) req.HttpContext.Response.Headers.Location = $"/api/{layer.Name}/{entity.Id}";
        return result;
    }

    private static async Task<IResult> DeleteAsync(LayerDefinition layer, long id, RecycleNetDb db, CancellationToken ct)
    {
        if (await layer.FindAsync(db, id, ct) is null) return Problems.NotFound($"{layer.Name} {id}");
        if (await layer.DeleteConflictAsync(db, id, ct) is { } conflict) return Problems.Conflict(conflict);
        await layer.DeleteAsync(db, id, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<LayerLookups> LookupsAsync(RecycleNetDb db, CancellationToken ct) =>
        // Names only: loading the District entities would read every outline's WKB on each request.
        new(await db.Districts.Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct));
}
