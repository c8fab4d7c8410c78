using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Access;
using RecycleNet.Core.Model;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Storage;

/// <summary>
/// The store contract for named keys: each with a name the audit log records, a role and what it is bound to, kept as the
/// SHA-256 of the key, never the key. Every instance on the store looks keys up here per request, so an added, rotated or
/// revoked key counts at once, without a restart.
/// </summary>
public sealed class PlannerKeyStore(RecycleNetDb db)
{
    /// <summary>The caller of the active key with this hash, or null.</summary>
    public async Task<Caller?> CallerOfAsync(string hash, CancellationToken ct)
    {
        var key = await db.PlannerKeys.AsNoTracking().Where(k => k.Hash == hash && k.Revoked == null).FirstOrDefaultAsync(ct);
        // A role this build does not know (written by a newer one) grants nothing.
        return key is null || Roles.Parse(key.Role) is not { } role ? null : new Caller(key.Name, role, key.City, key.EnterpriseId);
    }

    public Task<bool> AnyActiveAsync(CancellationToken ct) => db.PlannerKeys.AnyAsync(k => k.Revoked == null, ct);

    public Task<List<StoredPlannerKey>> ListAsync(CancellationToken ct) => db.PlannerKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct);

    /// <summary>Adds a key by its hash; false when a key of that name exists already (active or revoked).</summary>
    public async Task<bool> AddAsync(Caller caller, string hash, CancellationToken ct)
    {
        if (await db.PlannerKeys.AnyAsync(k => k.Name == caller.Name, ct)) return false;
        db.PlannerKeys.Add(new StoredPlannerKey
        {
            Name = caller.Name, Hash = hash, Created = DateTime.UtcNow, Role = caller.Role.Id(), City = caller.City, EnterpriseId = caller.EnterpriseId,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Replaces the secret of the active key of that name, keeping its name, role and bindings (so the audit log goes on under
    /// the same name); the old secret stops working on every instance at once. False when there is no such key.
    /// </summary>
    public async Task<bool> RotateAsync(string name, string hash, CancellationToken ct) =>
        await db.PlannerKeys.Where(k => k.Name == name && k.Revoked == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.Hash, hash).SetProperty(k => k.Rotated, DateTime.UtcNow), ct) > 0;

    /// <summary>Revokes the active key of that name; false when there is none.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken ct) =>
        await db.PlannerKeys.Where(k => k.Name == name && k.Revoked == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.Revoked, DateTime.UtcNow), ct) > 0;
}
