using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.SiteSelection;

/// <summary>Options of a sorting-centre siting run (distances are straight line × haul circuity: trucks use roads).</summary>
public sealed record CenterSitingOptions
{
    /// <summary>Centres to add.</summary>
    public int Centers { get; init; } = 1;

    /// <summary>Candidates: a grid over the districts this far apart (metres), unless sites are uploaded.</summary>
    public double GridSpacingM { get; init; } = 2_000;

    public IReadOnlyList<PlannedSite> UploadedSites { get; init; } = [];

    public double HaulCircuity { get; init; } = HaulAssumptions.Circuity;
    public double HaulLimitM { get; init; } = HaulAssumptions.LimitM;
    public double KgPerHouseholdPerDay { get; init; } = HaulAssumptions.KgPerHouseholdPerDay;

    /// <summary>The outlets' reported tonnages (last twelve months): an outlet that reports is weighted by them, the others by households × kg.</summary>
    public Volumes.ReportedTonnage Reported { get; init; } = Volumes.ReportedTonnage.None;

    /// <summary>Capacity of a new centre, tonnes/day; with it, existing centres keep their own (unknown = unlimited).</summary>
    public double? CapacityTonnesPerDay { get; init; }

    /// <summary>Seconds SCIP may use to prove or improve the plan (0: heuristic only, unless capacities force the model).</summary>
    public double ExactSeconds { get; init; }

    public CoverageOptions Coverage { get; init; } = new();

    /// <summary>Wall-clock limit of the whole run, seconds: what the set-up leaves goes to the search and its bound (and SCIP). Null: 5 s of search.</summary>
    public double? TimeLimitSeconds { get; init; }
}

public sealed record CenterProposal(int Rank, double Lon, double Lat, string? Label, District? District, int Outlets, double LoadTonnesPerDay);

/// <summary>An outlet's haul: to an existing centre (by id) or a proposed one (by rank); both null when beyond the limit.</summary>
public sealed record OutletHaul(Outlet Outlet, long? CenterId, int? ProposalRank, double? DistanceM, double VolumeTonnesPerDay)
{
    /// <summary>The volume is the outlet's reported tonnage, not the households assumption.</summary>
    public bool VolumeReported { get; init; }
}

public sealed record ExistingCenterLoad(SortingCenter Center, int Outlets, double LoadTonnesPerDay, bool OverCapacity);

/// <param name="CostBeforeTonneKm">Today's haul, tonne·km/day, of the <paramref name="ServedBefore"/> outlets within reach of a centre.</param>
/// <param name="CostAfterSameOutletsTonneKm">The haul after, tonne·km/day, of those same outlets: before and after over one set.</param>
public sealed record CenterSitingResult(IReadOnlyList<CenterProposal> Proposals, IReadOnlyList<OutletHaul> Hauls,
    IReadOnlyList<ExistingCenterLoad> Existing, PMedianResult Solution, double CostBeforeTonneKm, int ServedBefore, int ServedAfter,
    int CandidateCount, double CostAfterSameOutletsTonneKm);

