using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Demo;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Database;

namespace RecycleNet.Bench;

/// <summary>
/// Issue 17's province-scale load: `dotnet run -c Release --project bench/RecycleNet.Bench -- province FILE [marginM|all]`
/// streams a provincial OSM PBF (bench/osm/make-province-pbf.sh builds one of ~160 MB from ../shared's real extract),
/// keeping only Jinan's outline (its districts, data/jinan) plus a margin (default 5 km; `all` keeps the whole file), and
/// reports the time, the process's peak working set, the nodes and edges kept, and whole-city coverage on the graph for
/// the Jinan demo's communities and outlets (and with 200 outlets, the synthetic case's count): median of 30 after 60
/// warm-up runs. Run it in a process of its own: the peak is the process's.
/// </summary>
public static class ProvinceHarness
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.WriteLine("usage: province FILE.osm.pbf [marginM|all]   (bench/osm/make-province-pbf.sh builds one)");
            return 2;
        }
        var file = args[0];
        var margin = args.Length > 1 && args[1] != "all" ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000;
        var whole = args.Length > 1 && args[1] == "all";
        Console.WriteLine($"cores: {Environment.ProcessorCount}; file: {new FileInfo(file).Length / 1e6:0.0} MB");
        var jinan = Path.Combine(Program.RepoRoot, "data", "jinan");
        var clip = whole ? null : OsmClipArea.ForCity(DemoDataFiles.ReadDistricts(jinan), margin);

        var watch = Stopwatch.StartNew();
        OsmNetworkLoad load;
        using (var s = File.OpenRead(file)) load = OsmNetworkReader.Read(s, Path.GetFileName(file), new OsmReadOptions { Clip = clip, MaxNodes = long.MaxValue });
        var readMs = watch.ElapsedMilliseconds;
        watch.Restart();
        load.Graph.Prepare();
        load.Roads?.Shape.Prepare();
        var prepareMs = watch.ElapsedMilliseconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"read {load.NodesRead:N0} nodes and {load.WaysRead:N0} ways in {readMs:N0} ms" +
                          (clip is null ? " (whole file)" : $", keeping Jinan's outline + {margin:0} m"));
        if (load.Clip is { } c)
            Console.WriteLine($"  outside: {c.NodesOutside:N0} nodes, {c.WaysOutside:N0} streets; {c.WaysCut:N0} streets cut at the edge");
        Console.WriteLine($"walking graph: {load.Graph.NodeCount:N0} nodes, {load.Graph.EdgeCount:N0} edges, {load.Graph.TotalLengthM / 1000:N0} km; " +
                          $"drivable: {load.Roads?.NodeCount ?? 0:N0} nodes, {load.Roads?.EdgeCount ?? 0:N0} edges");
        Console.WriteLine($"snapping index and hull: {prepareMs:N0} ms; peak working set so far {peak / 1048576.0:N0} MiB; " +
                          $"live heap {GC.GetTotalMemory(true) / 1048576.0:N0} MiB");

        var demo = JinanDemo();
        var options = new CoverageOptions();
        Coverage("Jinan demo", demo, load.Graph, options);
        var rng = new Random(11);
        var extra = demo.Communities.OrderBy(_ => rng.Next()).Take(Math.Max(0, 200 - demo.OperatingFixedOutlets.Count())).Select((cm, i) => new Outlet
        {
            Id = 1_000_000 + i, Name = $"extra {i}", Kind = OutletKind.Fixed, Status = FacilityStatus.Operating,
            Geometry = new Point(cm.Location.X + 0.002, cm.Location.Y + 0.001),
        });
        Coverage("Jinan demo + outlets to 200", demo with { Outlets = [.. demo.Outlets, .. extra] }, load.Graph, options);
        Console.WriteLine($"peak working set at the end: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB");
        return 0;
    }

    private static void Coverage(string name, CitySnapshot city, WalkingGraph graph, CoverageOptions options)
    {
        var watch = Stopwatch.StartNew();
        var first = CoverageScorer.Score(city, graph, options);
        var cold = watch.Elapsed.TotalMilliseconds;
        for (var i = 0; i < 60; i++) CoverageScorer.Score(city, graph, options);
        var times = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            watch.Restart();
            CoverageScorer.Score(city, graph, options);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name}: {city.Communities.Count:N0} communities, {city.FixedRecyclingPoints.Count():N0} fixed points; " +
                          $"covered {first.City.CoveredHouseholds:N0} of {first.City.Households:N0} households; " +
                          $"whole-city coverage median {times[15]:0.00} ms (min {times[0]:0.00}; first call {cold:0} ms)");
    }

    /// <summary>The Jinan demo as the service sees it: seeded into a fresh SQLite store (removed afterwards) and read back.</summary>
    public static CitySnapshot JinanDemo()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("recyclenet-province-").FullName, "bench.db");
        var options = new DbContextOptionsBuilder<RecycleNetDb>().UseSqlite($"Data Source={file}").Options;
        try
        {
            using var db = new RecycleNetDb(options, new CityScope("jinan"));
            db.Database.Migrate();
            DemoSeeder.SeedAsync(db, Path.Combine(Program.RepoRoot, "data", "jinan"), CancellationToken.None).GetAwaiter().GetResult();
            return CitySnapshotLoader.LoadAsync(db).GetAwaiter().GetResult();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
