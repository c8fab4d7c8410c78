using System.Diagnostics;

namespace RecycleNet.Core.SiteSelection;

/// <summary>Options of a maximal-covering run.</summary>
public sealed record MclpOptions
{
    /// <summary>Wall-clock budget of the local search after greedy (swaps, then perturb-and-repair rounds), seconds.</summary>
    public double SwapSeconds { get; init; } = 5;

    /// <summary>
    /// Wall-clock budget of the Lagrangian bound when it runs after the local search (one core), seconds. On more than
    /// one core it runs beside the search instead, for as long as the search (<see cref="SwapSeconds"/>): a run then
    /// takes the search's time, and the bound costs it nothing.
    /// </summary>
    public double BoundSeconds { get; init; } = 3;

    /// <summary>Let the bound run on a core of its own beside the local search (the siting limits can say one thread).</summary>
    public bool BoundBesideSearch { get; init; } = true;

    /// <summary>Seed of the perturbations, so a run can be repeated exactly.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Perturb-and-repair rounds without a better plan after which the search stops early.</summary>
    public int StallRounds { get; init; } = 5_000;

    /// <summary>Stops the run (OperationCanceledException) between search steps.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Wall-clock budget of the exact model, seconds; the solver's bound is reported when it stops early.</summary>
    public double ExactSeconds { get; init; } = 30;
}

/// <summary>
/// A plan and how good it provably is: <see cref="Objective"/> is the weight covered; <see cref="UpperBound"/> is
/// a value no plan with the same number of sites can exceed; <see cref="Gap"/> = (bound − objective) / bound.
/// <see cref="Gains"/> are each site's gain in the order chosen (greedy) or by size (exact).
/// </summary>
public sealed record MclpResult(IReadOnlyList<int> Chosen, IReadOnlyList<long> Gains, long Objective, double UpperBound,
    string Method, TimeSpan Elapsed, bool Optimal)
{
    public double Gap => UpperBound <= 0 ? 0 : Math.Max(0, (UpperBound - Objective) / UpperBound);
}

/// <summary>
/// Maximal covering location (MCLP): choose k candidate sites to cover the most demand weight.
/// The case is first reduced (<see cref="CoverageReduction"/>: same best plan, smaller). The heuristic is lazy greedy
/// (CELF: marginal gains only shrink, so a stale gain at the top of the heap is re-checked rather than every gain
/// recomputed) followed by an iterated local search of swaps on kept gains (<see cref="MclpSwapSearch"/>) while time allows.
/// Its bound is the smaller of the submodular "online" bound — for any set S, OPT ≤ f(S) + the k largest marginal gains
/// over S, true for every monotone submodular coverage function — and the Lagrangian bound computed beside the search,
/// so the gap it gives is a guarantee, not an estimate.
/// Cost: greedy O(Σ degree · log m) in practice; a swap pass O(k · m + Σ what each site alone covers × its coverers).
/// </summary>
public static class MclpSolver
{
    public static MclpResult Greedy(CoverageSets original, int k, MclpOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        options ??= new MclpOptions();
        var watch = Stopwatch.StartNew();
        // Search and bound the reduced case (same best plan, fewer demands and candidates, a tighter relaxation).
        var reduction = CoverageReduction.Of(original);
        var sets = reduction.Sets;
        k = Math.Min(k, sets.CandidateCount);
        var state = new CoverState(sets);
        var chosen = new List<int>(k);
        // Max-heap of (stale gain, candidate); a popped gain is recomputed and pushed back unless still the best.
        var heap = new PriorityQueue<int, long>(Comparer<long>.Create((a, b) => b.CompareTo(a)));
        for (var j = 0; j < sets.CandidateCount; j++) heap.Enqueue(j, state.Gain(j));
        while (chosen.Count < k && heap.TryDequeue(out var j, out _))
        {
            var fresh = state.Gain(j);
            if (heap.TryPeek(out _, out var next) && fresh < next) { heap.Enqueue(j, fresh); continue; }
            if (fresh == 0) break; // nothing left to gain: fewer than k sites suffice
            state.Add(j);
            chosen.Add(j);
        }
        options.Cancellation.ThrowIfCancellationRequested();
        // The Lagrangian bound needs only a plan's value to aim its steps at (greedy's will do): on a second core it
        // runs while the local search improves the plan.
        var greedyValue = sets.Value(chosen);
        var beside = options.BoundBesideSearch && Environment.ProcessorCount > 1
            // Beside the search it has the search's time: that costs the run nothing.
            ? Task.Run(() => LagrangianBound.Compute(sets, k, greedyValue, seconds: options.SwapSeconds)) : null;
        chosen = Search(sets, chosen, k, options, watch);
        var objective = sets.Value(chosen);
        var bound = Math.Min(OnlineBound(sets, new CoverState(sets, chosen), k), sets.Weights.Sum());
        if (beside is not null) bound = Math.Min(bound, beside.GetAwaiter().GetResult());
        else if (bound > objective) bound = Math.Min(bound, LagrangianBound.Compute(sets, k, objective, seconds: options.BoundSeconds));
        chosen = [.. chosen.Select(reduction.Original)];
        if (original.Value(chosen) != objective) throw new InvalidOperationException("the reduced case's plan covers differently in the original"); // cannot happen: a guard on the reduction
        var gains = Ordered(original, chosen); // reorders chosen by gain, for ranking
        return new MclpResult(chosen, gains, objective, Math.Max(bound, objective), "greedy+local search", watch.Elapsed, objective >= bound);
    }

