using System.ComponentModel;
using RecycleNet.Api.Http;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Network;
using RecycleNet.Core.SiteSelection;

namespace RecycleNet.Api.Coverage;

[Description("A waste-sorting point that does not take recyclables yet, and what it would bring into reach if it did.")]
public sealed record MergeCandidateAnswer(long Id, string Name, [property: Description("station, room, box …: the point's kind")] string Kind,
    double Lon, double Lat, long? CommunityId, long? VillageId,
    [property: Description("communityHouseholds + villageHouseholds")] long HouseholdsGained, int Communities, long CommunityHouseholds,
    int Villages, long VillageResidents, long VillageHouseholds);

[Description("两网融合: operating waste-sorting points, how many take recyclables, and the others ranked by households gained.")]
public sealed record MergeAnswer(int Points, int Merged, double? Share, int CandidateCount, WalkAnswer Walking,
    [property: Description("The village-outlet distance of the city's tier rules; null when it has none")] decimal? VillageReachKm,
    string? Roads, string? RoadsZh, string Basis, string BasisZh, IReadOnlyList<MergeCandidateAnswer> Candidates);

/// <summary>GET /api/two-networks as written.</summary>
public static class MergeJson
{
    public static MergeAnswer Of(MergeReport report, WalkingOptions walk, TierReport? tiers, IRoadDistances roads, int limit) => new(
        report.Points, report.Merged, report.MergedShare, report.Candidates.Count, new WalkAnswer(walk.Minutes, walk.SpeedKmh, walk.LimitM),
        tiers?.Rules.VillageOutletKm.Value, tiers is null ? null : roads.Method, tiers is null ? null : roads.MethodZh,
        "households gained = households of communities uncovered today that the point would bring within the walk + households of villages unserved today within the village-outlet distance by road; each point on its own, against today's network",
        "新增户数 = 该点可使其进入步行范围的、当前未覆盖小区的户数 + 在村级网点道路距离内、当前未服务村庄的户数；每个点单独计算，以当前网络为准",
        [.. report.Candidates.Take(limit).Select(c => new MergeCandidateAnswer(c.Point.Id, c.Point.Name, c.Point.Kind.ToString().ToLowerInvariant(),
            c.Point.Location.X, c.Point.Location.Y, c.Point.CommunityId, c.Point.VillageId, c.Households, c.Communities.Communities,
            c.Communities.Households, c.Villages, c.VillageResidents, c.VillageHouseholds))]);
}
