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
/// open. Without capacities: greedy opening then Teitz–Bart vertex substitution (swap an opened candidate for a
/// closed one while the cost falls), with SCIP (OR-Tools) as referee and bound on request. With capacities the
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
            return Result(p, heuristic, 0, "greedy+substitution", false, watch);
        return Exact(p, open, heuristic, Math.Max(exactSeconds, 1), capacitated, watch);
    }

    private static List<int> Heuristic(PMedianProblem p, int open, double seconds, Stopwatch watch)
    {
        var isOpen = new bool[p.Facilities];
        for (var f = 0; f < p.Existing; f++) isOpen[f] = true;
        var chosen = new List<int>();
        for (var n = 0; n < open; n++)
        {
            var best = -1; var bestCost = double.PositiveInfinity;
            for (var c = 0; c < p.Candidates; c++)
            {
                var f = p.Existing + c;
                if (isOpen[f]) continue;
                isOpen[f] = true;
                var cost = Cost(p, isOpen);
                isOpen[f] = false;
                if (cost < bestCost) { bestCost = cost; best = c; }
            }
            if (best < 0) break;
            isOpen[p.Existing + best] = true;
            chosen.Add(best);
        }
        // Teitz–Bart: try each closed candidate in place of each opened one; keep any swap that lowers the cost.
        var current = Cost(p, isOpen);
        var improved = true;
        while (improved && watch.Elapsed.TotalSeconds < seconds)
        {
            improved = false;
            for (var a = 0; a < chosen.Count; a++)
                for (var c = 0; c < p.Candidates && watch.Elapsed.TotalSeconds < seconds; c++)
                {
                    var (fOut, fIn) = (p.Existing + chosen[a], p.Existing + c);
                    if (isOpen[fIn]) continue;
                    isOpen[fOut] = false; isOpen[fIn] = true;
                    var cost = Cost(p, isOpen);
                    if (cost < current - 1e-9) { current = cost; chosen[a] = c; improved = true; break; }
                    isOpen[fIn] = false; isOpen[fOut] = true;
                }
        }
        return chosen;
    }

    /// <summary>Σ volume × distance to the nearest open facility; an outlet that could be served but is not costs its volume × 10⁹ m.</summary>
    private static double Cost(PMedianProblem p, bool[] isOpen)
    {
        double total = 0;
        for (var i = 0; i < p.Volumes.Length; i++)
        {
            if (p.Links[i].Count == 0) continue; // nobody can serve it: the same for every plan
            var best = double.PositiveInfinity;
            foreach (var (f, d) in p.Links[i]) if (isOpen[f] && d < best) best = d;
            total += p.Volumes[i] * (double.IsFinite(best) ? best : 1e9);
        }
        return total;
    }

    private static PMedianResult Exact(PMedianProblem p, int open, List<int> hint, double seconds, bool capacitated, Stopwatch watch)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP on this platform");
        var o = new Variable[p.Facilities];
        for (var f = 0; f < p.Facilities; f++) o[f] = f < p.Existing ? solver.MakeIntVar(1, 1, $"o{f}") : solver.MakeBoolVar($"o{f}");
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
                var v = capacitated ? solver.MakeBoolVar($"z{i}_{f}") : solver.MakeNumVar(0, 1, $"z{i}_{f}");
                z[(i, f)] = v;
                one.SetCoefficient(v, 1);
                var link = solver.MakeConstraint(double.NegativeInfinity, 0);
                link.SetCoefficient(v, 1);
                link.SetCoefficient(o[f], -1);
                objective.SetCoefficient(v, p.Volumes[i] * d / 1000); // tonne·km
                loadRows[f]?.SetCoefficient(v, p.Volumes[i]);
            }
        }
        objective.SetMinimization();
        solver.SetHint([.. hint.Select(c => o[p.Existing + c])], [.. hint.Select(_ => 1.0)]);
        solver.SetTimeLimit((long)(seconds * 1000));
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            if (capacitated) throw new InvalidOperationException($"no plan serves every reachable outlet within the centres' capacities (SCIP: {status})");
            return Result(p, hint, 0, "greedy+substitution", false, watch);
        }
        var opened = Enumerable.Range(0, p.Candidates).Where(c => o[p.Existing + c].SolutionValue() > 0.5).ToList();
        var assignment = new int[p.Volumes.Length];
        Array.Fill(assignment, -1);
        foreach (var ((i, f), v) in z) if (v.SolutionValue() > 0.5) assignment[i] = f;
        var optimal = status == Solver.ResultStatus.OPTIMAL;
        return Result(p, opened, optimal ? double.NaN : objective.BestBound(), "SCIP (OR-Tools)", optimal, watch, capacitated ? assignment : null);
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
        var isOpen = new bool[p.Facilities];
        for (var f = 0; f < p.Existing; f++) isOpen[f] = true;
        foreach (var c in opened) isOpen[p.Existing + c] = true;
        if (assignment is null)
        {
            assignment = new int[p.Volumes.Length];
            for (var i = 0; i < assignment.Length; i++)
            {
                assignment[i] = -1;
                var best = double.PositiveInfinity;
                foreach (var (f, d) in p.Links[i]) if (isOpen[f] && d < best) { best = d; assignment[i] = f; }
            }
        }
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
