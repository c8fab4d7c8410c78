namespace RecycleNet.Core.SiteSelection;

/// <summary>
/// An upper bound on maximal covering by Lagrangian relaxation of the coverage rows yᵢ ≤ Σ_{j covers i} xⱼ.
/// For multipliers 0 ≤ λᵢ ≤ wᵢ, UB(λ) = Σᵢ (wᵢ − λᵢ) + (sum of the k largest cⱼ), cⱼ = Σ_{i ∈ j} λᵢ, bounds every
/// plan of k sites; subgradient steps (Polyak's rule against the best plan known) drive it down towards the LP
/// relaxation's value. Every iterate is a valid bound, so stopping early only loosens it. Each step is O(pairs).
/// </summary>
public static class LagrangianBound
{
    public static double Compute(CoverageSets sets, int k, long lowerBound, int maxIterations = 5000, double seconds = 5) =>
        Compute(sets, null, k, lowerBound, maxIterations, seconds);

    /// <summary>
    /// The budgeted form: sites cost <paramref name="costs"/> and together at most <paramref name="budget"/>; the
    /// inner problem becomes a fractional knapsack over cⱼ (a relaxation, so still an upper bound).
    /// </summary>
    public static double Compute(CoverageSets sets, double[]? costs, double budget, long lowerBound, int maxIterations = 300, double seconds = 5)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var w = sets.Weights;
        var lambda = w.Select(x => x * 0.5).ToArray();
        var c = new double[sets.CandidateCount];
        var share = new double[sets.DemandCount];
        var best = double.PositiveInfinity;
        var agility = 2.0;
        var sinceBetter = 0;
        for (var it = 0; it < maxIterations && watch.Elapsed.TotalSeconds < seconds; it++)
        {
            for (var j = 0; j < c.Length; j++)
            {
                double s = 0;
                foreach (var i in sets.Covers(j)) s += lambda[i];
                c[j] = s;
            }
            var top = costs is null ? TopK(c, (int)budget).Select(j => (j, 1.0)).ToArray() : Knapsack(c, costs, budget);
            double ub = 0;
            for (var i = 0; i < w.Length; i++) ub += w[i] - lambda[i];
            foreach (var (j, x) in top) ub += c[j] * x;
            if (ub < best - 1e-9) { best = ub; sinceBetter = 0; }
            else if (++sinceBetter >= 60) { agility /= 2; sinceBetter = 0; }
            if (best - lowerBound < 1e-6 * Math.Max(1, best) || agility < 1e-6) break;

            // Subgradient of UB at λ: (sites chosen covering i) − 1 for each demand (y = 1 while λ < w).
            Array.Clear(share);
            foreach (var (j, x) in top) foreach (var i in sets.Covers(j)) share[i] += x;
            double norm = 0;
            for (var i = 0; i < w.Length; i++) { var g = share[i] - 1.0; norm += g * g; }
            if (norm == 0) break;
            var step = agility * (ub - lowerBound) / norm;
            for (var i = 0; i < w.Length; i++) lambda[i] = Math.Clamp(lambda[i] - step * (share[i] - 1.0), 0, w[i]);
        }
        return best;
    }

    /// <summary>Items by value per cost, whole while the budget lasts, then a fraction of the next: the LP optimum of a knapsack.</summary>
    private static (int, double)[] Knapsack(double[] values, double[] costs, double budget)
    {
        var order = Enumerable.Range(0, values.Length).Where(j => values[j] > 0)
            .OrderByDescending(j => costs[j] > 0 ? values[j] / costs[j] : double.PositiveInfinity).ToList();
        var taken = new List<(int, double)>();
        var left = budget;
        foreach (var j in order)
        {
            if (costs[j] <= left) { taken.Add((j, 1)); left -= costs[j]; }
            else { if (left > 0) taken.Add((j, left / costs[j])); break; }
        }
        return [.. taken];
    }

    private static int[] TopK(double[] values, int k)
    {
        if (k >= values.Length) return [.. Enumerable.Range(0, values.Length)];
        var heap = new PriorityQueue<int, double>();
        for (var j = 0; j < values.Length; j++)
        {
            if (heap.Count < k) heap.Enqueue(j, values[j]);
            else if (heap.TryPeek(out _, out var least) && values[j] > least) { heap.Dequeue(); heap.Enqueue(j, values[j]); }
        }
        var result = new int[heap.Count];
        for (var n = 0; heap.TryDequeue(out var j, out _); n++) result[n] = j;
        return result;
    }
}
