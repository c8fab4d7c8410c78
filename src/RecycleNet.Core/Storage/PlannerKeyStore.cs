using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Model;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Storage;

/// <summary>
/// The store contract for planner keys: each with a name the audit log records, kept as the SHA-256 of the key, never
/// the key. Every instance on the store looks keys up here per request, so an added or revoked key counts at once.
/// </summary>
public sealed class PlannerKeyStore(RecycleNetDb db)
{
    /// <summary>The name of the active key with this hash, or null.</summary>
    public Task<string?> NameOfAsync(string hash, CancellationToken ct) =>
        db.PlannerKeys.AsNoTracking().Where(k => k.Hash == hash && k.Revoked == null).Select(k => k.Name).FirstOrDefaultAsync(ct);

    public Task<bool> AnyActiveAsync(CancellationToken ct) => db.PlannerKeys.AnyAsync(k => k.Revoked == null, ct);

    public Task<List<StoredPlannerKey>> ListAsync(CancellationToken ct) => db.PlannerKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct);

    /// <summary>Adds a key by its hash; false when a key of that name exists already (active or revoked).</summary>
    public async Task<bool> AddAsync(string name, string hash, CancellationToken ct)
    {
        if (await db.PlannerKeys.AnyAsync(k => k.Name == name, ct)) return false;
        db.PlannerKeys.Add(new StoredPlannerKey { Name = name, Hash = hash, Created = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Revokes the active key of that name; false when there is none.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken ct) =>
        await db.PlannerKeys.Where(k => k.Name == name && k.Revoked == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.Revoked, DateTime.UtcNow), ct) > 0;
}
