using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Enterprises;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Auth;

namespace RecycleNet.Api.Endpoints;

/// <summary>/api/enterprises: recycling enterprises (not a map layer), credit codes checked by their check character.</summary>
public static class EnterpriseEndpoints
{
    public static void MapEnterprises(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enterprises").WithTags("Enterprises");
        // A dispatcher's key is its enterprise's view: the list holds only it, any other is not found.
        group.MapGet("/", async (HttpContext http, EnterpriseStore store, CancellationToken ct) =>
            {
                var caller = await Access.CallerAsync(http);
                return TypedResults.Ok((await store.ListAsync(ct)).Where(e => caller?.SeesEnterprise(e.Id) != false).ToList());
            })
            .WithSummary("The city's recycling enterprises (a dispatcher's key: only its own)").Produces<List<Enterprise>>(200);
        group.MapGet("/{id:long}", async Task<IResult> (long id, HttpResponse res, EnterpriseStore store, CancellationToken ct) =>
            {
                if (await store.GetAsync(id, ct) is not { } e || await Access.CallerAsync(res.HttpContext) is { } c && !c.SeesEnterprise(id))
                    return Problems.NotFound($"enterprise {id}", $"企业 {id}");
                res.Headers.ETag = Preconditions.ETag(e.Version);
                return TypedResults.Ok(e);
            })
            .Produces<Enterprise>(200).ProducesProblem(404);

        var writes = group.MapGroup("").Require(Need.Write);
        writes.MapPost("/", (HttpRequest req, EnterpriseStore store, IOptions<RecycleNetOptions> o, CancellationToken ct) => SaveAsync(null, req, store, o.Value, ct))
            .Accepts<EnterpriseBody>("application/json").Produces<Enterprise>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(422);
        writes.MapPut("/{id:long}", (long id, HttpRequest req, EnterpriseStore store, IOptions<RecycleNetOptions> o, CancellationToken ct) => SaveAsync(id, req, store, o.Value, ct))
            .Accepts<EnterpriseBody>("application/json").Produces<Enterprise>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404)
            .ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
        writes.MapDelete("/{id:long}", DeleteAsync).Produces(204).ProducesProblem(401).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }

    private static async Task<IResult> SaveAsync(long? id, HttpRequest req, EnterpriseStore store, RecycleNetOptions options, CancellationToken ct)
    {
        Enterprise? current = null;
        if (id is { } existing && (current = await store.GetAsync(existing, ct)) is null) return Problems.NotFound($"enterprise {existing}", $"企业 {existing}");
        if (current is not null)
        {
            if (await Preconditions.RefusalAsync(req, "enterprise", current.Version,
                () => new(Preconditions.Stale(req.HttpContext, "enterprise", current.Version, current))) is { } precondition) return precondition;
        }
        var read = await RequestBody.ObjectAsync(req, options.MaxFeatureBytes, ct);
        if (read.Problem is { } bad) return bad;
        var (input, readErrors) = EnterpriseInput.Read(read.Value);
        var audit = AuditTrail.Entry(req.HttpContext, id is null ? "create" : "replace", "enterprises");
        switch (await store.SaveAsync(id, current?.Version, input, readErrors, audit, ct))
        {
            case WriteOutcome<Enterprise>.Invalid invalid: return Problems.Invalid(invalid.Errors, "The enterprise");
            case WriteOutcome<Enterprise>.Stale stale: return Preconditions.Stale(req.HttpContext, "enterprise", stale.Current.Version, stale.Current);
            case WriteOutcome<Enterprise>.Written { Entity: var saved }:
                req.HttpContext.Response.Headers.ETag = Preconditions.ETag(saved.Version);
                return id is null ? TypedResults.Created($"{req.PathBase}/api/enterprises/{saved.Id}", saved) : TypedResults.Ok(saved);
            default: return Problems.NotFound($"enterprise {id}", $"企业 {id}");
        }
    }

    private static async Task<IResult> DeleteAsync(long id, HttpRequest req, EnterpriseStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current) return Problems.NotFound($"enterprise {id}", $"企业 {id}");
        if (await Preconditions.RefusalAsync(req, "enterprise", current.Version,
            () => new(Preconditions.Stale(req.HttpContext, "enterprise", current.Version, current))) is { } precondition) return precondition;
        return await store.DeleteAsync(id, current.Version, AuditTrail.Entry(req.HttpContext, "delete", "enterprises"), ct) switch
        {
            WriteOutcome<Enterprise>.Stale stale => Preconditions.Stale(req.HttpContext, "enterprise", stale.Current.Version, stale.Current),
            _ => TypedResults.NoContent(), // deleted now, or by someone else meanwhile: gone either way
        };
    }
}
