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

    private static long BruteForce(CoverageSets sets, int k)
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
