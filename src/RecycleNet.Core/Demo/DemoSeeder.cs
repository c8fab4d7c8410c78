using RecycleNet.Core.Cities;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Demo;

/// <summary>
/// Fills an empty store with one city's committed demo files, through the same importer and rules as any planner's import
/// (districts first, so communities are placed by point-in-polygon; townships before the villages and stations placed in
/// them). The rural layers are seeded where the city's folder has them.
/// </summary>
public static class DemoSeeder
{
    /// <summary>
    /// Seeds every city of <paramref name="cities"/> whose demo folder exists under <paramref name="root"/>, each through a
    /// context of that city (<paramref name="contextFor"/>; disposed after). A root that is itself a city's folder
    /// (districts.geojson in it) is the default city's.
    /// </summary>
    /// <param name="volumes">The volume categories and the latest full month: the demo's synthetic monthly reports run up to it. Null: no reports.</param>
    public static async Task<IReadOnlyList<(City City, IReadOnlyList<(string Layer, int Count)> Counts, long Ms)>> SeedCitiesAsync(
        CityCatalog cities, string root, Func<string, RecycleNetDb> contextFor, CancellationToken ct,
        (Volumes.VolumeCategories Categories, Volumes.ReportMonth Through)? volumes = null)
    {
        var seeded = new List<(City, IReadOnlyList<(string, int)>, long)>();
        foreach (var city in cities.All)
        {
            if (FolderOf(cities, city, root) is not { } folder) continue;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using var db = contextFor(city.Id);
            var counts = (await SeedAsync(db, folder, ct)).ToList();
            if (volumes is { } v) counts.Add(("volume figures", await SeedVolumesAsync(db, city.Id, v.Categories, v.Through, ct)));
            seeded.Add((city, counts, watch.ElapsedMilliseconds));
        }
        return seeded;
    }

    /// <summary>A city's demo folder under <paramref name="root"/>, or null when it has none.</summary>
    public static string? FolderOf(CityCatalog cities, City city, string root)
    {
        if (File.Exists(Path.Combine(root, DemoDataFiles.Districts))) return city == cities.Default ? root : null;
        return city.Demo is { } demo && File.Exists(Path.Combine(root, demo, DemoDataFiles.Districts)) ? Path.Combine(root, demo) : null;
    }

    /// <summary>The synthetic monthly reports of a seeded city, stored as any report is (<see cref="VolumeStore"/>).</summary>
    public static async Task<int> SeedVolumesAsync(RecycleNetDb db, string city, Volumes.VolumeCategories categories, Volumes.ReportMonth through,
        CancellationToken ct)
    {
        var snapshot = await CitySnapshotLoader.LoadAsync(db, null, CityParts.All, ct);
        var store = new VolumeStore(db);
        var figures = VolumeDemoGenerator.Generate(city, snapshot, await store.DirectoryAsync(snapshot, ct), categories, through);
        await store.ApplyAsync(figures, null, dryRun: false, ct);
        return figures.Count;
    }

    public static async Task<IReadOnlyList<(string Layer, int Count)>> SeedAsync(RecycleNetDb db, string dir, CancellationToken ct)
    {
        var importer = new LayerImporter(db, new ImportOptions());
        var counts = new List<(string, int)>();
        (LayerDefinition Layer, string File)[] steps =
        [
            (DistrictLayer.Instance, DemoDataFiles.Districts), (TownshipLayer.Instance, DemoDataFiles.Townships),
            (CommunityLayer.Instance, DemoDataFiles.Communities), (VillageLayer.Instance, DemoDataFiles.Villages),
            (OutletLayer.Instance, DemoDataFiles.Outlets), (SortingCenterLayer.Instance, DemoDataFiles.SortingCenters),
            (TransferStationLayer.Instance, DemoDataFiles.TransferStations), (WasteSortingPointLayer.Instance, DemoDataFiles.WasteSortingPoints),
        ];
        foreach (var (layer, file) in steps)
        {
            if (!File.Exists(Path.Combine(dir, file))) continue;
            var rows = GeoJsonRowReader.Read(await File.ReadAllBytesAsync(Path.Combine(dir, file), ct));
            var result = await importer.ImportAsync(layer, rows, DeclaredCrs.Wgs84, ImportMode.Append, ct);
            if (!result.Applied)
                throw new InvalidDataException($"demo file {file} was refused: {result.Conflict?.En ?? string.Join("; ", result.Errors.Take(3))}");
            counts.Add((layer.Name, result.Inserted));
        }
        var enterprises = DemoDataFiles.ReadEnterprises(dir);
        foreach (var e in enterprises)
            if (UnifiedSocialCreditCode.Validate(e.CreditCode) is { } why) throw new InvalidDataException($"demo enterprise {e.Name}: credit code {why.En}");
        db.Enterprises.AddRange(enterprises);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        counts.Add(("enterprises", enterprises.Count));
        return counts;
    }
}
