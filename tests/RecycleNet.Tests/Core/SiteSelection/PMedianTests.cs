using RecycleNet.Core.Coverage;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Tests.Core.Coverage;
using static RecycleNet.Tests.Core.Network.TestNetworks;

namespace RecycleNet.Tests.Core.SiteSelection;

public class PMedianTests
{
    private static PMedianProblem Random(int outlets, int existing, int candidates, double limit, int seed, double? capacity = null)
    {
        var rng = new System.Random(seed);
        var o = Enumerable.Range(0, outlets).Select(_ => (X: rng.NextDouble() * 10_000, Y: rng.NextDouble() * 10_000)).ToArray();
        var f = Enumerable.Range(0, existing + candidates).Select(_ => (X: rng.NextDouble() * 10_000, Y: rng.NextDouble() * 10_000)).ToArray();
        var links = o.Select(a => (IReadOnlyList<(int, double)>)f.Select((b, k) => (k, Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y))))
            .Where(l => l.Item2 <= limit).ToList()).ToArray();
        return new PMedianProblem([.. o.Select(_ => 0.5 + rng.NextDouble() * 2)], links, existing, candidates,
            [.. Enumerable.Range(0, existing + candidates).Select(_ => capacity)]);
    }

    private static double BruteForce(PMedianProblem p, int open)
    {
        var best = double.PositiveInfinity;
        foreach (var set in Subsets(p.Candidates, open))
        {
            double cost = 0;
            for (var i = 0; i < p.Volumes.Length; i++)
            {
                var d = p.Links[i].Where(l => l.Facility < p.Existing || set.Contains(l.Facility - p.Existing)).Select(l => l.DistanceM).DefaultIfEmpty(double.NaN).Min();
                if (!double.IsNaN(d)) cost += p.Volumes[i] * d / 1000;
                else if (p.Links[i].Count > 0) cost = double.PositiveInfinity;
            }
            best = Math.Min(best, cost);
        }
        return best;
    }

    private static IEnumerable<HashSet<int>> Subsets(int n, int k)
    {
        if (k == 0) { yield return []; yield break; }
        for (var first = 0; first < n; first++)
            foreach (var rest in Subsets(n, k - 1).Where(r => r.All(x => x > first)))
                yield return [first, .. rest];
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)]
    public void Heuristic_exact_and_bound_against_brute_force(int seed)
    {
        var p = Random(40, 1, 9, 20_000, seed);
        foreach (var open in new[] { 1, 2, 3 })
        {
            var opt = BruteForce(p, open);
            var heuristic = PMedian.Solve(p, open);
            var exact = PMedian.Solve(p, open, exactSeconds: 30);
            Assert.Equal(opt, exact.CostTonneKm, 6);
            Assert.True(exact.Optimal);
            Assert.InRange(heuristic.CostTonneKm, opt - 1e-6, opt * 1.10); // substitution is usually optimal at this size
            Assert.True(heuristic.LowerBound <= opt + 1e-6, $"bound {heuristic.LowerBound} above the optimum {opt}");
            Assert.Equal(open, exact.Opened.Count);
        }
    }

    [Fact]
    public void Capacities_are_respected_by_the_model()
    {
        var p = Random(30, 0, 6, 20_000, 7, capacity: 16);
        var r = PMedian.Solve(p, 3, exactSeconds: 30);
        Assert.All(r.Loads, load => Assert.True(load <= 16 + 1e-6, $"load {load} over 16"));
        Assert.All(r.Assignment, a => Assert.True(a >= 0));
        var loose = PMedian.Solve(p with { Capacities = new double?[6] }, 3, exactSeconds: 30);
        Assert.True(loose.CostTonneKm <= r.CostTonneKm + 1e-9);
        Assert.Throws<InvalidOperationException>(() => PMedian.Solve(p with { Capacities = [.. p.Capacities.Select(_ => (double?)1)] }, 3, exactSeconds: 10));
    }

    [Fact]
    public void A_new_centre_in_the_east_shortens_the_hauls_and_existing_centres_stay()
    {
        var city = HandMadeCity.Build();
        var (lon, lat) = LonLat(1700, 0);
        var r = CenterSiting.Plan(city, RiverWithOneBridge(), new CenterSitingOptions
        {
            Centers = 1, UploadedSites = [new PlannedSite("东区空地", lon, lat), new PlannedSite("远处", LonLat(2900, 2900).Lon, LonLat(2900, 2900).Lat)],
            Coverage = new CoverageOptions { Walking = new RecycleNet.Core.Network.WalkingOptions { SnapDistanceM = 60 } },
        });
        var p = Assert.Single(r.Proposals);
        Assert.Equal("东区空地", p.Label);
        Assert.True(r.Solution.CostTonneKm < r.CostBeforeTonneKm);
        Assert.Equal(2, r.Existing.Count); // S1 and S2 are operating and kept
        Assert.Contains(r.Hauls, h => h.ProposalRank == 1 && h.Outlet.Id == 4); // F4 at (1800,-110) now hauls to the new site
        Assert.Contains(r.Hauls, h => h.CenterId == 1 && h.Outlet.Id == 1);     // F1 stays with S1 in the west
        // F1 serves C1 and C3 (1,600 households × 0.5 kg): 0.8 t/day at S1, within its 1 t/day.
        var s1 = r.Existing.Single(e => e.Center.Id == 1);
        Assert.Equal((0.8, false), (s1.LoadTonnesPerDay, s1.OverCapacity));
    }
}
