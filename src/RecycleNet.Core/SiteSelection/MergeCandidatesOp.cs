using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Coverage;

namespace RecycleNet.Core.SiteSelection;

/// <summary>What one waste-sorting point would bring into reach if it also took recyclables.</summary>
public sealed record MergeCandidate(WasteSortingPoint Point, GainTotals Communities, int Villages, long VillageResidents, long VillageHouseholds)
{
    /// <summary>Households gained in all: communities newly within the walk plus villages newly served.</summary>
    public long Households => Communities.Households + VillageHouseholds;
}

/// <summary>The ranking and the merged-point metric of 两网融合.</summary>
public sealed record MergeReport(int Points, int Merged, IReadOnlyList<MergeCandidate> Candidates)
{
    /// <summary>Share of operating waste-sorting points that take recyclables.</summary>
    public double? MergedShare => Points > 0 ? Math.Round((double)Merged / Points, 4) : null;
}

/// <summary>
/// 两网融合 — merging recycling outlets with household-waste sorting points (Anqiu's and Binzhou's plans): ranks the
/// operating points that do not take recyclables yet (<see cref="OutletSiting.MergeCandidates"/>) by the households
/// they would bring into reach on their own, against today's network: communities uncovered today that would come
/// within the walk (<see cref="CoverageGainOp"/>, the coverage rules), and villages unserved today that would lie within
/// the village-outlet distance by road (<see cref="TierCoverageOp"/>, the tier rules; none where the policy has no tier
/// rules). Ties go to the lower id. Cost: one coverage-gain run + one road search per candidate, bounded by the distance.
/// </summary>
public static class MergeCandidatesOp
{
    public static MergeReport Rank(CitySnapshot city, WalkingGraph? graph, CoverageOptions coverage, TierReport? tiers, IRoadDistances roads)
    {
        var candidates = OutletSiting.MergeCandidates(city).ToList();
        var operating = city.OperatingWasteSortingPoints.Count();
        var merged = operating - candidates.Count;
        if (candidates.Count == 0) return new MergeReport(operating, merged, []);
        var gain = CoverageGainOp.Measure(city, graph, [.. candidates.Select(p => new PlannedSite(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            p.Location.X, p.Location.Y))], coverage);
        var unserved = tiers?.Villages.Where(v => !v.Served).Select(v => v.Village).ToList() ?? [];
        var reachM = tiers is null ? 0 : (double)tiers.Rules.VillageOutletKm.Value * 1000;
        var reached = unserved.Count == 0 ? null : roads.Within([.. unserved.Select(v => v.Location)], [.. candidates.Select(p => p.Location)], RoadMetric.Distance, reachM);
        var ranked = candidates.Select((p, k) =>
        {
            var villages = reached is null ? [] : reached[k].Select(l => unserved[l.Target]).ToList();
            return new MergeCandidate(p, gain.Sites[k].Gained, villages.Count, villages.Sum(v => (long)v.Population), villages.Sum(v => (long)v.Households));
        }).OrderByDescending(c => c.Households).ThenBy(c => c.Point.Id).ToList();
        return new MergeReport(operating, merged, ranked);
    }
}