    /// <summary>
    /// Budgeted covering: each site costs <paramref name="costs"/>[j] yuan, the plan at most <paramref name="budget"/>.
    /// Lazy greedy on gain per yuan, compared with the best single affordable site (together a ½(1−1/e) guarantee),
    /// then swaps that stay within budget. Bound: the Lagrangian relaxation with a fractional knapsack.
    /// </summary>
    public static MclpResult Budgeted(CoverageSets sets, decimal[] costs, decimal budget, MclpOptions? options = null)
    {
        options ??= new MclpOptions();
        if (costs.Length != sets.CandidateCount) throw new ArgumentException("one cost per candidate", nameof(costs));
        if (costs.Any(c => c <= 0)) throw new ArgumentException("costs must be above 0", nameof(costs));
        var watch = Stopwatch.StartNew();
        var state = new CoverState(sets);
        var chosen = new List<int>();
        var spent = 0m;
        var heap = new PriorityQueue<int, double>(Comparer<double>.Create((a, b) => b.CompareTo(a)));
        for (var j = 0; j < sets.CandidateCount; j++) if (costs[j] <= budget) heap.Enqueue(j, state.Gain(j) / (double)costs[j]);
        while (heap.TryDequeue(out var j, out _))
        {
            if (spent + costs[j] > budget) continue; // cannot afford any more; later, cheaper ones may still fit
            var fresh = state.Gain(j) / (double)costs[j];
            if (heap.TryPeek(out _, out var next) && fresh < next) { heap.Enqueue(j, fresh); continue; }
            if (fresh <= 0) break;
            state.Add(j);
            chosen.Add(j);
            spent += costs[j];
        }
        // The best single affordable site beats the ratio greedy on awkward cost mixes.
        var single = Enumerable.Range(0, sets.CandidateCount).Where(j => costs[j] <= budget).DefaultIfEmpty(-1)
            .MaxBy(j => j < 0 ? -1 : new CoverState(sets).Gain(j));
        if (single >= 0 && new CoverState(sets, [single]).Covered > state.Covered)
        {
            state = new CoverState(sets, [single]);
            chosen = [single];
            spent = costs[single];
        }
        options.Cancellation.ThrowIfCancellationRequested();
        var improved = true;
        while (improved && watch.Elapsed.TotalSeconds < options.SwapSeconds)
        {
            improved = false;
            for (var a = 0; a < chosen.Count; a++)
            {
                var outSite = chosen[a];
                var loss = state.Loss(outSite);
                state.Remove(outSite);
                var room = budget - spent + costs[outSite];
                int best = -1; long bestGain = loss;
                for (var j = 0; j < sets.CandidateCount; j++)
                    if (!state.Chosen[j] && j != outSite && costs[j] <= room && state.Gain(j) is var g && g > bestGain) { bestGain = g; best = j; }
                if (best >= 0) { state.Add(best); spent += costs[best] - costs[outSite]; chosen[a] = best; improved = true; }
                else state.Add(outSite);
            }
        }
        var objective = state.Covered;
        var bound = Math.Min(sets.Weights.Sum(), LagrangianBound.Compute(sets, [.. costs.Select(c => (double)c)], (double)budget, objective,
            seconds: options.BoundSeconds));
        var gains = Ordered(sets, chosen);
        return new MclpResult(chosen, gains, objective, Math.Max(bound, objective), "greedy per yuan+swap", watch.Elapsed, objective >= bound);
    }

    /// <summary>OPT ≤ f(S) + Σ of the k largest marginal gains Δ(j | S) (monotone submodular coverage).</summary>
    public static double OnlineBound(CoverageSets sets, CoverState state, int k)
    {
        var top = new PriorityQueue<long, long>();
        for (var j = 0; j < sets.CandidateCount; j++)
        {
            if (state.Chosen[j]) continue;
            var g = state.Gain(j);
            if (top.Count < k) top.Enqueue(g, g);
            else if (top.TryPeek(out _, out var least) && g > least) { top.Dequeue(); top.Enqueue(g, g); }
        }
        double sum = state.Covered;
        while (top.TryDequeue(out var g, out _)) sum += g;
        return sum;
    }

