using RecycleNet.Core.SiteSelection;

namespace RecycleNet.Tests.Core.SiteSelection;

public class MclpSolverTests
{
    /// <summary>Random sparse instances: points in a square, each candidate covering the demands within a radius.</summary>
    public static CoverageSets Random(int demands, int candidates, double radius, int seed)
    {
        var rng = new System.Random(seed);
        var d = Enumerable.Range(0, demands).Select(_ => (X: rng.NextDouble(), Y: rng.NextDouble())).ToArray();
        var weights = d.Select(_ => (long)rng.Next(50, 3000)).ToArray();
        var covers = Enumerable.Range(0, candidates).Select(_ =>
        {
            var (cx, cy) = (rng.NextDouble(), rng.NextDouble());
            return (IReadOnlyCollection<int>)Enumerable.Range(0, demands)
                .Where(i => (d[i].X - cx) * (d[i].X - cx) + (d[i].Y - cy) * (d[i].Y - cy) <= radius * radius).ToList();
        }).ToList();
        return CoverageSets.FromLists(weights, covers);
    }

    internal static long BruteForce(CoverageSets sets, int k)
    {
        long best = 0;
        void Walk(int start, List<int> picked)
        {
            best = Math.Max(best, sets.Value(picked));
            if (picked.Count == k) return;
            for (var j = start; j < sets.CandidateCount; j++) { picked.Add(j); Walk(j + 1, picked); picked.RemoveAt(picked.Count - 1); }
        }
        Walk(0, []);
        return best;
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)] [InlineData(6)]
    public void Greedy_exact_and_bounds_agree_with_brute_force_on_small_cases(int seed)
    {
        var sets = Random(60, 14, 0.22, seed);
        foreach (var k in new[] { 1, 2, 3, 4 })
        {
            var opt = BruteForce(sets, k);
            var greedy = MclpSolver.Greedy(sets, k);
            var exact = MclpExact.Solve(sets, k);
            Assert.Equal(opt, exact.Objective);
            Assert.True(exact.Optimal);
            Assert.InRange(greedy.Objective, (long)Math.Floor((1 - 1 / Math.E) * opt), opt);
            Assert.True(greedy.UpperBound >= opt, $"online bound {greedy.UpperBound} below the optimum {opt}");
            var lp = MclpExact.LpBound(sets, k);
            Assert.True(lp >= opt - 1e-6);
            // Every Lagrangian iterate bounds the optimum; with enough steps it comes close to the LP value.
            var lagrangian = LagrangianBound.Compute(sets, k, greedy.Objective, maxIterations: 2000);
            Assert.True(lagrangian >= opt - 1e-6, $"Lagrangian bound {lagrangian} below the optimum {opt}");
            Assert.True(lagrangian <= lp * 1.05 + 1, $"Lagrangian bound {lagrangian} far above the LP bound {lp}");
            Assert.Equal(sets.Value(greedy.Chosen), greedy.Objective);
            Assert.Equal(greedy.Objective, greedy.Gains.Sum());
            Assert.True(greedy.Chosen.Count <= k);
        }
    }

    [Theory]
    [InlineData(21, 60)]
    [InlineData(22, 120)]
    public void On_medium_cases_the_heuristic_is_within_half_a_percent_of_SCIP(int seed, int k)
    {
        // 2,000 clustered demand points × 500 candidates over 20 km, 15-minute straight-line coverage.
        var rng = new System.Random(seed);
        var centres = Enumerable.Range(0, 40).Select(_ => (X: rng.NextDouble() * 20_000, Y: rng.NextDouble() * 20_000, S: 300 + rng.NextDouble() * 1500)).ToArray();
        double G() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var demands = Enumerable.Range(0, 2000).Select(_ => { var c = centres[rng.Next(40)]; return new SitePoint(c.X + G() * c.S, c.Y + G() * c.S); }).ToList();
        var weights = demands.Select(_ => (long)rng.Next(100, 3000)).ToArray();
        var candidates = Enumerable.Range(0, 500).Select(_ => new SitePoint(rng.NextDouble() * 20_000, rng.NextDouble() * 20_000)).ToList();
        var sets = CoverageSetBuilder.Build(demands, weights, candidates, null, new RecycleNet.Core.Network.WalkingOptions());
        var greedy = MclpSolver.Greedy(sets, k, new MclpOptions { SwapSeconds = 3 });
        var exact = MclpExact.Solve(sets, k, new MclpOptions { ExactSeconds = 60 }, greedy.Chosen);
        Assert.True(exact.Optimal);
        Assert.True(greedy.Objective >= 0.995 * exact.Objective, $"heuristic {greedy.Objective} vs optimum {exact.Objective}");
        Assert.True(greedy.UpperBound >= exact.Objective, "the heuristic's bound must not be below the optimum");
    }

    [Fact]
    public void Swaps_repair_the_classic_greedy_trap()
    {
        // A covers demands 0-3; B covers 0, 1, 4; C covers 2, 3, 5; all weigh 1. Greedy takes A then one more (5);
        // B + C covers all six.
        var sets = CoverageSets.FromLists([1, 1, 1, 1, 1, 1], [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]]);
        var noSwap = MclpSolver.Greedy(sets, 2, new MclpOptions { SwapSeconds = 0 });
        Assert.Equal(5, noSwap.Objective);
        var r = MclpSolver.Greedy(sets, 2);
        Assert.Equal(6, r.Objective);
        Assert.Equal([1, 2], r.Chosen.Order());
        Assert.Equal(0, r.Gap);
    }

    [Fact]
    public void Fewer_sites_than_k_suffice_when_everything_is_covered()
    {
        var sets = CoverageSets.FromLists([5, 7], [[0, 1], [0], [1]]);
        var r = MclpSolver.Greedy(sets, 3);
        Assert.Equal([0], r.Chosen);
        Assert.Equal(12, r.Objective);
        Assert.Equal(12, r.UpperBound);
        Assert.Empty(MclpSolver.Greedy(sets, 0).Chosen);
    }

    [Fact]
    public void Gains_rank_the_sites_largest_first()
    {
        var sets = Random(300, 40, 0.15, 9);
        var r = MclpSolver.Greedy(sets, 8);
        Assert.Equal(r.Gains.OrderDescending(), r.Gains);
        Assert.Equal(r.Objective, r.Gains.Sum());
    }
}

