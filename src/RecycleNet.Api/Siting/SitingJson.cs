using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Features;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Core.Cities;

namespace RecycleNet.Api.Siting;

/// <summary>
/// Siting results as the store keeps them (<see cref="SitingProposal"/> rows) and as the API writes them: the answer
/// (proposals as a GeoJSON FeatureCollection) and the features of the OGC collection, both from the same rows.
/// </summary>
public static class SitingJson
{
    /// <summary>The OGC collection of the latest plans: proposed outlets and sorting centres, one point each.</summary>
    public static readonly CollectionInfo Collection = new("siting-proposals", "选址建议 Siting proposals",
        "The latest proposals of POST /api/siting/outlets and /api/siting/sorting-centers: where new outlets and sorting centres should go.",
        "point",
        [
            new LayerField("kind", "string", "outlet | sortingCenter | villageOutlet | transferStation | countyCentre"), new LayerField("rank", "integer", "1 = the largest gain"),
            new LayerField("label", "string", "candidate name (community, planner's site), if any"), new LayerField("district", "string", "district"),
            new LayerField("householdsGained", "integer", "outlets: households newly within the walk, given the higher-ranked sites"),
            new LayerField("cumulativeShare", "number", "outlets: city coverage share with this and the higher-ranked sites"),
            new LayerField("estimatedSubsidyYuan", "number", "outlets: the subsidy a new outlet earns under the policy"),
            new LayerField("outlets", "integer", "sorting centres: outlets hauling here"),
            new LayerField("loadTonnesPerDay", "number", "sorting centres: recyclables arriving per day"),
            new LayerField("jobId", "string", "the siting run"),
        ]);

    /// <summary>What an outlet run found, as the store keeps it.</summary>
    /// <param name="costOf">The subsidy a candidate (by index) would earn, or null when the policy sets none.</param>
    public static SitingOutcome Outlets(OutletSitingResult r, decimal? siteCost, Func<long, decimal?> costOf)
    {
        var s = r.Solution;
        var result = new SitingResult
        {
            Method = s.Method, SolverMs = Math.Round(s.Elapsed.TotalMilliseconds), Objective = s.Objective,
            Bound = Math.Round(s.UpperBound, 3), Gap = Math.Round(s.Gap, 6), Optimal = s.Optimal, Candidates = r.CandidateCount,
            Before = Coverage(r.Before), After = Coverage(r.After), GoalReached = r.GoalReached, SitesNeededLowerBound = r.SitesNeededLowerBound,
            CoveragePairs = r.CoveragePairs, BuildMs = Math.Round(r.BuildTime.TotalMilliseconds), SiteCostYuan = siteCost,
        };
        var proposals = r.Proposals.Select(p => new SitingProposal
        {
            Kind = "outlet", Rank = p.Rank, Lon = p.Lon, Lat = p.Lat, Label = p.Label, District = p.District?.Name,
            HouseholdsGained = p.HouseholdsGained, CumulativeShare = Math.Round(p.CumulativeShare, 4), EstimatedSubsidyYuan = costOf(p.CandidateIndex),
        }).ToList();
        return new SitingOutcome(result, proposals, [], []);
    }

    /// <summary>What a sorting-centre run found, as the store keeps it.</summary>
    public static SitingOutcome Centers(CenterSitingResult r)
    {
        var s = r.Solution;
        var result = new SitingResult
        {
            Method = s.Method, SolverMs = Math.Round(s.Elapsed.TotalMilliseconds), Objective = Math.Round(s.CostTonneKm, 3),
            Bound = Math.Round(s.LowerBound, 3), Gap = Math.Round(s.Gap, 6), Optimal = s.Optimal, Candidates = r.CandidateCount,
            OutletsWithinHaulLimitBefore = r.ServedBefore, OutletsWithinHaulLimitAfter = r.ServedAfter,
            TonneKmPerDayBefore = Math.Round(r.CostBeforeTonneKm, 3), TonneKmPerDayAfter = Math.Round(s.CostTonneKm, 3), HaulingOutlets = r.Hauls.Count,
            TonneKmPerDayAfterSameOutlets = Math.Round(r.CostAfterSameOutletsTonneKm, 3),
        };
        var proposals = r.Proposals.Select(p => new SitingProposal
        {
            Kind = "sortingCenter", Rank = p.Rank, Lon = p.Lon, Lat = p.Lat, Label = p.Label, District = p.District?.Name,
            Outlets = p.Outlets, LoadTonnesPerDay = p.LoadTonnesPerDay,
        }).ToList();
        var assignments = r.Hauls.Select(h => new SitingAssignment
        {
            OutletId = h.Outlet.Id, OutletName = h.Outlet.Name, CenterId = h.CenterId, ProposalRank = h.ProposalRank, DistanceM = h.DistanceM,
            VolumeTonnesPerDay = Math.Round(h.VolumeTonnesPerDay, 4), VolumeReported = h.VolumeReported,
        }).ToList();
        var loads = r.Existing.Select(e => new SitingCenterLoad
        {
            CenterId = e.Center.Id, Name = e.Center.Name, Outlets = e.Outlets, LoadTonnesPerDay = e.LoadTonnesPerDay,
            CapacityTonnesPerDay = e.Center.CapacityTonnesPerDay, OverCapacity = e.OverCapacity,
        }).ToList();
        return new SitingOutcome(result, proposals, assignments, loads);
    }

