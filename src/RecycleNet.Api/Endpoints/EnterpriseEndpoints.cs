using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Api.Setup;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Endpoints;

/// <summary>/api/enterprises: recycling enterprises (not a map layer), credit codes checked by their check character.</summary>
public static class EnterpriseEndpoints
{
    public sealed record EnterpriseInput(string? Name, string? CreditCode, bool? MofcomRegistered, int? DirectOutletCount);

    public static void MapEnterprises(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enterprises").WithTags("Enterprises");
        group.MapGet("/", async (RecycleNetDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct)));
        group.MapGet("/{id:long}", async Task<IResult> (long id, HttpResponse res, RecycleNetDb db, CancellationToken ct) =>
            {
                if (await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e) return Problems.NotFound($"enterprise {id}");
                res.Headers.ETag = Preconditions.ETag(e.Version);
                return TypedResults.Ok(e);
            })
            .Produces<Enterprise>(200).ProducesProblem(404);

        var writes = group.MapGroup("").AddEndpointFilter<RequirePlannerKey>();
        writes.MapPost("/", (HttpRequest req, RecycleNetDb db, IOptions<RecycleNetOptions> o, CancellationToken ct) => SaveAsync(null, req, db, o.Value, ct))
            .Accepts<EnterpriseBody>("application/json").Produces<Enterprise>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(422);
        writes.MapPut("/{id:long}", (long id, HttpRequest req, RecycleNetDb db, IOptions<RecycleNetOptions> o, CancellationToken ct) => SaveAsync(id, req, db, o.Value, ct))
            .Accepts<EnterpriseBody>("application/json").Produces<Enterprise>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404)
            .ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
        writes.MapDelete("/{id:long}", DeleteAsync).Produces(204).ProducesProblem(401).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }

    private static async Task<IResult> SaveAsync(long? id, HttpRequest req, RecycleNetDb db, RecycleNetOptions options, CancellationToken ct)
    {
        Enterprise? target = null;
        if (id is { } existing && (target = await db.Enterprises.FindAsync([existing], ct)) is null) return Problems.NotFound($"enterprise {existing}");
        if (target is not null)
        {
            var ifMatch = Preconditions.IfMatch(req, "enterprise");
            if (ifMatch.Problem is { } missing) return missing;
            if (!Preconditions.Matches(ifMatch.Value, target.Version)) return Preconditions.Stale(req.HttpContext, "enterprise", target.Version, target);
        }
        var read = await RequestBody.ObjectAsync(req, options.MaxFeatureBytes, ct);
        if (read.Problem is { } bad) return bad;
        var r = new JsonFieldReader();
        var body = read.Value;
        r.OnlyKnown(body, "", Fields.Of<EnterpriseBody>());
        var input = new EnterpriseInput(r.Text(body, "", "name"), r.Text(body, "", "creditCode", 18),
            r.Flag(body, "", "mofcomRegistered"), r.Count(body, "", "directOutletCount"));

        var errors = r.Errors.Select(e => new ImportError(null, e.Field, e.Rule)).ToList();
        if (input.Name is null && JsonFieldReader.Member(body, "name") is null) errors.Add(new(null, "name", "is required"));
        var code = input.CreditCode?.ToUpperInvariant();
        if (errors.All(e => e.Field != "creditCode"))
        {
            if (UnifiedSocialCreditCode.Validate(code) is { } why) errors.Add(new(null, "creditCode", why));
            else if (await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.Id != id, ct))
                errors.Add(new(null, "creditCode", $"another enterprise already has credit code {code}"));
        }
        // In the order of the form, so the answer reads top to bottom.
        string[] order = ["name", "creditCode", "mofcomRegistered", "directOutletCount"];
        errors = [.. errors.OrderBy(e => Array.IndexOf(order, e.Field) is var i and >= 0 ? i : order.Length)];
        if (errors.Count > 0) return Problems.Invalid(errors, "The enterprise");

        target ??= db.Enterprises.Add(new Enterprise()).Entity;
        target.Name = input.Name!.Trim();
        target.CreditCode = code!;
        target.MofcomRegistered = input.MofcomRegistered ?? false;
        target.DirectOutletCount = input.DirectOutletCount ?? 0;
        var before = id is null ? (long?)null : target.Version;
        if (id is not null) target.Version++; // the UPDATE checks the version it was read at (a concurrency token)
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Audit.Add(AuditTrail.Entry(req.HttpContext, id is null ? "create" : "replace", "enterprises", target.Id, before, target.Version));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } now
                ? Preconditions.Stale(req.HttpContext, "enterprise", now.Version, now) : Problems.NotFound($"enterprise {id}");
        }
        req.HttpContext.Response.Headers.ETag = Preconditions.ETag(target.Version);
        return id is null ? TypedResults.Created($"/api/enterprises/{target.Id}", target) : TypedResults.Ok(target);
    }

    private static async Task<IResult> DeleteAsync(long id, HttpRequest req, RecycleNetDb db, CancellationToken ct)
    {
        if (await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } current) return Problems.NotFound($"enterprise {id}");
        var ifMatch = Preconditions.IfMatch(req, "enterprise");
        if (ifMatch.Problem is { } missing) return missing;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!Preconditions.Matches(ifMatch.Value, current.Version)
            || await db.Enterprises.Where(e => e.Id == id && e.Version == current.Version).ExecuteDeleteAsync(ct) == 0)
        {
            await tx.RollbackAsync(ct);
            var now = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
            return now is null ? TypedResults.NoContent() : Preconditions.Stale(req.HttpContext, "enterprise", now.Version, now);
        }
        db.Audit.Add(AuditTrail.Entry(req.HttpContext, "delete", "enterprises", id, current.Version));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
