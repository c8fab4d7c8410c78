using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace RecycleNet.Core.Database;

/// <summary>
/// The one way a replacement is made from a version (a feature's or an enterprise's <c>Version</c>, a concurrency
/// token): the UPDATE names the version it was made from, so of two writers from the same version exactly one wins.
/// </summary>
internal static class VersionedSave
{
    /// <summary>Tracks <paramref name="entity"/> as the replacement of its row at <paramref name="expectedVersion"/>; its version becomes the next.</summary>
    public static void Replacing(this RecycleNetDb db, object entity, long expectedVersion)
    {
        db.Update(entity);
        // The row's city is a concurrency token: the UPDATE changes a row of this context's city or none.
        if (entity is Model.ICityOwned owned)
        {
            owned.CityId = db.CityId ?? throw new InvalidOperationException("a replacement needs a city");
            db.Entry(entity).Property(nameof(Model.ICityOwned.CityId)).OriginalValue = owned.CityId;
        }
        var version = db.Entry(entity).Property("Version");
        version.CurrentValue = expectedVersion + 1;
        version.OriginalValue = expectedVersion;
    }

    /// <summary>Saves; false — the transaction rolled back, nothing left tracked — when another writer changed the row first.</summary>
    public static async Task<bool> TrySaveAsync(this RecycleNetDb db, IDbContextTransaction tx, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
