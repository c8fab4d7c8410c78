using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace RecycleNet.Core.SiteSelection;

/// <summary>
/// A p-median instance: outlets with volumes (tonnes/day) to be hauled to their nearest open facility within the
/// haul limit; facilities 0..<see cref="Existing"/>−1 are open already, the rest are candidates of which p open.
/// <see cref="Links"/>[i] lists (facility, haul metres) for the facilities within the limit of outlet i — sparse.
/// </summary>
public sealed record PMedianProblem(double[] Volumes, IReadOnlyList<(int Facility, double DistanceM)>[] Links, int Existing,
    int Candidates, double?[] Capacities)
{
    public int Facilities => Existing + Candidates;
}

/// <summary>
/// The answer: facilities opened (candidate indices, counted from 0 among candidates), each outlet's facility (−1
/// when none is within the limit), the volume-weighted haul (tonne·km per day), the bound and gap, and loads.
/// </summary>
public sealed record PMedianResult(IReadOnlyList<int> Opened, int[] Assignment, double CostTonneKm, double LowerBound,
    string Method, bool Optimal, TimeSpan Elapsed, double[] Loads)
{
    public double Gap => CostTonneKm <= 0 ? 0 : Math.Max(0, (CostTonneKm - LowerBound) / CostTonneKm);
}

/// <summary>
/// Sorting-centre siting as a p-median: open p candidates minimising Σ volume × haul distance, existing centres
/// open. Without capacities: greedy opening then fast interchange (swap an opened candidate for a closed one while
/// the cost falls), its gap measured against the LP relaxation (GLOP), with SCIP (OR-Tools) as referee on request. With capacities the
/// heuristic cannot guarantee feasibility, so the capacitated model goes to SCIP with the heuristic as a hint.
/// Outlets with no facility within the haul limit are left out of the objective and reported as unassigned.
/// </summary>
public static class PMedian
{
    public static PMedianResult Solve(PMedianProblem p, int open, double exactSeconds = 0, double searchSeconds = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(open);
        open = Math.Min(open, p.Candidates);
        var watch = Stopwatch.StartNew();
        var heuristic = Heuristic(p, open, searchSeconds, watch);
        var capacitated = p.Capacities.Any(c => c is not null);
        if (exactSeconds <= 0 && !capacitated)
            return Result(p, heuristic, LpBound(p, open, Math.Max(1, searchSeconds)), "greedy+interchange", false, watch);
        return Exact(p, open, heuristic, Math.Max(exactSeconds, 1), capacitated, watch);
    }

    // An outlet nothing open serves yet counts as this far away, so serving it is worth more than any shortening.
    private const double Unserved = 1e7;

    /// <summary>
    /// Greedy opening with exact marginal savings (each outlet's distance to its nearest open facility is kept),
    /// then fast interchange: with each outlet's nearest and second-nearest open facility, every (close a, open c)
    /// pair is priced in one sweep over the candidates' links; the best improving swap is made until none is left.
    /// O(Σ links + candidates × p) per sweep.
    /// </summary>
    private static List<int> Heuristic(PMedianProblem p, int open, double seconds, Stopwatch watch)
    {
        var byFacility = new List<(int Outlet, double D)>[p.Facilities];
        for (var f = 0; f < p.Facilities; f++) byFacility[f] = [];
        for (var i = 0; i < p.Volumes.Length; i++) foreach (var (f, d) in p.Links[i]) byFacility[f].Add((i, d));
        var isOpen = new bool[p.Facilities];
        for (var f = 0; f < p.Existing; f++) isOpen[f] = true;
        var chosen = new List<int>();
        var (b1, f1, b2) = Nearest(p, isOpen);
        for (var n = 0; n < open; n++)
        {
            var best = -1; var bestSaving = -1.0;
            for (var c = 0; c < p.Candidates; c++)
            {
                var f = p.Existing + c;
                if (isOpen[f]) continue;
                double saving = 0;
                foreach (var (i, d) in byFacility[f]) if (d < b1[i]) saving += p.Volumes[i] * (b1[i] - d);
                if (saving > bestSaving) { bestSaving = saving; best = c; }
            }
            if (best < 0) break;
            isOpen[p.Existing + best] = true;
            chosen.Add(best);
            (b1, f1, b2) = Nearest(p, isOpen);
        }

        var position = new Dictionary<int, int>(); // facility → index in chosen
        var correction = new double[chosen.Count];
        while (watch.Elapsed.TotalSeconds < seconds && chosen.Count > 0)
        {
            position.Clear();
            for (var a = 0; a < chosen.Count; a++) position[p.Existing + chosen[a]] = a;
            // Closing a alone moves its outlets to their second-nearest facility.
            var loss = new double[chosen.Count];
            for (var i = 0; i < p.Volumes.Length; i++)
                if (f1[i] >= 0 && position.TryGetValue(f1[i], out var a)) loss[a] += p.Volumes[i] * (b2[i] - b1[i]);
            var bestDelta = -1e-9; int bestA = -1, bestC = -1;
            for (var c = 0; c < p.Candidates; c++)
            {
                var f = p.Existing + c;
                if (isOpen[f]) continue;
                Array.Clear(correction);
                double gain = 0;
                foreach (var (i, d) in byFacility[f])
                {
                    if (d < b1[i]) gain += p.Volumes[i] * (b1[i] - d);
                    // If a (this outlet's nearest) closes, the outlet falls back to min(second nearest, c), not to its nearest.
                    if (f1[i] >= 0 && position.TryGetValue(f1[i], out var a))
                        correction[a] += p.Volumes[i] * (Math.Max(0, b2[i] - d) - Math.Max(0, b1[i] - d));
                }
                for (var a = 0; a < chosen.Count; a++)
                {
                    var delta = loss[a] - gain - correction[a]; // cost change of closing a and opening c
                    if (delta < bestDelta) { bestDelta = delta; bestA = a; bestC = c; }
                }
            }
            if (bestA < 0) break;
            isOpen[p.Existing + chosen[bestA]] = false;
            isOpen[p.Existing + bestC] = true;
            chosen[bestA] = bestC;
            (b1, f1, b2) = Nearest(p, isOpen);
        }
        return chosen;
    }