    /// <summary>What a whole-chain run found, as the store keeps it: each tier's proof, the chain's hauls, every proposed site.</summary>
    public static SitingOutcome Chain(ChainPlan plan, CitySnapshot city)
    {
        static SitingTierOutcome? Tier(TierPlan? t) => t is null ? null : new SitingTierOutcome
        {
            Objective = Math.Round(t.Objective, 3), Bound = Math.Round(t.Bound, 3), Gap = Math.Round(t.Gap, 6), Method = t.Method,
            Candidates = t.Candidates, SolverMs = Math.Round(t.Elapsed.TotalMilliseconds),
        };
        var tiers = new[] { plan.VillageOutlets, plan.TransferStations, plan.CountyCentres }.OfType<TierPlan>().ToList();
        var result = new SitingResult
        {
            Method = string.Join("; ", tiers.Select(t => $"{t.Tier}: {t.Method}")), SolverMs = Math.Round(tiers.Sum(t => t.Elapsed.TotalMilliseconds)),
            Objective = Math.Round(plan.TotalHaulTonneKm, 3), Bound = Math.Round(plan.TotalHaulTonneKm, 3), Gap = tiers.Count == 0 ? 0 : tiers.Max(t => Math.Round(t.Gap, 6)),
            Optimal = tiers.All(t => t.Gap <= 0), Candidates = tiers.Sum(t => t.Candidates),
            VillageTier = Tier(plan.VillageOutlets), StationTier = Tier(plan.TransferStations), CentreTier = Tier(plan.CountyCentres),
            VillageHaulTonneKm = Math.Round(plan.VillageHaulTonneKm, 3), StationHaulTonneKm = Math.Round(plan.StationHaulTonneKm, 3),
            VillagesWithoutStation = plan.VillagesWithoutStation, StationsWithoutCentre = plan.StationsWithoutCentre,
        };
        var districts = city.Districts.ToDictionary(d => d.Id, d => d.Name);
        var countyOf = city.Villages.ToDictionary(v => v.Id, v => v.DistrictId is { } d ? districts.GetValueOrDefault(d) : null);
        SitingProposal Proposal(string kind, TierSite s) => new()
        {
            Kind = kind, Rank = s.Rank, Lon = s.Lon, Lat = s.Lat, Label = s.Label, District = s.VillageId is { } v ? countyOf.GetValueOrDefault(v) : null,
            HouseholdsGained = kind == "villageOutlet" ? (long)s.Value : null, LoadTonnesPerDay = kind == "villageOutlet" ? null : s.Value,
        };
        var proposals = (plan.VillageOutlets?.Sites.Select(s => Proposal("villageOutlet", s)) ?? [])
            .Concat(plan.TransferStations?.Sites.Select(s => Proposal("transferStation", s)) ?? [])
            .Concat(plan.CountyCentres?.Sites.Select(s => Proposal("countyCentre", s)) ?? []).ToList();
        return new SitingOutcome(result, proposals, [], []);
    }

