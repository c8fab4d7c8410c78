using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace RecycleNet.Core.SiteSelection;

/// <summary>
/// The exact maximal-covering model, solved by SCIP through Google OR-Tools with a time limit:
/// maximise Σ wᵢ yᵢ subject to yᵢ ≤ Σ_{j covers i} xⱼ, Σ xⱼ ≤ k, x binary, 0 ≤ y ≤ 1 (y is integral at an
/// optimum, so it need not be declared so). Only demands some candidate covers get a row: the model is as sparse
/// as the coverage sets. The greedy plan is given as a hint. Stopped early, it reports SCIP's best bound;
/// <see cref="LpBound"/> gives the LP relaxation's value (GLOP), a bound any plan respects.
/// </summary>
public static class MclpExact
{
    public static MclpResult Solve(CoverageSets sets, int k, MclpOptions? options = null, IReadOnlyList<int>? hint = null)
    {
        options ??= new MclpOptions();
        var watch = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP on this platform");
        var (x, objective) = Build(solver, sets, k, integer: true);
        if (hint is not null)
            solver.SetHint([.. hint.Select(j => x[j])], [.. hint.Select(_ => 1.0)]);
        solver.SetTimeLimit((long)(options.ExactSeconds * 1000));
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            throw new InvalidOperationException($"SCIP found no plan within {options.ExactSeconds} s (status {status})");
        var chosen = Enumerable.Range(0, sets.CandidateCount).Where(j => x[j].SolutionValue() > 0.5).ToList();
        var value = sets.Value(chosen); // recount from the sets: the solver's objective is a floating-point sum
        var bound = status == Solver.ResultStatus.OPTIMAL ? value : Math.Max(value, objective.BestBound());
        var gains = MclpSolver.Ordered(sets, chosen);
        return new MclpResult(chosen, gains, value, bound, "SCIP (OR-Tools)", watch.Elapsed, status == Solver.ResultStatus.OPTIMAL);
    }

    /// <summary>The LP relaxation's optimum (GLOP): no plan of k sites covers more.</summary>
    /// <param name="solverId">GLOP (simplex: exact) by default; PDLP (first-order, to its tolerances) for cases GLOP takes hours over.</param>
    public static double LpBound(CoverageSets sets, int k, double seconds = 30, string solverId = "GLOP")
    {
        using var solver = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"OR-Tools has no {solverId} on this platform");
        var (_, objective) = Build(solver, sets, k, integer: false);
        solver.SetTimeLimit((long)(seconds * 1000));
        var status = solver.Solve();
        return status == Solver.ResultStatus.OPTIMAL ? objective.Value() : double.PositiveInfinity;
    }

    private static (Variable[] X, Objective Objective) Build(Solver solver, CoverageSets sets, int k, bool integer)
    {
        var x = new Variable[sets.CandidateCount];
        for (var j = 0; j < x.Length; j++) x[j] = integer ? solver.MakeBoolVar($"x{j}") : solver.MakeNumVar(0, 1, $"x{j}");
        var (offsets, coveredBy) = sets.Transposed();
        var objective = solver.Objective();
        for (var i = 0; i < sets.DemandCount; i++)
        {
            if (offsets[i] == offsets[i + 1]) continue; // no candidate covers it
            var y = solver.MakeNumVar(0, 1, $"y{i}");
            objective.SetCoefficient(y, sets.Weights[i]);
            var row = solver.MakeConstraint(double.NegativeInfinity, 0);
            row.SetCoefficient(y, 1);
            for (var p = offsets[i]; p < offsets[i + 1]; p++) row.SetCoefficient(x[coveredBy[p]], -1);
        }
        var count = solver.MakeConstraint(0, k);
        foreach (var v in x) count.SetCoefficient(v, 1);
        objective.SetMaximization();
        return (x, objective);
    }
}
