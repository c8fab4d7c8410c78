using System.ComponentModel;
using RecycleNet.Core.Model;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Coverage;

namespace RecycleNet.Api.Coverage;

[Description("One rule of when a tier counts as served: its value, and its citation or the assumption standing in for one.")]
public sealed record TierRuleAnswer(decimal Value, string Unit, Citation? Citation, string? Assumption, string? AssumptionZh);

[Description("The tier rules (villageOutletKm, townshipStationMinutes, stationCentreMinutes) and the document they come from.")]
public sealed record TierRulesAnswer(Citation Citation, IReadOnlyDictionary<string, TierRuleAnswer> Rules);

[Description("Villages, residents, townships and transfer stations, and how many of each are served.")]
public sealed record TierTotalsAnswer(int Villages, int VillagesServed, double? VillageShare, long Residents, long ResidentsServed, double? ResidentShare,
    int Townships, int TownshipsWithStation, int TownshipsServed, double? TownshipShare, int Stations, int StationsServed, double? StationShare);

public sealed record CountyTiersAnswer(long Id, string Name, string? Adcode, TierTotalsAnswer Totals);

[Description("The county – township – village tiers: rules, how distances were measured, city and county totals.")]
public sealed record TierSummaryAnswer(TierRulesAnswer Rules, string Method, string MethodZh, bool OnNetwork, TierTotalsAnswer City,
    IReadOnlyList<CountyTiersAnswer> Counties);

public sealed record VillageTierAnswer(long Id, string Name, long? TownshipId, int Population, bool Served, long? OutletId,
    [property: Description("Metres by road (or the straight-line estimate) to the nearest village outlet")] double? RoadM, long? MobileStationId);

public sealed record TownshipTierAnswer(long Id, string Name, string Code, bool Served, long? StationId, bool StationInside, double? DriveMinutes);

public sealed record StationTierAnswer(long Id, string Name, bool Served, long? CentreId, double? DriveMinutes);

[Description("The tiers down to each village, township and transfer station.")]
public sealed record TierDetailAnswer(TierSummaryAnswer Summary, IReadOnlyList<VillageTierAnswer> Villages, IReadOnlyList<TownshipTierAnswer> Townships,
    IReadOnlyList<StationTierAnswer> Stations);

/// <summary>The county – township – village tiers as the scorecard and /api/tiers write them.</summary>
public static class TierJson
{
    public static TierRulesAnswer Rules(TierRules r) => new(r.Citation,
        r.All.ToDictionary(x => x.Id, x => new TierRuleAnswer(x.Rule.Value, x.Rule.Unit, x.Rule.Citation, x.Rule.Assumption, x.Rule.AssumptionZh)));

    public static TierTotalsAnswer Totals(TierTotals t) => new(t.Villages, t.VillagesServed, t.VillageShare, t.Residents, t.ResidentsServed, t.ResidentShare,
        t.Townships, t.TownshipsWithStation, t.TownshipsServed, t.TownshipShare, t.Stations, t.StationsServed, t.StationShare);

    /// <summary>Rules, method, city and county totals: what the scorecard shows.</summary>
    public static TierSummaryAnswer Summary(TierReport r) => new(Rules(r.Rules), r.Method, r.MethodZh, r.OnNetwork, Totals(r.City),
        [.. r.Counties.Select(c => new CountyTiersAnswer(c.County.Id, c.County.Name, c.County.Adcode, Totals(c.Totals)))]);

    /// <summary>Everything, down to each village, township and station: GET /api/tiers.</summary>
    public static TierDetailAnswer Detail(TierReport r) => new(Summary(r),
        [.. r.Villages.Select(v => new VillageTierAnswer(v.Village.Id, v.Village.Name, v.Village.TownshipId, v.Village.Population, v.Served, v.OutletId,
            v.RoadM, v.MobileStationId))],
        [.. r.Townships.Select(t => new TownshipTierAnswer(t.Township.Id, t.Township.Name, t.Township.Code, t.Served, t.StationId, t.StationInside,
            t.DriveMinutes))],
        [.. r.Stations.Select(s => new StationTierAnswer(s.Station.Id, s.Station.Name, s.Served, s.CentreId, s.DriveMinutes))]);
}
