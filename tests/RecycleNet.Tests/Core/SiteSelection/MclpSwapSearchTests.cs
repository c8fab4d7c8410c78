using RecycleNet.Core.SiteSelection;

namespace RecycleNet.Tests.Core.SiteSelection;

/// <summary>
/// The swap search keeps gains and losses up to date instead of recomputing them: after any run of adds and removes they
/// must equal the recomputed ones (<see cref="CoverState"/>), and the best partner it names for a site must be the best
/// swap a brute-force trial of every candidate finds, with the change that swap really makes.
/// </summary>
public class MclpSwapSearchTests
{
    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)]
    public void Kept_gains_losses_and_best_swaps_equal_recomputed_ones(int seed)
    {
        var sets = MclpSolverTests.Random(300, 60, 0.16, seed);
        var search = new MclpSwapSearch(sets);
        var chosen = new List<int>();
        var rng = new Random(seed);
        for (var step = 0; step < 200; step++)
        {
            // Mostly adds while few are chosen, mostly removes while many are.
            if (chosen.Count > 0 && (chosen.Count >= 15 || rng.Next(3) == 0))
            {
                var a = rng.Next(chosen.Count);
                search.Remove(chosen[a]);
                chosen.RemoveAt(a);
            }
            else
            {
                var j = Enumerable.Range(0, sets.CandidateCount).Where(c => !chosen.Contains(c)).ElementAt(rng.Next(sets.CandidateCount - chosen.Count));
                search.Add(j);
                chosen.Add(j);
            }
            var reference = new CoverState(sets, chosen);
            Assert.Equal(reference.Covered, search.Covered);
            for (var j = 0; j < sets.CandidateCount; j++)
            {
                Assert.Equal(search.Chosen[j] ? 0 : reference.Gain(j), search.Gain(j));
                if (search.Chosen[j]) Assert.Equal(reference.Loss(j), search.Loss(j));
            }
            if (chosen.Count == 0) continue;
            var s = chosen[rng.Next(chosen.Count)];
            var (partner, delta) = search.BestPartner(s, search.BestFree());
            long bestDelta = long.MinValue;
            foreach (var j in Enumerable.Range(0, sets.CandidateCount).Where(c => !search.Chosen[c]))
                bestDelta = Math.Max(bestDelta, sets.Value(chosen.Where(c => c != s).Append(j)) - reference.Covered);
            Assert.Equal(bestDelta, delta);
            Assert.Equal(bestDelta, sets.Value(chosen.Where(c => c != s).Append(partner)) - reference.Covered);
        }
    }

    [Theory]
    [InlineData(5)] [InlineData(6)] [InlineData(7)]
    public void A_descent_ends_where_no_single_swap_helps(int seed)
    {
        var sets = MclpSolverTests.Random(400, 80, 0.14, seed);
        var search = new MclpSwapSearch(sets);
        var chosen = new List<int>();
        search.Fill(chosen, 8);
        Assert.Equal(sets.Value(chosen), search.Covered);
        search.Descend(chosen, () => false);
        var value = sets.Value(chosen);
        Assert.Equal(value, search.Covered);
        foreach (var s in chosen)
            for (var j = 0; j < sets.CandidateCount; j++)
                if (!chosen.Contains(j))
                    Assert.True(sets.Value(chosen.Where(c => c != s).Append(j)) <= value, $"swapping {s} for {j} still helps");
    }
}
