using RecycleNet.Core.SiteSelection;

namespace RecycleNet.Tests.Core.SiteSelection;

/// <summary>
/// The reduced case (demands of the same candidates merged, dominated candidates dropped) keeps the best plan's value,
/// maps every plan back to one of the same value, and bounds the original: checked by brute force and by SCIP.
/// </summary>
public class CoverageReductionTests
{
    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)]
    public void The_reduced_case_has_the_same_best_plan_and_plans_map_back_alike(int seed)
    {
        // Dense demand and small radii: many demands share their candidates, many candidates are dominated.
        var sets = MclpSolverTests.Random(120, 16, 0.12, seed);
        var reduced = CoverageReduction.Of(sets);
        Assert.True(reduced.Sets.DemandCount < sets.DemandCount, "nothing merged: the case proves little");
        Assert.Equal(sets.Weights.Where((_, i) => sets.Demands.Contains(i)).Sum(), reduced.Sets.Weights.Sum());
        foreach (var k in new[] { 1, 2, 3, 4 })
            Assert.Equal(MclpSolverTests.BruteForce(sets, k), MclpSolverTests.BruteForce(reduced.Sets, k));
        var rng = new Random(seed);
        for (var n = 0; n < 50; n++)
        {
            var plan = Enumerable.Range(0, reduced.Sets.CandidateCount).Where(_ => rng.Next(3) == 0).ToList();
            Assert.Equal(reduced.Sets.Value(plan), sets.Value(plan.Select(reduced.Original)));
        }
    }

    [Fact]
    public void A_candidate_inside_another_or_equal_to_an_earlier_one_is_dropped()
    {
        var sets = CoverageSets.FromLists([10, 20, 30, 40], [[0, 1], [0, 1, 2], [2, 3], [2, 3], [], [3]]);
        var reduced = CoverageReduction.Of(sets);
        // 0 ⊂ 1; 3 = 2 (the first stays); 4 covers nothing; 5 ⊂ 2.
        Assert.Equal([1, 2], Enumerable.Range(0, reduced.Sets.CandidateCount).Select(reduced.Original));
        // Demands 0 and 1 are covered by candidate 1 alone now, 3 by 2 alone: merged.
        Assert.Equal(3, reduced.Sets.DemandCount);
        Assert.Equal(100, reduced.Sets.Weights.Sum());
    }

    [Theory]
    [InlineData(7)] [InlineData(8)]
    public void The_solver_on_a_reduced_case_keeps_its_bounds_above_the_optimum(int seed)
    {
        var sets = MclpSolverTests.Random(400, 60, 0.1, seed);
        var exact = MclpExact.Solve(sets, 6);
        Assert.True(exact.Optimal);
        var heuristic = MclpSolver.Greedy(sets, 6, new MclpOptions { SwapSeconds = 1, BoundSeconds = 1 });
        Assert.Equal(sets.Value(heuristic.Chosen), heuristic.Objective);
        Assert.True(heuristic.UpperBound >= exact.Objective - 1e-6, $"bound {heuristic.UpperBound} below the optimum {exact.Objective}");
        Assert.True(heuristic.Objective <= exact.Objective);
    }
}
