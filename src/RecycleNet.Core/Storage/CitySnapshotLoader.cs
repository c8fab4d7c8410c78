using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Storage;

/// <summary>The layers a <see cref="CitySnapshot"/> is made of.</summary>
[Flags]
public enum CityParts
{
    None = 0, Districts = 1, Communities = 2, Outlets = 4, SortingCenters = 8,
    Townships = 16, Villages = 32, TransferStations = 64, WasteSortingPoints = 128, All = 255,
}

/// <summary>Reads the city from the store into a <see cref="CitySnapshot"/> (no tracking: analyses only read).</summary>
public static class CitySnapshotLoader
{
    /// <summary>The store's table behind each part: a snapshot is current while their revisions (<see cref="StoreRevision"/>) stand.</summary>
    public static readonly IReadOnlyList<(string Table, CityParts Part)> Tables =
    [
        ("districts", CityParts.Districts), ("communities", CityParts.Communities), ("outlets", CityParts.Outlets),
        ("sorting_centers", CityParts.SortingCenters), ("townships", CityParts.Townships), ("villages", CityParts.Villages),
        ("transfer_stations", CityParts.TransferStations), ("waste_sorting_points", CityParts.WasteSortingPoints),
    ];

    /// <summary>
    /// The city with <paramref name="reload"/> read from the store and the other layers taken from
    /// <paramref name="previous"/> (a snapshot is immutable, so its lists can be shared): after an outlet is saved,
    /// only the outlets are read again, not a million communities.
    /// </summary>
    public static async Task<CitySnapshot> LoadAsync(RecycleNetDb db, CitySnapshot? previous = null, CityParts reload = CityParts.All,
        CancellationToken ct = default)
    {
        bool Read(CityParts part) => previous is null || reload.HasFlag(part);
        return new(
            Read(CityParts.Districts) ? await db.Districts.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct) : previous!.Districts,
            Read(CityParts.Communities) ? await db.Communities.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct) : previous!.Communities,
            Read(CityParts.Outlets) ? await db.Outlets.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct) : previous!.Outlets,
            Read(CityParts.SortingCenters) ? await db.SortingCenters.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct) : previous!.SortingCenters)
        {
            Townships = Read(CityParts.Townships) ? await db.Townships.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct) : previous!.Townships,
            Villages = Read(CityParts.Villages) ? await db.Villages.AsNoTracking().OrderBy(v => v.Id).ToListAsync(ct) : previous!.Villages,
            TransferStations = Read(CityParts.TransferStations)
                ? await db.TransferStations.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct) : previous!.TransferStations,
            WasteSortingPoints = Read(CityParts.WasteSortingPoints)
                ? await db.WasteSortingPoints.AsNoTracking().OrderBy(w => w.Id).ToListAsync(ct) : previous!.WasteSortingPoints,
        };
    }
}
