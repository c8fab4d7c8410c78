using System.Diagnostics;

namespace RecycleNet.Core.SiteSelection;

/// <summary>
/// Maximal covering with a weight each group (district) must gain: the district-share goal ("every district
/// reaches Y %", fewest sites) and the fairness floor ("k sites, but no district below Y %"). Needs are met first
/// by a greedy on truncated gains Σ_g min(gain_g(j), still needed_g) — still submodular, so greedy is sound — then
/// the remaining sites go to the largest plain gains, and swaps are kept only if every need stays met.
/// The unconstrained bound remains a true bound: constraints can only lower the optimum.
/// </summary>
public static class DistrictFloors
{
    /// <param name="group">Each demand's group (district index).</param>
    /// <param name="need">Weight each group must gain.</param>
    /// <param name="k">Sites to place; null: as few as meet the needs.</param>
    public static (MclpResult Result, bool NeedsMet, int SitesLowerBound) Solve(CoverageSets sets, int[] group, long[] need, int? k, MclpOptions options)
    {
        var watch = Stopwatch.StartNew();
        var limit = Math.Min(k ?? sets.CandidateCount, sets.CandidateCount);
        var state = new CoverState(sets);
        var chosen = new List<int>();
        var remaining = (long[])need.Clone();
        var gained = new long[need.Length];
        while (chosen.Count < limit && remaining.Any(r => r > 0))
        {
            options.Cancellation.ThrowIfCancellationRequested();
            int best = -1; long bestValue = 0;
            var byGroup = new Dictionary<int, long>();
            for (var j = 0; j < sets.CandidateCount; j++)
            {
                if (state.Chosen[j]) continue;
                byGroup.Clear();
                foreach (var i in sets.Covers(j))
                    if (state.IsUncovered(i)) byGroup[group[i]] = byGroup.GetValueOrDefault(group[i]) + sets.Weights[i];
                long value = 0;
                foreach (var (g, w) in byGroup) value += Math.Min(w, Math.Max(0, remaining[g]));
                if (value > bestValue) { bestValue = value; best = j; }
            }
            if (best < 0) break; // no site helps an unmet district: its need cannot be met
            foreach (var i in sets.Covers(best)) if (state.IsUncovered(i)) { remaining[group[i]] -= sets.Weights[i]; gained[group[i]] += sets.Weights[i]; }
            state.Add(best);
            chosen.Add(best);
        }
        var met = remaining.All(r => r <= 0);
        if (k is not null)
        {
            // The rest by plain gain, then swaps that keep every need met.
            while (chosen.Count < limit)
            {
                int best = -1; long bestGain = 0;
                for (var j = 0; j < sets.CandidateCount; j++)
                    if (!state.Chosen[j] && state.Gain(j) is var g && g > bestGain) { bestGain = g; best = j; }
                if (best < 0) break;
                state.Add(best);
                chosen.Add(best);
            }
            if (met) SwapKeepingNeeds(sets, state, chosen, group, need, options, watch);
        }
        var objective = state.Covered;
        var bound = k is { } kk ? Math.Min(MclpSolver.OnlineBound(sets, state, kk), sets.Weights.Sum()) : objective;
        if (k is { } k2 && bound > objective) bound = Math.Min(bound, LagrangianBound.Compute(sets, k2, objective, seconds: options.BoundSeconds));
        var gains = MclpSolver.Ordered(sets, chosen);
        var result = new MclpResult(chosen, gains, objective, Math.Max(bound, objective), "greedy (needs first)+swap", watch.Elapsed, objective >= bound);
        return (result, met, LowerBound(sets, group, need));
    }

    // No plan meets group g's need with fewer sites than the smallest k whose k best single gains inside g reach it.
    private static int LowerBound(CoverageSets sets, int[] group, long[] need)
    {
        var lb = 0;
        for (var g = 0; g < need.Length; g++)
        {
            if (need[g] <= 0) continue;
            var singles = new List<long>();
            for (var j = 0; j < sets.CandidateCount; j++)
            {
                long s = 0;
                foreach (var i in sets.Covers(j)) if (group[i] == g) s += sets.Weights[i];
                if (s > 0) singles.Add(s);
            }
            singles.Sort((a, b) => b.CompareTo(a));
            long sum = 0; var n = 0;
            while (n < singles.Count && sum < need[g]) sum += singles[n++];
            lb = Math.Max(lb, sum >= need[g] ? n : singles.Count);
        }
        return lb;
    }

    private static void SwapKeepingNeeds(CoverageSets sets, CoverState state, List<int> chosen, int[] group, long[] need, MclpOptions options, Stopwatch watch)
    {
        var improved = true;
        while (improved && watch.Elapsed.TotalSeconds < options.SwapSeconds)
        {
            improved = false;
            for (var a = 0; a < chosen.Count && watch.Elapsed.TotalSeconds < options.SwapSeconds; a++)
            {
                options.Cancellation.ThrowIfCancellationRequested();
                var outSite = chosen[a];
                var before = state.Covered;
                state.Remove(outSite);
                var swapped = false;
                for (var j = 0; j < sets.CandidateCount && !swapped; j++)
                {
                    if (state.Chosen[j] || j == outSite || state.Covered + state.Gain(j) <= before) continue;
                    state.Add(j);
                    if (NeedsMet(sets, state, group, need)) { chosen[a] = j; swapped = improved = true; }
                    else state.Remove(j);
                }
                if (!swapped) state.Add(outSite);
            }
        }
    }

    private static bool NeedsMet(CoverageSets sets, CoverState state, int[] group, long[] need)
    {
        var got = new long[need.Length];
        for (var i = 0; i < sets.DemandCount; i++) if (!state.IsUncovered(i)) got[group[i]] += sets.Weights[i];
        for (var g = 0; g < need.Length; g++) if (got[g] < need[g]) return false;
        return true;
    }
}
