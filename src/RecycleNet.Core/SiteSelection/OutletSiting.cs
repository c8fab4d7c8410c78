using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.SiteSelection;

/// <summary>Where candidate outlet sites come from.</summary>
public enum CandidateSource
{
    /// <summary>Every community's location (an outlet at a compound's gate).</summary>
    Communities,
    /// <summary>A regular grid over the districts, <see cref="OutletSitingOptions.GridSpacingM"/> apart.</summary>
    Grid,
    /// <summary>Sites the planner lists (vacant shop fronts, community service centres: 一点多用).</summary>
    Uploaded,
    /// <summary>
    /// The city's operating waste-sorting points that do not take recyclables yet: where merging the two networks
    /// (两网融合) would put a recycling point.
    /// </summary>
    WasteSortingPoints,
}

/// <summary>
/// Options of an outlet siting run: its one goal (<see cref="OutletSitingGoal"/>), the walk, the candidates and the
/// solver's budgets. Operating outlets stay; only uncovered households count as gains.
/// </summary>
public sealed record OutletSitingOptions
{
    public required OutletSitingGoal Goal { get; init; }

    public WalkingOptions Walking { get; init; } = new();
    public CandidateSource Candidates { get; init; } = CandidateSource.Communities;

    /// <summary>Grid spacing, metres (<see cref="CandidateSource.Grid"/>).</summary>
    public double GridSpacingM { get; init; } = 250;

    /// <summary>The planner's sites, WGS84 (<see cref="CandidateSource.Uploaded"/>).</summary>
    public IReadOnlyList<PlannedSite> UploadedSites { get; init; } = [];

    /// <summary>Per uploaded site, its own cost in yuan (e.g. from its floor area); null entries cost the budget's <see cref="OutletSitingGoal.Budget.SiteCostYuan"/>.</summary>
    public IReadOnlyList<decimal?> UploadedCostsYuan { get; init; } = [];

    /// <summary>Use SCIP (OR-Tools) for the exact plan as well, within <see cref="MclpOptions.ExactSeconds"/>.</summary>
    public bool Exact { get; init; }

    public MclpOptions Solver { get; init; } = new();

    /// <summary>
    /// Wall-clock limit of the whole run, seconds, building the coverage sets included: what is left after the build is
    /// shared out to the local search, the bound and (with <see cref="Exact"/>) SCIP. Null: the solver's own budgets.
    /// </summary>
    public double? TimeLimitSeconds { get; init; }

    /// <summary>Threads the coverage sets may be built on (-1: every core). A service leaves a core to its readers.</summary>
    public int MaxThreads { get; init; } = -1;
}

/// <summary>One proposed site: rank (1 = largest gain), the households it adds given the higher-ranked ones, running totals.</summary>
public sealed record SiteProposal(int Rank, long CandidateIndex, double Lon, double Lat, string? Label, long HouseholdsGained,
    long CumulativeHouseholds, double CumulativeShare, District? District, DistanceMethod Method);

/// <summary>
/// A siting answer: coverage before and after, the proposals, the solution with its bound and gap, and for a share
/// goal a proven lower bound on the number of sites any plan needs. <see cref="GoalReached"/> is false when a share,
/// a district share or a district floor cannot be reached with the candidates given.
/// </summary>
public sealed record OutletSitingResult(CoverageTotals Before, CoverageTotals After, IReadOnlyList<SiteProposal> Proposals,
    MclpResult Solution, int CandidateCount, int CoveragePairs, TimeSpan BuildTime, int? SitesNeededLowerBound, bool GoalReached);

