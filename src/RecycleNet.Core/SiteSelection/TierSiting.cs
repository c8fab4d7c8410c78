using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.SiteSelection;

/// <summary>What to propose for each tier of a county network, with units. A count of 0 skips the tier.</summary>
public sealed record TierSitingOptions
{
    /// <summary>New village outlets (maximal covering of the villages unserved today).</summary>
    public int VillageOutlets { get; init; } = 10;

    /// <summary>New transfer stations (p-median over village volumes; at most one per township, none where one operates).</summary>
    public int TransferStations { get; init; } = 3;

    /// <summary>New county sorting centres (capacitated, single-sourcing p-median over the stations' volumes).</summary>
    public int CountyCentres { get; init; } = 1;

    /// <summary>Capacity of a new county centre, t/day; existing centres keep their own (none: unlimited).</summary>
    public double CountyCentreCapacityTonnesPerDay { get; init; } = 150;

    /// <summary>Recyclables per household per day, kg: the same assumption as the urban centre loads.</summary>
    public double KgPerHouseholdPerDay { get; init; } = HaulAssumptions.KgPerHouseholdPerDay;

    /// <summary>Longest village → station haul a station may serve, metres by road.</summary>
    public double StationHaulLimitM { get; init; } = 30_000;

    /// <summary>Longest station → county centre haul, metres by road.</summary>
    public double CentreHaulLimitM { get; init; } = 100_000;

    /// <summary>Wall-clock budget of the whole chain, seconds (shared by the tiers in proportion to their size).</summary>
    public double TimeLimitSeconds { get; init; } = 10;
}

/// <summary>One proposed site of a tier: where, what it stands on (village, township) and its gain or load.</summary>
public sealed record TierSite(int Rank, double Lon, double Lat, string Label, long? VillageId, long? TownshipId, double Value);

/// <summary>One tier's plan with its proof: objective, bound, gap, method.</summary>
public sealed record TierPlan(string Tier, IReadOnlyList<TierSite> Sites, double Objective, double Bound, double Gap, string Method,
    string ObjectiveUnit, int Candidates, TimeSpan Elapsed);

/// <summary>The whole chain: village outlets, then transfer stations, then county centres, and the hauls of the result.</summary>
public sealed record ChainPlan(TierPlan? VillageOutlets, TierPlan? TransferStations, TierPlan? CountyCentres,
    double VillageHaulTonneKm, double StationHaulTonneKm, int VillagesWithoutStation, int StationsWithoutCentre, string RoadMethod)
{
    /// <summary>Tonne·km per day hauled village → station → county centre by the plan.</summary>
    public double TotalHaulTonneKm => VillageHaulTonneKm + StationHaulTonneKm;
}

