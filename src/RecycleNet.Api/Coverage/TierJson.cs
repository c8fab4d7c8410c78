using RecycleNet.Core.Policies;
using RecycleNet.Core.Coverage;

namespace RecycleNet.Api.Coverage;

/// <summary>The county – township – village tiers as the scorecard and /api/tiers write them.</summary>
public static class TierJson
{
    public static object Rules(TierRules r) => new
    {
        citation = r.Citation,
        rules = r.All.ToDictionary(x => x.Id, x => new { value = x.Rule.Value, unit = x.Rule.Unit, citation = x.Rule.Citation, assumption = x.Rule.Assumption, assumptionZh = x.Rule.AssumptionZh }),
    };

    public static object Totals(TierTotals t) => new
    {
        villages = t.Villages, villagesServed = t.VillagesServed, villageShare = t.VillageShare,
        residents = t.Residents, residentsServed = t.ResidentsServed, residentShare = t.ResidentShare,
        townships = t.Townships, townshipsWithStation = t.TownshipsWithStation, townshipsServed = t.TownshipsServed, townshipShare = t.TownshipShare,
        stations = t.Stations, stationsServed = t.StationsServed, stationShare = t.StationShare,
    };

    /// <summary>Rules, method, city and county totals: what the scorecard shows.</summary>
    public static object Summary(TierReport r) => new
    {
        rules = Rules(r.Rules), method = r.Method, methodZh = r.MethodZh, onNetwork = r.OnNetwork,
        city = Totals(r.City),
        counties = r.Counties.Select(c => new { id = c.County.Id, name = c.County.Name, adcode = c.County.Adcode, totals = Totals(c.Totals) }),
    };

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