/// <summary>
/// Where the next sorting centres should go: operating outlets weighted by what they collect (households served ×
/// kg per household per day), operating centres kept, candidates from a district grid or the planner's list,
/// solved as a p-median (<see cref="PMedian"/>). Reports each outlet's assignment, each centre's load, and the haul
/// before and after in tonne·km per day.
/// </summary>
public static class CenterSiting
{
    /// <param name="roads">Haul distances: the drivable network when one is loaded; null: straight line × <see cref="CenterSitingOptions.HaulCircuity"/>.</param>
    public static CenterSitingResult Plan(CitySnapshot city, WalkingGraph? graph, CenterSitingOptions options, CancellationToken ct = default,
        IRoadDistances? roads = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Centers);
        var coverage = CoverageScorer.Score(city, graph, options.Coverage);
        var served = coverage.HouseholdsServed();
        var projection = graph?.Projection ?? LocalProjection.ForArea(city.CentreLongitude());
        var outlets = city.Outlets.Where(o => o.Status == FacilityStatus.Operating).OrderBy(o => o.Id).ToList();
        var existing = city.SortingCenters.Where(c => c.Status == FacilityStatus.Operating).OrderBy(c => c.Id).ToList();
        var candidates = Candidates(city, projection, options);
        var weights = outlets.Select(o => options.Reported.Outlet(o.Id, served.GetValueOrDefault(o.Id), options.KgPerHouseholdPerDay)).ToArray();
        var volumes = weights.Select(w => w.TonnesPerDay).ToArray();
        // Each outlet's facilities within the haul limit by road: one bounded search per facility on the network, or the
        // straight line × circuity (the same StraightLineRoads the scorecard's hauls use).
        roads ??= new StraightLineRoads(projection, new RoadFallbackOptions { Circuity = options.HaulCircuity });
        Point[] facilityPoints = [.. existing.Select(c => c.Location), .. candidates.Select(c => new Point(c.Lon, c.Lat))];
        var byFacility = roads.Within([.. outlets.Select(o => o.Location)], facilityPoints, RoadMetric.Distance, options.HaulLimitM);
        var lists = outlets.Select(_ => new List<(int, double)>()).ToArray();
        for (var f = 0; f < byFacility.Length; f++)
            foreach (var leg in byFacility[f]) lists[leg.Target].Add((f, leg.Metres));
        var links = lists.Select(l => (IReadOnlyList<(int, double)>)l).ToArray();
        double?[] capacities = options.CapacityTonnesPerDay is { } cap
            ? [.. existing.Select(c => c.CapacityTonnesPerDay), .. candidates.Select(_ => (double?)cap)]
            : new double?[facilityPoints.Length];
        var problem = new PMedianProblem(volumes, links, existing.Count, candidates.Count, capacities);
        // Today: each outlet to its nearest operating centre within the limit.
        var nearestToday = links.Select(l => l.Where(x => x.Item1 < existing.Count).Select(x => x.Item2).DefaultIfEmpty(double.NaN).Min()).ToArray();
        var before = nearestToday.Select((d, i) => double.IsNaN(d) ? 0 : volumes[i] * d / 1000).Sum();
        var servedBefore = nearestToday.Count(d => !double.IsNaN(d));
        ct.ThrowIfCancellationRequested();
        var (exact, search) = (options.ExactSeconds, 5.0);
        if (options.TimeLimitSeconds is { } limit)
        {
            // The search and its LP bound share what the set-up left; SCIP, when it runs, gets the larger part.
            var left = Math.Max(0.1, limit - watch.Elapsed.TotalSeconds);
            (exact, search) = exact > 0 || options.CapacityTonnesPerDay is not null ? (left * 0.7, left * 0.2) : (0, left * 0.45);
        }
        var solution = PMedian.Solve(problem, options.Centers, exact, search);

        var locator = new DistrictLocator(city.Districts);
        var rankOf = solution.Opened.Select((c, r) => (c, r)).ToDictionary(t => existing.Count + t.c, t => t.r + 1);
        var proposals = solution.Opened.Select((c, r) =>
        {
            var site = candidates[c];
            var f = existing.Count + c;
            var (district, distance) = locator.IsEmpty ? (null, double.PositiveInfinity) : locator.Locate(new Point(site.Lon, site.Lat));
            return new CenterProposal(r + 1, site.Lon, site.Lat, site.Label, distance <= Geography.DistrictLocator.ToleranceM ? district : null,
                solution.Assignment.Count(a => a == f), Math.Round(solution.Loads[f], 3));
        }).ToList();
        var hauls = outlets.Select((o, i) =>
        {
            var f = solution.Assignment[i];
            double? d = f < 0 ? null : Math.Round(links[i].First(l => l.Item1 == f).Item2, 1);
            return new OutletHaul(o, f >= 0 && f < existing.Count ? existing[f].Id : null, f >= existing.Count ? rankOf[f] : null, d, volumes[i])
            {
                VolumeReported = weights[i].Reported,
            };
        }).ToList();
        var loads = existing.Select((c, f) => new ExistingCenterLoad(c, solution.Assignment.Count(a => a == f), Math.Round(solution.Loads[f], 3),
            c.CapacityTonnesPerDay is { } k && solution.Loads[f] > k)).ToList();
        // The saving: the outlets within reach before, hauled after (an outlet a capacity pushed out of every centre's
        // reach counts at its old haul, so the figure never flatters the plan).
        var afterSame = Enumerable.Range(0, outlets.Count).Where(i => !double.IsNaN(nearestToday[i]))
            .Sum(i => volumes[i] * (hauls[i].DistanceM ?? nearestToday[i]) / 1000);
        return new CenterSitingResult(proposals, hauls, loads, solution, before, servedBefore, solution.Assignment.Count(a => a >= 0), candidates.Count,
            afterSame);
    }

    private sealed record Site(double X, double Y, double Lon, double Lat, string? Label);

    private static List<Site> Candidates(CitySnapshot city, LocalProjection projection, CenterSitingOptions options)
    {
        if (options.UploadedSites.Count > 0)
            return [.. options.UploadedSites.Select(s => { var (x, y) = projection.Project(s.Lon, s.Lat); return new Site(x, y, s.Lon, s.Lat, s.Id); })];
        if (options.GridSpacingM < 200) throw new ArgumentException("the centre grid spacing must be at least 200 m", nameof(options));
        return [.. DistrictGrid.Points(city, projection, options.GridSpacingM).Select(g => new Site(g.X, g.Y, g.Lon, g.Lat, null))];
    }
}
