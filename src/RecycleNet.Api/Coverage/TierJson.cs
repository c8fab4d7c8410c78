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
    public static object Detail(TierReport r) => new
    {
        summary = Summary(r),
        villages = r.Villages.Select(v => new
        {
            id = v.Village.Id, name = v.Village.Name, townshipId = v.Village.TownshipId, population = v.Village.Population,
            served = v.Served, outletId = v.OutletId, roadM = v.RoadM, mobileStationId = v.MobileStationId,
        }),
        townships = r.Townships.Select(t => new
        {
            id = t.Township.Id, name = t.Township.Name, code = t.Township.Code, served = t.Served, stationId = t.StationId,
            stationInside = t.StationInside, driveMinutes = t.DriveMinutes,
        }),
        stations = r.Stations.Select(s => new
        {
            id = s.Station.Id, name = s.Station.Name, served = s.Served, centreId = s.CentreId, driveMinutes = s.DriveMinutes,
        }),
    };
}
