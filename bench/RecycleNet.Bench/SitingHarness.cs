using System.Diagnostics;
using RecycleNet.Core.Network;
using RecycleNet.Core.SiteSelection;

namespace RecycleNet.Bench;

/// <summary>
/// Siting quality and speed with the exact solver as referee: `dotnet run -c Release --project bench/RecycleNet.Bench -- siting`.
/// Demand points cluster like housing (Gaussian blobs over a 20 km square), candidates are spread more evenly, and
/// coverage is the 15-minute straight-line radius (1,125 m / 1.3). Each case prints the heuristic's value, its
/// guaranteed bound, the LP bound and (where it finishes) SCIP's optimum, with times and memory.
/// </summary>
public static class SitingHarness
{
    public static int Run(string[] args)
    {
        Console.WriteLine($"cores: {Environment.ProcessorCount}");
        Case(2_000, 500, 120, exactSeconds: 120, seed: 1);
        Case(10_000, 2_000, 120, exactSeconds: 0, seed: 2);
        Case(100_000, 5_000, 120, exactSeconds: 0, seed: 3);
        return 0;
    }

    private static void Case(int demands, int candidates, int k, double exactSeconds, int seed)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var sets = Instance(demands, candidates, seed);
        var build = watch.Elapsed;
        var greedy = MclpSolver.Greedy(sets, k, new MclpOptions { SwapSeconds = 8 });
        watch.Restart();
        var lp = demands <= 20_000 ? MclpExact.LpBound(sets, k, 120) : double.NaN; // GLOP takes minutes beyond that
        var lpTime = watch.Elapsed;
        Report(sets, demands, candidates, k, build, greedy, lp, lpTime);
        if (exactSeconds > 0)
        {
            var exact = MclpExact.Solve(sets, k, new MclpOptions { ExactSeconds = exactSeconds }, greedy.Chosen);
            Console.WriteLine($"SCIP: {exact.Objective:N0} ({(exact.Optimal ? "optimal" : $"bound {exact.UpperBound:N0}")}) in {exact.Elapsed.TotalSeconds:F2} s; " +
                              $"heuristic within {(exact.Objective - greedy.Objective) / (double)exact.Objective:P3} of it");
        }
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"process peak working set so far: {self.PeakWorkingSet64 / 1048576.0:F0} MiB");
    }

    /// <summary>
    /// The case's coverage sets: demand clustered like housing (Gaussian blobs over a 20 km square), candidates spread
    /// evenly, the 15-minute straight-line radius. Deterministic per seed; the peers' export writes the same instance.
    /// </summary>
    public static CoverageSets Instance(int demands, int candidates, int seed)
    {
        var rng = new Random(seed);
        const double side = 20_000;
        var centres = Enumerable.Range(0, 40).Select(_ => (X: rng.NextDouble() * side, Y: rng.NextDouble() * side, S: 300 + rng.NextDouble() * 1500)).ToArray();
        var d = new SitePoint[demands];
        for (var i = 0; i < demands; i++)
        {
            var c = centres[rng.Next(centres.Length)];
            d[i] = new SitePoint(c.X + Gaussian(rng) * c.S, c.Y + Gaussian(rng) * c.S);
        }
        var w = Enumerable.Range(0, demands).Select(_ => (long)rng.Next(100, 3000)).ToArray();
        var cand = Enumerable.Range(0, candidates).Select(_ => new SitePoint(rng.NextDouble() * side, rng.NextDouble() * side)).ToArray();
        return CoverageSetBuilder.Build(d, w, cand, null, new WalkingOptions());
    }

    private static void Report(CoverageSets sets, int demands, int candidates, int k, TimeSpan build, MclpResult greedy, double lp, TimeSpan lpTime)
    {
        Console.WriteLine($"\n== {demands:N0} demand × {candidates:N0} candidates, k = {k}: {sets.Demands.Length:N0} coverage pairs " +
                          $"(a dense matrix would hold {(long)demands * candidates:N0})");
        Console.WriteLine($"sparse model built in {build.TotalMilliseconds:F0} ms");
        Console.WriteLine($"heuristic (lazy greedy, swaps, perturb-and-repair): {greedy.Objective:N0} in {greedy.Elapsed.TotalSeconds:F2} s; its bound (online / Lagrangian) {greedy.UpperBound:N0}, gap {greedy.Gap:P2}");
        Console.WriteLine($"LP bound (GLOP): {lp:N0} in {lpTime.TotalSeconds:F2} s; heuristic = {greedy.Objective / lp:P2} of it");
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