/// <summary>
/// Where the next outlets should go: maximal covering over today's uncovered communities with candidates from
/// communities, a grid or the planner's list, coverage sets from walking distances (<see cref="CoverageSetBuilder"/>),
/// the heuristic with its guaranteed bound, and SCIP as the exact referee on request.
/// </summary>
public static class OutletSiting
{
    /// <param name="progress">Told each stage as it starts (for a job's status).</param>
    public static OutletSitingResult Plan(CitySnapshot city, WalkingGraph? graph, OutletSitingOptions options, CancellationToken ct = default,
        Action<string>? progress = null)
    {
        var goal = options.Goal ?? throw new ArgumentException("an outlet siting run needs a goal", nameof(options));
        if (goal is OutletSitingGoal.Budget { SiteCostYuan: not > 0 }) throw new ArgumentException("a budget needs a positive site cost", nameof(options));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var walk = options.Walking;
        progress?.Invoke("scoring today's coverage");
        var before = CoverageScorer.Score(city, graph, new CoverageOptions { Walking = walk });
        var projection = graph?.Projection ?? LocalProjection.ForArea(city.CentreLongitude());
        var open = before.Communities.Where(c => !c.Covered).ToList();
        var demands = open.Select(c => { var (x, y) = projection.Project(c.Community.Location.X, c.Community.Location.Y); return new SitePoint(x, y); }).ToList();
        var candidates = Candidates(city, projection, options);
        if (candidates.Count == 0) throw new ArgumentException("there are no candidate sites", nameof(options));
        progress?.Invoke($"building coverage sets: {demands.Count:N0} uncovered communities × {candidates.Count:N0} candidates");
        var sets = CoverageSetBuilder.Build(demands, [.. open.Select(c => (long)c.Community.Households)],
            [.. candidates.Select(c => c.Point)], graph, walk, ct, options.MaxThreads);
        var build = watch.Elapsed;
        if (options.TimeLimitSeconds is { } limit)
        {
            // What the build left: the search gets most, the bound less, SCIP (when asked) its share.
            var left = Math.Max(0.05, limit - build.TotalSeconds);
            options = options with
            {
                Solver = options.Solver with
                {
                    SwapSeconds = left * (options.Exact ? 0.3 : 0.6), BoundSeconds = left * (options.Exact ? 0.15 : 0.3), ExactSeconds = left * 0.45,
                },
            };
        }

        var b = before.City;
        int k;
        long? needed = null;
        decimal[]? costs = null;
        switch (goal)
        {
            case OutletSitingGoal.Sites sites:
                k = sites.Count;
                break;
            case OutletSitingGoal.Budget budget:
                costs = [.. candidates.Select((_, j) => options.Candidates == CandidateSource.Uploaded && j < options.UploadedCostsYuan.Count
                    ? options.UploadedCostsYuan[j] ?? budget.SiteCostYuan : budget.SiteCostYuan)];
                if (costs.Distinct().Count() == 1) { k = (int)Math.Min(int.MaxValue, decimal.Floor(budget.Yuan / costs[0])); costs = null; }
                else if (budget.DistrictFloor is not null) throw new ArgumentException("a district floor with sites of different costs is not supported; give sites instead", nameof(options));
                else k = sets.CandidateCount;
                break;
            case OutletSitingGoal.CityShare share:
                needed = Math.Max(0, (long)Math.Ceiling(share.Share * b.Households) - b.CoveredHouseholds);
                k = sets.CandidateCount; // the greedy order is cut where the share is reached
                break;
            default: // a district share: as many as it takes
                k = sets.CandidateCount;
                break;
        }
        k = Math.Min(k, sets.CandidateCount);

        ct.ThrowIfCancellationRequested();
        progress?.Invoke(options.Exact ? "solving (heuristic, then SCIP)" : "solving (heuristic)");
        options = options with { Solver = options.Solver with { Cancellation = ct, BoundBesideSearch = options.MaxThreads != 1 } };
        MclpResult solution;
        int? lowerBound = null;
        var floorsMet = true;
        if (goal.DistrictShareHeld is { } y)
        {
            // Each district must gain what lifts it to the share y (communities outside every district form no group).
            var districtIds = city.Districts.Select(d => d.Id).ToList();
            var group = open.Select(c => c.Community.DistrictId is { } id ? districtIds.IndexOf(id) : -1)
                .Select(g => g < 0 ? districtIds.Count : g).ToArray();
            var need = new long[districtIds.Count + 1];
            foreach (var d in before.Districts)
            {
                var g = districtIds.IndexOf(d.District.Id);
                need[g] = Math.Max(0, (long)Math.Ceiling(y * d.Totals.Households) - d.Totals.CoveredHouseholds);
            }
            var fewest = goal is OutletSitingGoal.DistrictShare;
            var (r, met, lb) = DistrictFloors.Solve(sets, group, need, fewest ? null : k, options.Solver);
            (solution, floorsMet) = (r, met);
            if (fewest) lowerBound = lb;
        }
        else if (costs is not null)
            solution = MclpSolver.Budgeted(sets, costs, ((OutletSitingGoal.Budget)goal).Yuan, options.Solver);
        else if (needed is { } need)
        {
            // Fewest sites: the greedy order cut where the need is met; then a local search with that many sites, kept
            // if it still meets the need (it covers at least as much). No plan of fewer sites than the smallest k whose
            // upper bound reaches the need can meet it.
            var full = MclpSolver.Greedy(sets, k, options.Solver with { SwapSeconds = 0 });
            var take = 0; long sum = 0;
            while (take < full.Gains.Count && sum < need) sum += full.Gains[take++];
            var searched = MclpSolver.Greedy(sets, take, options.Solver);
            solution = searched.Objective >= sum ? searched
                : new MclpResult([.. full.Chosen.Take(take)], [.. full.Gains.Take(take)], sum, searched.UpperBound, full.Method, full.Elapsed, false);
            lowerBound = SitesLowerBound(sets, need, take);
        }
        else
        {
            solution = MclpSolver.Greedy(sets, k, options.Solver);
            if (options.Exact && solution.Gap > 0)
            {
                var exact = MclpExact.Solve(sets, k, options.Solver, solution.Chosen);
                if (exact.Objective >= solution.Objective) solution = exact with { UpperBound = Math.Min(exact.UpperBound, solution.UpperBound) };
            }
        }

        var locator = new DistrictLocator(city.Districts);
        var proposals = new List<SiteProposal>(solution.Chosen.Count);
        long running = b.CoveredHouseholds;
        for (var r = 0; r < solution.Chosen.Count; r++)
        {
            var c = candidates[solution.Chosen[r]];
            running += solution.Gains[r];
            var (district, distance) = locator.IsEmpty ? (null, double.PositiveInfinity) : locator.Locate(new Point(c.Lon, c.Lat));
            var (method, _) = WalkingAccess.Locate(graph, c.Point.X, c.Point.Y, walk.SnapDistanceM);
            proposals.Add(new SiteProposal(r + 1, solution.Chosen[r], c.Lon, c.Lat, c.Label, solution.Gains[r], running,
                b.Households > 0 ? (double)running / b.Households : 0, distance <= Geography.DistrictLocator.ToleranceM ? district : null, method));
        }
        var after = b with { CoveredHouseholds = running, CoveredCommunities = b.CoveredCommunities + CountCovered(sets, solution.Chosen) };
        var reached = floorsMet && (needed is null || running - b.CoveredHouseholds >= needed);
        return new OutletSitingResult(b, after, proposals, solution, sets.CandidateCount, sets.Demands.Length, build, lowerBound, reached);
    }