    /// <summary>
    /// Iterated local search on <see cref="MclpSwapSearch"/>: swap until no single swap helps, then ruin and rebuild —
    /// remove 2 to k/10 sites (half the rounds a site and the chosen sites near it, half at random), refill greedily
    /// without the sites just removed, and swap again; a better plan is kept, an equal one walked on, a worse one undone.
    /// Stops at the time budget, or after <see cref="MclpOptions.StallRounds"/> rounds without a better plan (small cases
    /// settle in milliseconds).
    /// </summary>
    private static List<int> Search(CoverageSets sets, List<int> chosen, int k, MclpOptions options, Stopwatch watch)
    {
        var search = new MclpSwapSearch(sets);
        foreach (var j in chosen) search.Add(j);
        bool TimeUp() => watch.Elapsed.TotalSeconds >= options.SwapSeconds;
        var current = new List<int>(chosen);
        search.Descend(current, TimeUp);
        var best = new List<int>(current);
        var bestValue = search.Covered;
        if (current.Count < 2) return best;
        var rng = new Random(options.Seed);
        var most = Math.Max(2, current.Count / 10);
        var stale = 0;
        var removed = new HashSet<int>();
        while (!TimeUp() && stale < options.StallRounds)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            stale++;
            var drop = 2 + rng.Next(most - 1);
            removed.Clear();
            if (rng.Next(2) == 0)
            {
                // Ruin a region: a site and the chosen sites around it.
                foreach (var j in search.ChosenNear(current[rng.Next(current.Count)], drop))
                {
                    search.Remove(j);
                    current.Remove(j);
                    removed.Add(j);
                }
            }
            else
                for (var n = 0; n < drop && current.Count > 0; n++)
                {
                    var a = rng.Next(current.Count);
                    search.Remove(current[a]);
                    removed.Add(current[a]);
                    current[a] = current[^1];
                    current.RemoveAt(current.Count - 1);
                }
            search.Fill(current, k, removed);
            search.Descend(current, TimeUp);
            if (search.Covered > bestValue)
            {
                bestValue = search.Covered;
                                best = new List<int>(current);
                stale = 0;
            }
            else if (search.Covered < bestValue)
            {
                // Back to the best plan: remove what it lacks, add what it has.
                var keep = new HashSet<int>(best);
                foreach (var j in current) if (!keep.Contains(j)) search.Remove(j);
                foreach (var j in best) if (!search.Chosen[j]) search.Add(j);
                current = new List<int>(best);
            }
        }
        return best;
    }

    /// <summary>The chosen sites' gains when added in the order of largest gain first (for ranking a plan).</summary>
    public static IReadOnlyList<long> Ordered(CoverageSets sets, List<int> chosen)
    {
        var state = new CoverState(sets);
        var left = new List<int>(chosen);
        var gains = new List<long>(chosen.Count);
        chosen.Clear();
        while (left.Count > 0)
        {
            var best = left.MaxBy(state.Gain);
            var g = state.Gain(best);
            state.Add(best);
            chosen.Add(best);
            gains.Add(g);
            left.Remove(best);
        }
        return gains;
    }
}

/// <summary>How many chosen sites cover each demand; marginal gains and losses follow from it in O(degree).</summary>
public sealed class CoverState(CoverageSets sets)
{
    public CoverState(CoverageSets sets, IEnumerable<int> chosen) : this(sets)
    {
        foreach (var j in chosen) Add(j);
    }

    private readonly int[] _count = new int[sets.DemandCount];

    public bool[] Chosen { get; } = new bool[sets.CandidateCount];

    /// <summary>Weight covered by the chosen sites.</summary>
    public long Covered { get; private set; }

    /// <summary>No chosen site covers demand <paramref name="i"/>.</summary>
    public bool IsUncovered(int i) => _count[i] == 0;

    public long Gain(int j)
    {
        long g = 0;
        foreach (var i in sets.Covers(j)) if (_count[i] == 0) g += sets.Weights[i];
        return g;
    }

    /// <summary>Weight only <paramref name="j"/> covers (what removing it would lose).</summary>
    public long Loss(int j)
    {
        long g = 0;
        foreach (var i in sets.Covers(j)) if (_count[i] == 1) g += sets.Weights[i];
        return g;
    }

    public void Add(int j)
    {
        Chosen[j] = true;
        foreach (var i in sets.Covers(j)) if (_count[i]++ == 0) Covered += sets.Weights[i];
    }

    public void Remove(int j)
    {
        Chosen[j] = false;
        foreach (var i in sets.Covers(j)) if (--_count[i] == 0) Covered -= sets.Weights[i];
    }
}
