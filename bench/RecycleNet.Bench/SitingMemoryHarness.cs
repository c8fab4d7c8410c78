using System.Diagnostics;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.SiteSelection;

namespace RecycleNet.Bench;

/// <summary>
/// A siting job on a 1,000,000-candidate grid, within its time limit, and its peak memory:
/// `dotnet run -c Release --project bench/RecycleNet.Bench -- siting-memory [seconds]`. The synthetic Jinan-sized case
/// with one district of 50 km square around its 30 km network and a 50 m grid of candidates (beyond the service's default limit of
/// candidates per run, which a deployment can raise): on the network, stopped by its time limit (as a job is), and in a
/// straight line, where it finishes — bytes per coverage pair from that one. Run each in a fresh process (a second
/// argument picks one: network | straight) so one's heap does not inflate the other's peak.
/// </summary>
public static class SitingMemoryHarness
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var which = args.Length > 1 ? args[1] : "network";
        Console.WriteLine($"cores: {Environment.ProcessorCount}; {which}, time limit {seconds} s");
        var graph = which == "network" ? SyntheticCity.Network() : null;
        var city = SyntheticCity.City();
        var zone = LocalProjection.ForZone(39);
        var side = (SyntheticCity.GridSide - 1) * SyntheticCity.SpacingM;
        // 50 km square around the 30 km network: 1,000 × 1,000 candidates at the smallest grid spacing allowed (50 m).
        var ring = new[] { (-10_000.0, -10_000.0), (side + 10_000, -10_000.0), (side + 10_000, side + 10_000), (-10_000.0, side + 10_000), (-10_000.0, -10_000.0) }
            .Select(p => { var (lon, lat) = zone.Unproject(39_485_000 + p.Item1, 4_045_000 + p.Item2); return new Coordinate(lon, lat); }).ToArray();
        var district = new District { Id = 1, Name = "synthetic", Adcode = "370102", Population = 10_000_000, AvgHouseholdSize = 2.62, Geometry = new Polygon(new LinearRing(ring)) };
        city = city with { Districts = [district] };
        var options = new OutletSitingOptions { Goal = new OutletSitingGoal.Sites(120), Candidates = CandidateSource.Grid, GridSpacingM = 50, TimeLimitSeconds = seconds, MaxThreads = -1 };
        Console.WriteLine($"candidates: about {DistrictGrid.EstimateCount(city, 50):N0}");
        GC.Collect();
        var watch = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            var r = OutletSiting.Plan(city, graph, options, deadline.Token);
            Console.WriteLine($"done in {watch.Elapsed.TotalSeconds:F1} s: {r.CandidateCount:N0} candidates, {r.CoveragePairs:N0} coverage pairs, built in {r.BuildTime.TotalSeconds:F1} s; " +
                              $"{r.Solution.Objective:N0} households, gap {r.Solution.Gap:P2}");
            using var p = Process.GetCurrentProcess();
            Console.WriteLine($"process peak working set {p.PeakWorkingSet64 / 1048576.0:F0} MiB; {(double)p.PeakWorkingSet64 / Math.Max(1, r.CoveragePairs):F1} bytes of peak per coverage pair (graph and runtime included)");
        }
        catch (OperationCanceledException)
        {
            using var p = Process.GetCurrentProcess();
            Console.WriteLine($"stopped by its time limit after {watch.Elapsed.TotalSeconds:F1} s (as a job is); process peak working set {p.PeakWorkingSet64 / 1048576.0:F0} MiB");
        }
        return 0;
    }
}
