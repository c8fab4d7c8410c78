using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using RecycleNet.Bench;

// Usage (from the repository root):
//   dotnet run -c Release --project bench/RecycleNet.Bench                 all BenchmarkDotNet benchmarks
//   dotnet run -c Release --project bench/RecycleNet.Bench -- --filter '*Coverage*'
//   dotnet run -c Release --project bench/RecycleNet.Bench -- peak         peak memory of each scenario, one process each
//   dotnet run -c Release --project bench/RecycleNet.Bench -- siting       siting quality against OR-Tools, and speed
//   dotnet run -c Release --project bench/RecycleNet.Bench -- county       a Binzhou-sized county network: tier coverage and whole-chain siting
//   dotnet run -c Release --project bench/RecycleNet.Bench -- volumes      1.2 M monthly figures imported; the scorecard's volume section (SQLite, PostgreSQL)
//   dotnet run -c Release --project bench/RecycleNet.Bench -- plans        a plan of 100 changes evaluated (Jinan demo; Jinan-sized network)
//   dotnet run -c Release --project bench/RecycleNet.Bench -- siting-memory [s] [network|straight]  a 1,000,000-candidate job's peak memory
//   dotnet run -c Release --project bench/RecycleNet.Bench -- export DIR   the cases for the peers (bench/peers/run.sh)
//   dotnet run -c Release --project bench/RecycleNet.Bench -- perf         coverage (and its parts), a what-if's core, a life circle: medians
//   dotnet run -c Release --project bench/RecycleNet.Bench -- province FILE [marginM|all]  stream a provincial PBF (bench/osm/make-province-pbf.sh), keep Jinan + margin
if (args is ["peak", ..]) return PeakMemory.Run(args[1..]);
if (args is ["county", ..]) return CountyHarness.Run(args[1..]);
if (args is ["siting", ..]) return SitingHarness.Run(args[1..]);
if (args is ["volumes", ..]) return VolumeHarness.Run(args[1..]);
if (args is ["plans", ..]) return PlanHarness.Run(args[1..]);
if (args is ["perf", ..]) return PerfHarness.Run(args[1..]);
if (args is ["export", ..]) return PeerExport.Run(args[1..]);
if (args is ["siting-memory", ..]) return SitingMemoryHarness.Run(args[1..]);
if (args is ["province", ..]) return ProvinceHarness.Run(args[1..]);

var switcher = BenchmarkSwitcher.FromTypes(File.Exists(OsmLoadBenchmarks.ShanghaiPath)
    ? [typeof(CoverageBenchmarks), typeof(SubsidyBenchmarks), typeof(OsmLoadBenchmarks)]
    : [typeof(CoverageBenchmarks), typeof(SubsidyBenchmarks)]);
if (!File.Exists(OsmLoadBenchmarks.ShanghaiPath)) Console.WriteLine($"Skipping the OSM load benchmark: {OsmLoadBenchmarks.ShanghaiPath} is absent.");
switcher.Run(args.Length > 0 ? args : ["--filter", "*"], DefaultConfig.Instance);
return 0;

public static partial class Program
{
    /// <summary>The repository root: the folder above bin/ holding RecycleNet.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "RecycleNet.sln"))) return d.FullName;
            return Directory.GetCurrentDirectory();
        }
    }
}

/// <summary>
/// Peak memory per scenario: each runs in a fresh process (so one scenario's heap does not inflate the next),
/// reporting the process's peak working set and the bytes allocated by the scenario itself.
/// </summary>
public static class PeakMemory
{
    private static readonly string[] Scenarios = ["network", "coverage", "coverage-gaps", "life-circle", "planned-outlet", "osm-load"];

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            foreach (var s in Scenarios)
            {
                // Started as "dotnet RecycleNet.Bench.dll" or as the apphost: start the child the same way.
                var host = Environment.ProcessPath!;
                string[] childArgs = Path.GetFileNameWithoutExtension(host) == "dotnet"
                    ? [typeof(PeakMemory).Assembly.Location, "peak", s] : ["peak", s];
                var p = Process.Start(new ProcessStartInfo(host, childArgs) { RedirectStandardOutput = true })!;
                Console.Write(p.StandardOutput.ReadToEnd());
                p.WaitForExit();
            }
            return 0;
        }
        var scenario = args[0];
        long before = 0;
        var watch = new Stopwatch();
        void Start() { GC.Collect(); before = GC.GetTotalAllocatedBytes(true); watch.Restart(); }
        switch (scenario)
        {
            case "network":
                Start(); _ = SyntheticCity.Network(); break;
            case "osm-load":
                if (!File.Exists(OsmLoadBenchmarks.ShanghaiPath)) { Console.WriteLine("osm-load: skipped, shared data absent"); return 0; }
                var o = new OsmLoadBenchmarks();
                o.Setup(); // the file's bytes in memory, as the service holds an upload
                Start(); o.LoadShanghaiCentre();
                break;
            default:
                var b = new CoverageBenchmarks();
                b.Setup();
                Start();
                if (scenario == "coverage") b.WholeCityCoverage();
                else if (scenario == "coverage-gaps") b.WholeCityCoverageWithGapDistances();
                else if (scenario == "planned-outlet") b.OnePlannedOutletGain();
                else b.OneLifeCircle();
                break;
        }
        var ms = watch.Elapsed.TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(true) - before;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"{scenario,-14} one run {ms,8:F1} ms   allocated {allocated / 1048576.0,8:F1} MiB   process peak working set {self.PeakWorkingSet64 / 1048576.0,8:F1} MiB");
        return 0;
    }
}