    /// <summary>A done run's answer as the API writes it, from what the store keeps: the only place it becomes JSON.</summary>
    public static SitingResultAnswer Answer(string kind, SitingOutcome o)
    {
        var r = o.Result;
        var solver = new SolverAnswer(r.Method, r.SolverMs, r.Objective, r.Bound, r.Gap, r.Optimal);
        TierSolverAnswer? Tier(SitingTierOutcome? t, string unit) => t is null ? null
            : new(t.Objective, unit, t.Bound, t.Gap, t.Method, t.Candidates, t.SolverMs);
        if (kind == SitingRequest.Tiers)
            return new ChainSitingAnswer(
                // The chain's objective is its total haul; no single bound proves it (the village tier maximises households,
                // the other two minimise tonne·km), so the proof is each tier's, under tiers, and the chain claims none.
                new ChainSolverAnswer(r.Method, r.SolverMs, r.Objective, "tonne·km/day (village → station → county centre)", null, null, r.Optimal,
                    "each tier's own objective, bound and gap are under tiers; the chain's optimal is true when every tier's is",
                    "各级的目标值、界和最优性差距分别见 tiers；仅当每一级都已证明最优时整条体系才为最优"),
                new ChainTiersAnswer(Tier(r.VillageTier, "households newly served"), Tier(r.StationTier, "tonne·km/day village → station"),
                    Tier(r.CentreTier, "tonne·km/day station → county centre")),
                new ChainHaulAnswer(r.VillageHaulTonneKm, r.StationHaulTonneKm, r.Objective, r.VillagesWithoutStation, r.StationsWithoutCentre),
                FeatureCollection(o.Proposals));
        if (kind == SitingRequest.Outlets)
            return new OutletSitingAnswer(solver, Totals(r.Before), Totals(r.After), r.GoalReached ?? false, r.SitesNeededLowerBound, r.Candidates,
                r.CoveragePairs ?? 0, r.BuildMs ?? 0, r.SiteCostYuan,
                r.SiteCostYuan is null ? null : o.Proposals.Sum(p => p.EstimatedSubsidyYuan ?? 0),
                FeatureCollection(o.Proposals));
        return new CenterSitingAnswer(solver,
            new HaulBeforeAnswer(r.OutletsWithinHaulLimitBefore, r.TonneKmPerDayBefore),
            // sameOutlets: over the same outlets as before (null for a run stored before this figure was kept).
            new HaulAfterAnswer(r.OutletsWithinHaulLimitAfter, r.TonneKmPerDayAfter, r.TonneKmPerDayAfterSameOutlets),
            "before: the outlets within the haul limit of an operating centre today, each to its nearest; after.sameOutletsTonneKmPerDay: "
                + "those same outlets after the new centres open (the saving); after.tonneKmPerDay: every outlet within the limit after, "
                + "including those the new centres bring within it, so it can exceed before",
            "before：当前在运营分拣中心运距限值内的网点，各按最近中心计；after.sameOutletsTonneKmPerDay：同一批网点在新中心建成后的运输量（即节省）；"
                + "after.tonneKmPerDay：建成后运距限值内的全部网点，含新中心新纳入的网点，故可能高于 before",
            r.HaulingOutlets, r.Candidates, FeatureCollection(o.Proposals),
            [.. o.Loads.Select(e => new CentreLoadAnswer(e.CenterId, e.Name, e.Outlets, e.LoadTonnesPerDay, e.CapacityTonnesPerDay, e.OverCapacity))],
            [.. o.Assignments.Select(h => new HaulAssignmentAnswer(h.OutletId, h.OutletName, h.CenterId, h.ProposalRank, h.DistanceM, h.VolumeTonnesPerDay,
                h.DistanceM is not null, h.VolumeReported ? "reported" : "assumed"))],
            "each outlet's tonnes per day: its reported tonnage of the last twelve months where it reports one (volumeBasis reported), else covered households × kgPerHouseholdPerDay (assumed)",
            "各网点每日吨数：有上报的按近十二个月上报吨数（reported），否则按已覆盖户数 × 每户每日千克数（assumed）",
            o.Assignments.Count(h => h.VolumeReported));
    }

    private static SitingCoverage Coverage(CoverageTotals t) => new()
    {
        Households = t.Households, CoveredHouseholds = t.CoveredHouseholds, Communities = t.Communities, CoveredCommunities = t.CoveredCommunities,
        Share = Math.Round(t.Share, 4),
    };

    /// <summary>A stored proposal as a feature of <see cref="Collection"/>: the one mapping, for the OGC collection and the answers.</summary>
    public static FeatureRecord Feature(SitingProposal p) => new(p.Kind switch
        {
            "outlet" => p.Rank, "sortingCenter" => 100_000 + p.Rank, "villageOutlet" => 200_000 + p.Rank, "transferStation" => 300_000 + p.Rank, _ => 400_000 + p.Rank,
        }, new Point(p.Lon, p.Lat),
    [
        P("kind", p.Kind), P("rank", (long)p.Rank), P("label", p.Label), P("district", p.District),
        P("householdsGained", p.HouseholdsGained), P("cumulativeShare", p.CumulativeShare), P("estimatedSubsidyYuan", p.EstimatedSubsidyYuan),
        P("outlets", p.Outlets is { } n ? (long)n : null), P("loadTonnesPerDay", p.LoadTonnesPerDay), P("jobId", p.RunId.ToString()),
    ]);

    private static SitingTotalsAnswer? Totals(SitingCoverage? t) => t is null ? null
        : new(t.Households, t.CoveredHouseholds, t.Communities, t.CoveredCommunities, t.Share);

    private static ProposalsAnswer FeatureCollection(IEnumerable<SitingProposal> proposals) => new("FeatureCollection",
        [.. proposals.Select(Feature).Select(f => new ProposalFeatureAnswer("Feature", f.Id,
            new PointGeometryAnswer("Point", [Math.Round(f.Geometry.Coordinate.X, 7), Math.Round(f.Geometry.Coordinate.Y, 7)]),
            f.Properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value)))]);

    private static KeyValuePair<string, object?> P(string k, object? v) => new(k, v);
}
