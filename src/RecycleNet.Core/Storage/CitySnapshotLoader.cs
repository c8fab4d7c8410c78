using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Coverage;

namespace RecycleNet.Core.Storage;

/// <summary>Reads the whole city from the store into a <see cref="CitySnapshot"/> (no tracking: analyses only read).</summary>
public static class CitySnapshotLoader
{
    public static async Task<CitySnapshot> LoadAsync(RecycleNetDb db, CancellationToken ct = default) => new(
        await db.Districts.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct),
        await db.Communities.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct),
        await db.Outlets.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct),
        await db.SortingCenters.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct));
}
