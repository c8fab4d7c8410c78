using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;

namespace RecycleNet.Core.Demo;

/// <summary>
/// Fills an empty store with the committed Jinan demo files, through the same importer and rules as
/// any planner's import (districts first, so communities are placed by point-in-polygon).
/// </summary>
public static class DemoSeeder
{
    public static async Task<IReadOnlyList<(string Layer, int Count)>> SeedAsync(RecycleNetDb db, string dir, CancellationToken ct)
    {
        var importer = new LayerImporter(db, new ImportOptions());
        var counts = new List<(string, int)>();
        (LayerDefinition Layer, string File)[] steps =
        [
            (DistrictLayer.Instance, DemoDataFiles.Districts), (CommunityLayer.Instance, DemoDataFiles.Communities),
            (OutletLayer.Instance, DemoDataFiles.Outlets), (SortingCenterLayer.Instance, DemoDataFiles.SortingCenters),
        ];
        foreach (var (layer, file) in steps)
        {
            var rows = GeoJsonRowReader.Read(await File.ReadAllBytesAsync(Path.Combine(dir, file), ct));
            var result = await importer.ImportAsync(layer, rows, DeclaredCrs.Wgs84, ImportMode.Append, ct);
            if (!result.Applied)
                throw new InvalidDataException($"demo file {file} was refused: {result.Conflict ?? string.Join("; ", result.Errors.Take(3))}");
            counts.Add((layer.Name, result.Inserted));
        }
        var enterprises = DemoDataFiles.ReadEnterprises(dir);
        foreach (var e in enterprises)
            if (UnifiedSocialCreditCode.Validate(e.CreditCode) is { } why) throw new InvalidDataException($"demo enterprise {e.Name}: credit code {why}");
        db.Enterprises.AddRange(enterprises);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        counts.Add(("enterprises", enterprises.Count));
        return counts;
    }
}