    /// <summary>
    /// How many candidates a run would have, before making them: exact for communities and uploaded sites, estimated
    /// from the districts' area for a grid (<see cref="DistrictGrid.EstimateCount"/>).
    /// </summary>
    public static (long Count, bool Exact) CandidateCount(CitySnapshot city, OutletSitingOptions options) => options.Candidates switch
    {
        CandidateSource.Communities => (city.Communities.Count, true),
        CandidateSource.Uploaded => (options.UploadedSites.Count, true),
        CandidateSource.WasteSortingPoints => (MergeCandidates(city).Count(), true),
        _ => (DistrictGrid.EstimateCount(city, options.GridSpacingM), false),
    };

    /// <summary>The smallest k whose bound could reach <paramref name="need"/> (binary search; bounds grow with k).</summary>
    private static int SitesLowerBound(CoverageSets sets, long need, int upper)
    {
        int lo = 0, hi = upper;
        var empty = new CoverState(sets);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (MclpSolver.OnlineBound(sets, empty, mid) >= need) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    private static int CountCovered(CoverageSets sets, IEnumerable<int> chosen)
    {
        var seen = new HashSet<int>();
        foreach (var j in chosen) foreach (var i in sets.Covers(j)) seen.Add(i);
        return seen.Count;
    }

    private sealed record Candidate(SitePoint Point, double Lon, double Lat, string? Label);

    /// <summary>The one definition of a merge candidate: an operating waste-sorting point that does not take recyclables yet.</summary>
    public static IEnumerable<WasteSortingPoint> MergeCandidates(CitySnapshot city) =>
        city.OperatingWasteSortingPoints.Where(p => !p.TakesRecyclables).OrderBy(p => p.Id);

    private static List<Candidate> Candidates(CitySnapshot city, LocalProjection projection, OutletSitingOptions options)
    {
        Candidate Of(double lon, double lat, string? label) { var (x, y) = projection.Project(lon, lat); return new(new SitePoint(x, y), lon, lat, label); }
        switch (options.Candidates)
        {
            case CandidateSource.Communities:
                return [.. city.Communities.Select(c => Of(c.Location.X, c.Location.Y, c.Name))];
            case CandidateSource.Uploaded:
                return [.. options.UploadedSites.Select(s => Of(s.Lon, s.Lat, s.Id))];
            case CandidateSource.WasteSortingPoints:
                return [.. MergeCandidates(city).Select(p => Of(p.Location.X, p.Location.Y, p.Name))];
            default:
                if (options.GridSpacingM < 50) throw new ArgumentException("grid spacing must be at least 50 m", nameof(options));
                return [.. DistrictGrid.Points(city, projection, options.GridSpacingM).Select(g => new Candidate(new SitePoint(g.X, g.Y), g.Lon, g.Lat, null))];
        }
    }
}