/// <summary>
/// Siting for the three tiers of a county network, in order, each with a proven bound (Binzhou's 县域分拣中心、乡镇中转站和村级回收网点):
/// <list type="number">
/// <item>village outlets — maximal covering of the villages unserved today (weights: households), a village covered when
/// the candidate lies within the tier rule's km by road; candidates are the villages themselves (an outlet at the village)
/// — <see cref="MclpSolver"/> with its online and Lagrangian bounds;</item>
/// <item>transfer stations — p-median of village volumes (households × kg) over road distance, existing operating stations
/// open, one candidate per township that has none: its most populous village — <see cref="PMedian"/> with its LP bound;</item>
/// <item>county sorting centres — capacitated single-sourcing p-median of the stations' volumes (existing and new),
/// existing county centres open, candidates the townships' most populous villages — SCIP with the heuristic as hint.</item>
/// </list>
/// The whole chain reports the haul of the result: each village to its nearest station, each station to its centre.
/// </summary>
public static class TierSiting
{
    public static ChainPlan Plan(CitySnapshot city, TierRules rules, IRoadDistances roads, TierSitingOptions options, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var seconds = Math.Max(1, options.TimeLimitSeconds);
        var villages = city.Villages.OrderBy(v => v.Id).ToList();
        var volumes = villages.Select(v => v.Households * options.KgPerHouseholdPerDay / 1000).ToArray();
        var villagePoints = villages.Select(v => v.Location).ToArray();

        var outlets = options.VillageOutlets > 0 ? VillageOutlets(city, rules, roads, options.VillageOutlets, seconds * 0.3, ct) : null;
        ct.ThrowIfCancellationRequested();

        // Stations: existing operating ones open; a candidate in each township without one.
        var existing = city.TransferStations.Where(s => s.Status == FacilityStatus.Operating).OrderBy(s => s.Id).ToList();
        var hosts = Hosts(city, villages, skip: existing.Select(s => s.TownshipId).ToHashSet());
        Point[] facilityPoints = [.. existing.Select(s => s.Location), .. hosts.Select(h => h.Location)];
        var stationLinks = Links(roads.Within(villagePoints, facilityPoints, RoadMetric.Distance, options.StationHaulLimitM), villages.Count);
        var stationProblem = new PMedianProblem(volumes, stationLinks, existing.Count, hosts.Count, new double?[facilityPoints.Length]);
        var stationSolution = options.TransferStations > 0 || existing.Count > 0
            ? PMedian.Solve(stationProblem, Math.Min(options.TransferStations, hosts.Count), 0, seconds * 0.25) : null;
        TierPlan? stations = null;
        if (options.TransferStations > 0 && stationSolution is not null)
            stations = new TierPlan("transferStations", [.. stationSolution.Opened.Select((c, r) => Site(r + 1, hosts[c], stationSolution.Loads[existing.Count + c]))],
                stationSolution.CostTonneKm, stationSolution.LowerBound, stationSolution.Gap, stationSolution.Method, "tonne·km/day", hosts.Count,
                stationSolution.Elapsed);
        ct.ThrowIfCancellationRequested();

        // Each station's volume: the villages the plan assigns to it.
        var openStations = new List<(Point At, double Volume, string Label)>();
        if (stationSolution is not null)
        {
            for (var f = 0; f < existing.Count; f++) openStations.Add((existing[f].Location, stationSolution.Loads[f], existing[f].Name));
            foreach (var c in stationSolution.Opened) openStations.Add((hosts[c].Location, stationSolution.Loads[existing.Count + c], hosts[c].Name));
        }
        var centres = city.SortingCenters.Where(c => c.Status == FacilityStatus.Operating && c.Tier == CenterTier.County).OrderBy(c => c.Id).ToList();
        var centreHosts = Hosts(city, villages, skip: []);
        Point[] centrePoints = [.. centres.Select(c => c.Location), .. centreHosts.Select(h => h.Location)];
        var centreLinks = Links(roads.Within([.. openStations.Select(s => s.At)], centrePoints, RoadMetric.Distance, options.CentreHaulLimitM), openStations.Count);
        double?[] capacities = [.. centres.Select(c => c.CapacityTonnesPerDay), .. centreHosts.Select(_ => (double?)options.CountyCentreCapacityTonnesPerDay)];
        var centreProblem = new PMedianProblem([.. openStations.Select(s => s.Volume)], centreLinks, centres.Count, centreHosts.Count, capacities);
        PMedianResult? centreSolution = null;
        if (openStations.Count > 0 && (options.CountyCentres > 0 || centres.Count > 0))
        {
            try { centreSolution = PMedian.Solve(centreProblem, Math.Min(options.CountyCentres, centreHosts.Count), seconds * 0.3, seconds * 0.1); }
            catch (InvalidOperationException) { centreSolution = null; } // no plan fits the capacities: reported as stations without a centre
        }
        TierPlan? county = options.CountyCentres > 0 && centreSolution is not null
            ? new TierPlan("countyCentres", [.. centreSolution.Opened.Select((c, r) => Site(r + 1, centreHosts[c], centreSolution.Loads[centres.Count + c]))],
                centreSolution.CostTonneKm, centreSolution.LowerBound, centreSolution.Gap, centreSolution.Method, "tonne·km/day", centreHosts.Count,
                centreSolution.Elapsed)
            : null;
        return new ChainPlan(outlets, stations, county, stationSolution?.CostTonneKm ?? 0, centreSolution?.CostTonneKm ?? 0,
            stationSolution?.Assignment.Count(a => a < 0) ?? villages.Count, centreSolution?.Assignment.Count(a => a < 0) ?? openStations.Count, roads.Method);
    }

    /// <summary>Village outlets: maximal covering of today's unserved villages, candidates at the villages.</summary>
    public static TierPlan VillageOutlets(CitySnapshot city, TierRules rules, IRoadDistances roads, int k, double seconds, CancellationToken ct = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var today = TierCoverageOp.Measure(city, rules, roads);
        var unserved = today.Villages.Where(v => !v.Served).Select(v => v.Village).ToList();
        var candidates = city.Villages.OrderBy(v => v.Id).ToList();
        var reach = (double)rules.VillageOutletKm.Value * 1000;
        // An outlet at candidate j covers the unserved villages that can drive to it within the rule's distance.
        var pairs = roads.Within([.. unserved.Select(v => v.Location)], [.. candidates.Select(c => c.Location)], RoadMetric.Distance, reach);
        var sets = CoverageSets.FromLists([.. unserved.Select(v => (long)v.Households)], [.. pairs.Select(p => (IReadOnlyCollection<int>)p.Select(l => l.Target).ToList())]);
        var result = MclpSolver.Greedy(sets, k, new MclpOptions { SwapSeconds = seconds * 0.6, BoundSeconds = seconds * 0.3, Cancellation = ct });
        var sites = result.Chosen.Select((j, r) => Site(r + 1, candidates[j], result.Gains[r])).ToList();
        return new TierPlan("villageOutlets", sites, result.Objective, result.UpperBound, result.Gap, result.Method, "households", candidates.Count, watch.Elapsed);
    }

    /// <summary>The most populous village of each township not in <paramref name="skip"/>: a site on a road, among the people it serves.</summary>
    private static List<Village> Hosts(CitySnapshot city, List<Village> villages, HashSet<long> skip) =>
        [.. villages.Where(v => v.TownshipId is { } t && !skip.Contains(t)).GroupBy(v => v.TownshipId!.Value).OrderBy(g => g.Key)
            .Select(g => g.OrderByDescending(v => v.Population).ThenBy(v => v.Id).First())];

    private static IReadOnlyList<(int Facility, double DistanceM)>[] Links(List<RoadLeg>[] byFacility, int origins)
    {
        var links = new List<(int, double)>[origins];
        for (var i = 0; i < origins; i++) links[i] = [];
        for (var f = 0; f < byFacility.Length; f++)
            foreach (var leg in byFacility[f]) links[leg.Target].Add((f, leg.Metres));
        return links;
    }

    private static TierSite Site(int rank, Village at, double value) =>
        new(rank, at.Location.X, at.Location.Y, at.Name, at.Id, at.TownshipId, Math.Round(value, 3));
}