public class BudgetAndFloorTests
{
    [Theory]
    [InlineData(11)] [InlineData(12)] [InlineData(13)] [InlineData(14)]
    public void Budgeted_plans_stay_within_budget_and_the_bound_holds(int seed)
    {
        var sets = MclpSolverTests.Random(60, 12, 0.25, seed);
        var rng = new System.Random(seed);
        var costs = Enumerable.Range(0, 12).Select(_ => (decimal)rng.Next(2, 9) * 1000).ToArray();
        const decimal budget = 15_000;
        long opt = 0;
        for (var mask = 0; mask < 1 << 12; mask++)
        {
            var set = Enumerable.Range(0, 12).Where(j => (mask >> j & 1) == 1).ToList();
            if (set.Sum(j => costs[j]) <= budget) opt = Math.Max(opt, sets.Value(set));
        }
        var r = MclpSolver.Budgeted(sets, costs, budget);
        Assert.True(r.Chosen.Sum(j => costs[j]) <= budget);
        Assert.Equal(sets.Value(r.Chosen), r.Objective);
        Assert.True(r.UpperBound >= opt - 1e-6, $"bound {r.UpperBound} below the optimum {opt}");
        Assert.True(r.Objective >= 0.5 * (1 - 1 / Math.E) * opt);
    }

    [Fact]
    public void A_district_floor_sends_a_site_where_the_unconstrained_plan_would_not()
    {
        // Group 0 (demands 0-2) is big; group 1 (demand 3) is small and needs 10 more households.
        var sets = CoverageSets.FromLists([100, 100, 100, 10], [[0, 1, 2], [3], [0]]);
        int[] group = [0, 0, 0, 1];
        Assert.Equal([0], MclpSolver.Greedy(sets, 1).Chosen);
        var (one, met1, _) = DistrictFloors.Solve(sets, group, [0, 10], 1, new MclpOptions());
        Assert.True(met1);
        Assert.Equal([1], one.Chosen);
        var (two, met2, _) = DistrictFloors.Solve(sets, group, [0, 10], 2, new MclpOptions());
        Assert.True(met2);
        Assert.Equal([0, 1], two.Chosen.Order());
        var (_, impossible, _) = DistrictFloors.Solve(sets, group, [0, 11], 2, new MclpOptions());
        Assert.False(impossible);
    }
}
