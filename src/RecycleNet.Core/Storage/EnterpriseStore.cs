using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;
using RecycleNet.Core.Database;
using RecycleNet.Core.Enterprises;

namespace RecycleNet.Core.Storage;

/// <summary>
/// The store contract for recycling enterprises: list, get, add, replace against an expected version and delete, each
/// write with its audit entry in one transaction. The rules — a name, a unified social credit code valid by its check
/// character and held by no other enterprise — are checked here, in the order of the form.
/// </summary>
public sealed class EnterpriseStore(RecycleNetDb db)
{
    private static readonly string[] FormOrder = ["name", "creditCode", "mofcomRegistered", "directOutletCount"];

    public Task<List<Enterprise>> ListAsync(CancellationToken ct) => db.Enterprises.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);

    public Task<Enterprise?> GetAsync(long id, CancellationToken ct) => db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>
    /// Adds an enterprise (<paramref name="id"/> null) or replaces enterprise <paramref name="id"/> if it is still at
    /// <paramref name="expectedVersion"/>. <paramref name="readErrors"/> are what reading the form found already.
    /// </summary>
    public async Task<WriteOutcome<Enterprise>> SaveAsync(long? id, long? expectedVersion, EnterpriseInput input, IReadOnlyList<ImportError> readErrors,
        AuditEntry audit, CancellationToken ct)
    {
        var errors = readErrors.ToList();
        if (input.Name is null && errors.All(e => e.Field != "name")) errors.Add(new(null, "name", "is required", "必填"));
        var code = input.CreditCode?.ToUpperInvariant();
        if (errors.All(e => e.Field != "creditCode"))
        {
            if (UnifiedSocialCreditCode.Validate(code) is { } why) errors.Add(new(null, "creditCode", why.En, why.Zh));
            else if (await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.Id != id, ct))
                errors.Add(new(null, "creditCode", $"another enterprise already has credit code {code}", $"已有企业使用统一社会信用代码 {code}"));
        }
        if (errors.Count > 0)
            return new WriteOutcome<Enterprise>.Invalid([.. errors.OrderBy(e => Array.IndexOf(FormOrder, e.Field) is var i and >= 0 ? i : FormOrder.Length)]);

        var target = new Enterprise
        {
            Name = input.Name!.Trim(), CreditCode = code!, MofcomRegistered = input.MofcomRegistered ?? false,
            DirectOutletCount = input.DirectOutletCount ?? 0,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (id is { } existing)
        {
            target.Id = existing;
            db.Replacing(target, expectedVersion!.Value);
        }
        else db.Enterprises.Add(target);
        if (!await db.TrySaveAsync(tx, ct))
            return await GetAsync(id!.Value, ct) is { } now ? new WriteOutcome<Enterprise>.Stale(now) : new WriteOutcome<Enterprise>.NotFound();
        (audit.FeatureId, audit.VersionBefore, audit.VersionAfter) = (target.Id, expectedVersion, target.Version);
        db.Audit.Add(audit);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new WriteOutcome<Enterprise>.Written(target, Created: id is null);
    }

    /// <summary>Deletes enterprise <paramref name="id"/> if it is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<WriteOutcome<Enterprise>> DeleteAsync(long id, long expectedVersion, AuditEntry audit, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Enterprises.Where(e => e.Id == id && e.Version == expectedVersion).ExecuteDeleteAsync(ct) == 0)
        {
            await tx.RollbackAsync(ct);
            return await GetAsync(id, ct) is { } now ? new WriteOutcome<Enterprise>.Stale(now) : new WriteOutcome<Enterprise>.NotFound();
        }
        (audit.FeatureId, audit.VersionBefore) = (id, expectedVersion);
        db.Audit.Add(audit);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new WriteOutcome<Enterprise>.Deleted();
    }
}
