using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Features;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.SiteSelection;

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
            new LayerField("kind", "string", "outlet | sortingCenter"), new LayerField("rank", "integer", "1 = the largest gain"),
            new LayerField("label", "string", "candidate name (community, planner's site), if any"), new LayerField("district", "string", "district"),
            new LayerField("householdsGained", "integer", "outlets: households newly within the walk, given the higher-ranked sites"),
            new LayerField("cumulativeShare", "number", "outlets: city coverage share with this and the higher-ranked sites"),
            new LayerField("estimatedSubsidyYuan", "number", "outlets: the subsidy a new outlet earns under the policy"),
            new LayerField("outlets", "integer", "sorting centres: outlets hauling here"),
            new LayerField("loadTonnesPerDay", "number", "sorting centres: recyclables arriving per day"),
            new LayerField("jobId", "string", "the siting run"),
        ]);

    /// <param name="costOf">The subsidy a candidate (by index) would earn, or null when the policy sets none.</param>
    public static SitingOutcome Outlets(Guid job, OutletSitingResult r, decimal? siteCost, Func<long, decimal?> costOf)
    {
        var proposals = r.Proposals.Select(p => new SitingProposal
        {
            RunId = job, Kind = "outlet", Rank = p.Rank, Lon = p.Lon, Lat = p.Lat, Label = p.Label, District = p.District?.Name,
            HouseholdsGained = p.HouseholdsGained, CumulativeShare = Math.Round(p.CumulativeShare, 4), EstimatedSubsidyYuan = costOf(p.CandidateIndex),
        }).ToList();
        var answer = new
        {
            solver = Solver(r.Solution.Method, r.Solution.Elapsed, r.Solution.Objective, r.Solution.UpperBound, r.Solution.Gap, r.Solution.Optimal),
            before = Totals(r.Before),
            after = Totals(r.After),
            goalReached = r.GoalReached,
            sitesNeededLowerBound = r.SitesNeededLowerBound,
            candidates = r.CandidateCount,
            coveragePairs = r.CoveragePairs,
            buildMs = Math.Round(r.BuildTime.TotalMilliseconds),
            siteCostYuan = siteCost,
            totalSubsidyYuan = siteCost is null ? (decimal?)null : proposals.Sum(p => p.EstimatedSubsidyYuan ?? 0),
            proposals = FeatureCollection(proposals),
        };
        return new SitingOutcome(answer, proposals);
    }

    public static SitingOutcome Centers(Guid job, CenterSitingResult r)
    {
        var proposals = r.Proposals.Select(p => new SitingProposal
        {
            RunId = job, Kind = "sortingCenter", Rank = p.Rank, Lon = p.Lon, Lat = p.Lat, Label = p.Label, District = p.District?.Name,
            Outlets = p.Outlets, LoadTonnesPerDay = p.LoadTonnesPerDay,
        }).ToList();
        var s = r.Solution;
        var answer = new
        {
            solver = Solver(s.Method, s.Elapsed, s.CostTonneKm, s.LowerBound, s.Gap, s.Optimal),
            before = new { outletsWithinHaulLimit = r.ServedBefore, tonneKmPerDay = Math.Round(r.CostBeforeTonneKm, 3) },
            after = new { outletsWithinHaulLimit = r.ServedAfter, tonneKmPerDay = Math.Round(s.CostTonneKm, 3) },
            outlets = r.Hauls.Count,
            candidates = r.CandidateCount,
            proposals = FeatureCollection(proposals),
            existing = r.Existing.Select(e => new { centerId = e.Center.Id, e.Center.Name, e.Outlets, e.LoadTonnesPerDay, capacityTonnesPerDay = e.Center.CapacityTonnesPerDay, e.OverCapacity }),
            assignments = r.Hauls.Select(h => new
            {
                outletId = h.Outlet.Id, outletName = h.Outlet.Name, centerId = h.CenterId, proposalRank = h.ProposalRank,
                distanceM = h.DistanceM, volumeTonnesPerDay = Math.Round(h.VolumeTonnesPerDay, 4), withinLimit = h.DistanceM is not null,
            }),
        };
        return new SitingOutcome(answer, proposals);
    }

    /// <summary>A stored proposal as a feature of <see cref="Collection"/>: the one mapping, for the OGC collection and the answers.</summary>
    public static FeatureRecord Feature(SitingProposal p) => new(p.Kind == "outlet" ? p.Rank : 100_000 + p.Rank, new Point(p.Lon, p.Lat),
    [
        P("kind", p.Kind), P("rank", (long)p.Rank), P("label", p.Label), P("district", p.District),
        P("householdsGained", p.HouseholdsGained), P("cumulativeShare", p.CumulativeShare), P("estimatedSubsidyYuan", p.EstimatedSubsidyYuan),
        P("outlets", p.Outlets is { } n ? (long)n : null), P("loadTonnesPerDay", p.LoadTonnesPerDay), P("jobId", p.RunId.ToString()),
    ]);

    private static object Solver(string method, TimeSpan elapsed, double objective, double bound, double gap, bool optimal) => new
    {
        method, elapsedMs = Math.Round(elapsed.TotalMilliseconds), objective = Math.Round(objective, 3), bound = Math.Round(bound, 3),
        gap = Math.Round(gap, 6), optimal,
    };

    private static object Totals(CoverageTotals t) => new { t.Households, t.CoveredHouseholds, t.Communities, t.CoveredCommunities, share = Math.Round(t.Share, 4) };

    private static object FeatureCollection(IEnumerable<SitingProposal> proposals) => new
    {
        type = "FeatureCollection",
        features = proposals.Select(Feature).Select(f => new
        {
            type = "Feature", id = f.Id,
            geometry = new { type = "Point", coordinates = new[] { Math.Round(f.Geometry.Coordinate.X, 7), Math.Round(f.Geometry.Coordinate.Y, 7) } },
            properties = f.Properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
        }),
    };

    private static KeyValuePair<string, object?> P(string k, object? v) => new(k, v);
}

/// <summary>What a siting run gives: its answer as the API writes it, and its proposals as the store keeps them.</summary>
public sealed record SitingOutcome(object Answer, IReadOnlyList<SitingProposal> Proposals);
