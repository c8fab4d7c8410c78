using System.Diagnostics;
using System.Text.Json;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Plans;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Cities;

namespace RecycleNet.Bench;

/// <summary>
/// A plan of 100 changes evaluated: `dotnet run -c Release --project bench/RecycleNet.Bench -- plans`. On the Jinan demo
/// (read from a fresh SQLite store; straight-line walks, no network) and on the synthetic Jinan-sized network (499,000
/// edges, 5,000 communities, 200 outlets): 40 outlets added near communities, 20 moved, 20 closed, 20 re-attributed
/// (area, modern). Prints the median of 20 evaluations after 10 warm-up ones (the service's steady state), the first
/// call, and the parts: applying the changes, and the two scorecards.
/// </summary>
public static class PlanHarness
{
    public static int Run(string[] args)
    {
        Console.WriteLine($"cores: {Environment.ProcessorCount}");
        var policy = PolicyCatalog.Load(Path.Combine(Program.RepoRoot, "seeds", "policies")).Find("jinan-2024")!;
        var demo = ProvinceHarness.JinanDemo();
        Measure("Jinan demo, straight line", demo, null, policy);
        var watch = Stopwatch.StartNew();
        var graph = SyntheticCity.Network();
        var city = SyntheticCity.City();
        Console.WriteLine($"synthetic network: {graph.EdgeCount:N0} edges, {city.Communities.Count:N0} communities, {city.Outlets.Count} outlets, built in {watch.ElapsedMilliseconds} ms");
        Measure("Jinan-sized network", city, graph, policy);
        return 0;
    }

    private static void Measure(string name, CitySnapshot city, WalkingGraph? graph, Policy policy)
    {
        var changes = Changes(city, 100);
        var options = new ScorecardOptions();
        IRoadDistances? Roads(CitySnapshot c) => null;
        var check = PlanApplier.Apply(city, changes);
        if (!check.Valid) throw new InvalidOperationException(string.Join("; ", check.Errors.Take(3)));
        var watch = Stopwatch.StartNew();
        var first = PlanEvaluator.Evaluate(city, changes, graph, policy, options, Roads);
        var before = first.Before; // the service keeps the city's own scorecard until the city changes (ScorecardCache)
        var cold = watch.Elapsed.TotalMilliseconds;
        for (var i = 0; i < 9; i++) PlanEvaluator.Evaluate(city, changes, graph, policy, options, Roads, before: before);
        var times = new List<double>();
        var both = new List<double>();
        var apply = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            watch.Restart();
            PlanApplier.Apply(city, changes);
            apply.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            PlanEvaluator.Evaluate(city, changes, graph, policy, options, Roads, before: before);
            times.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            PlanEvaluator.Evaluate(city, changes, graph, policy, options, Roads);
            both.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        both.Sort();
        apply.Sort();
        Console.WriteLine($"{name}: plan of {changes.Count} changes evaluated in median {times[10]:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}; first call {cold:0} ms); " +
                          $"both scorecards computed (no cache) {both[10]:0.0} ms; applying the changes {apply[10]:0.0} ms; households gained {first.HouseholdsGained:N0}, subsidy {first.SubsidyYuan:N0} yuan");
    }

    /// <summary>40 outlets added near communities, 20 moved by about 300 m, 20 closed, 20 re-attributed (fewer of those, and more added, when the city has fewer outlets).</summary>
    private static PlanChanges Changes(CitySnapshot city, int count)
    {
        var rng = new Random(16);
        var fixedOutlets = city.Outlets.Where(o => o.Status == FacilityStatus.Operating && o.Kind == OutletKind.Fixed).OrderBy(o => o.Id).ToList();
        var quarter = Math.Min(count / 5, fixedOutlets.Count / 3);
        var changes = new PlanChanges();
        for (var i = 0; i < count - 3 * quarter; i++)
        {
            var c = city.Communities[rng.Next(city.Communities.Count)].Location;
            changes.Add.Add(new PlanAdd("outlets", c.X + 0.0005, c.Y + 0.0004,
                JsonSerializer.SerializeToElement(new { name = $"规划网点{i}", kind = "fixed", areaM2 = 10 + rng.Next(0, 60), modern = true })));
        }
        var picked = fixedOutlets.OrderBy(_ => rng.Next()).Take(3 * quarter).ToList();
        foreach (var o in picked.Take(quarter)) changes.Move.Add(new PlanMove("outlets", o.Id, o.Location.X + 0.003, o.Location.Y + 0.001, o.Version));
        foreach (var o in picked.Skip(quarter).Take(quarter)) changes.Close.Add(new PlanRef("outlets", o.Id, o.Version));
        foreach (var o in picked.Skip(2 * quarter)) changes.Update.Add(new PlanUpdate("outlets", o.Id, JsonSerializer.SerializeToElement(new { areaM2 = 45, modern = true }), o.Version));
        return changes;
    }
}