    /// <summary>Each outlet's nearest and second-nearest open facility (distance, facility; distance).</summary>
    private static (double[] B1, int[] F1, double[] B2) Nearest(PMedianProblem p, bool[] isOpen)
    {
        var n = p.Volumes.Length;
        var (b1, f1, b2) = (new double[n], new int[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            (b1[i], f1[i], b2[i]) = (Unserved, -1, Unserved);
            foreach (var (f, d) in p.Links[i])
            {
                if (!isOpen[f]) continue;
                if (d < b1[i]) { b2[i] = b1[i]; (b1[i], f1[i]) = (d, f); }
                else if (d < b2[i]) b2[i] = d;
            }
        }
        return (b1, f1, b2);
    }

    private static PMedianResult Exact(PMedianProblem p, int open, List<int> hint, double seconds, bool capacitated, Stopwatch watch)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP on this platform");
        var (o, z, objective) = Build(solver, p, open, integer: true, capacitated);
        // The heuristic's plan as a whole solution — every opening and every outlet's nearest open facility — so SCIP holds
        // it as its incumbent from the start: stopped early (a busy machine), it answers with it and its own bound,
        // rather than no solution at all. (With capacities the hint may not fit; SCIP then repairs or drops it.)
        var nearest = NearestOpen(p, hint);
        var hinted = new List<(Variable Var, double Value)>();
        for (var c = 0; c < p.Candidates; c++) hinted.Add((o[p.Existing + c], hint.Contains(c) ? 1.0 : 0.0));
        foreach (var ((i, f), v) in z) hinted.Add((v, nearest[i] == f ? 1.0 : 0.0));
        solver.SetHint([.. hinted.Select(h => h.Var)], [.. hinted.Select(h => h.Value)]);
        solver.SetTimeLimit((long)(seconds * 1000));
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            if (capacitated) throw new InvalidOperationException($"no plan serves every reachable outlet within the centres' capacities (SCIP: {status})");
            return Result(p, hint, LpBound(p, open, seconds), "greedy+interchange", false, watch);
        }
        var opened = Enumerable.Range(0, p.Candidates).Where(c => o[p.Existing + c].SolutionValue() > 0.5).ToList();
        var assignment = new int[p.Volumes.Length];
        Array.Fill(assignment, -1);
        foreach (var ((i, f), v) in z) if (v.SolutionValue() > 0.5) assignment[i] = f;
        var optimal = status == Solver.ResultStatus.OPTIMAL;
        return Result(p, opened, optimal ? double.NaN : objective.BestBound(), "SCIP (OR-Tools)", optimal, watch, capacitated ? assignment : null);
    }

    /// <summary>The LP relaxation's optimum (GLOP), tonne·km: no plan of <paramref name="open"/> new centres hauls less.</summary>
    public static double LpBound(PMedianProblem p, int open, double seconds = 10)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP on this platform");
        var (_, _, objective) = Build(solver, p, Math.Min(open, p.Candidates), integer: false, capacitated: p.Capacities.Any(c => c is not null));
        solver.SetTimeLimit((long)(seconds * 1000));
        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? objective.Value() : 0;
    }

    /// <summary>
    /// min Σ vᵢ dᵢf zᵢf (tonne·km) with Σ_f zᵢf = 1 for each reachable outlet, zᵢf ≤ o_f, Σ candidates o = p,
    /// existing o = 1, and with capacities Σᵢ vᵢ zᵢf ≤ cap_f · o_f (single sourcing: z binary).
    /// </summary>
    private static (Variable[] O, Dictionary<(int, int), Variable> Z, Objective Objective) Build(Solver solver, PMedianProblem p, int open,
        bool integer, bool capacitated)
    {
        var o = new Variable[p.Facilities];
        for (var f = 0; f < p.Facilities; f++)
            o[f] = f < p.Existing ? solver.MakeNumVar(1, 1, $"o{f}") : integer ? solver.MakeBoolVar($"o{f}") : solver.MakeNumVar(0, 1, $"o{f}");
        var count = solver.MakeConstraint(open, open);
        for (var c = 0; c < p.Candidates; c++) count.SetCoefficient(o[p.Existing + c], 1);
        var objective = solver.Objective();
        var z = new Dictionary<(int, int), Variable>();
        var loadRows = new Constraint?[p.Facilities];
        for (var f = 0; f < p.Facilities; f++)
            if (p.Capacities[f] is { } cap)
            {
                loadRows[f] = solver.MakeConstraint(double.NegativeInfinity, 0);
                loadRows[f]!.SetCoefficient(o[f], -cap);
            }
        for (var i = 0; i < p.Volumes.Length; i++)
        {
            if (p.Links[i].Count == 0) continue;
            var one = solver.MakeConstraint(1, 1);
            foreach (var (f, d) in p.Links[i])
            {
                // With capacities an outlet goes to one centre (single sourcing); without, z is integral at an optimum anyway.
                var v = integer && capacitated ? solver.MakeBoolVar($"z{i}_{f}") : solver.MakeNumVar(0, 1, $"z{i}_{f}");
                z[(i, f)] = v;
                one.SetCoefficient(v, 1);
                var link = solver.MakeConstraint(double.NegativeInfinity, 0);
                link.SetCoefficient(v, 1);
                link.SetCoefficient(o[f], -1);
                objective.SetCoefficient(v, p.Volumes[i] * d / 1000);
                loadRows[f]?.SetCoefficient(v, p.Volumes[i]);
            }
        }
        objective.SetMinimization();
        return (o, z, objective);
    }

    /// <summary>Each outlet's nearest facility among the existing ones and the <paramref name="opened"/> candidates (−1: none within the limit).</summary>
    private static int[] NearestOpen(PMedianProblem p, IReadOnlyCollection<int> opened)
    {
        var isOpen = new bool[p.Facilities];
        for (var f = 0; f < p.Existing; f++) isOpen[f] = true;
        foreach (var c in opened) isOpen[p.Existing + c] = true;
        var assignment = new int[p.Volumes.Length];
        for (var i = 0; i < assignment.Length; i++)
        {
            assignment[i] = -1;
            var best = double.PositiveInfinity;
            foreach (var (f, d) in p.Links[i]) if (isOpen[f] && d < best) { best = d; assignment[i] = f; }
        }
        return assignment;
    }

    /// <summary>Σ volume × distance to the nearest facility of all (existing and every candidate), tonne·km.</summary>
    public static double AllOpenBound(PMedianProblem p)
    {
        double total = 0;
        for (var i = 0; i < p.Volumes.Length; i++)
            if (p.Links[i].Count > 0) total += p.Volumes[i] * p.Links[i].Min(l => l.DistanceM) / 1000;
        return total;
    }

    private static PMedianResult Result(PMedianProblem p, List<int> opened, double bound, string method, bool optimal, Stopwatch watch, int[]? assignment = null)
    {
        assignment ??= NearestOpen(p, opened);
        double cost = 0;
        var loads = new double[p.Facilities];
        for (var i = 0; i < assignment.Length; i++)
        {
            if (assignment[i] < 0) continue;
            cost += p.Volumes[i] * p.Links[i].First(l => l.Facility == assignment[i]).DistanceM / 1000;
            loads[assignment[i]] += p.Volumes[i];
        }
        // Optimal: the cost is its own bound. Otherwise the better of the solver's bound and the relaxation in which
        // every facility is open (each outlet at its nearest one) — no plan of p can haul less.
        var lower = optimal ? cost : Math.Min(cost, Math.Max(double.IsNaN(bound) ? 0 : bound, AllOpenBound(p)));
        return new PMedianResult(opened, assignment, cost, lower, method, optimal, watch.Elapsed, loads);
    }
}
