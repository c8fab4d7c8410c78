using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Coverage;

/// <summary>A village and what serves it: the nearest village outlet by road (m), or a mobile station that lists it.</summary>
public sealed record VillageService(Village Village, long? OutletId, double? RoadM, long? MobileStationId, bool Served);

/// <summary>A township and its transfer station: one inside it, or the nearest by drive time from its centre.</summary>
public sealed record TownshipService(Township Township, long? StationId, bool StationInside, double? DriveMinutes, bool Served);

/// <summary>A transfer station and the county sorting centre nearest by drive time.</summary>
public sealed record StationService(TransferStation Station, long? CentreId, double? DriveMinutes, bool Served);

/// <summary>Each tier's counts for a county or the whole city.</summary>
public sealed record TierTotals(int Villages, int VillagesServed, long Residents, long ResidentsServed,
    int Townships, int TownshipsWithStation, int TownshipsServed, int Stations, int StationsServed)
{
    public double? VillageShare => Villages > 0 ? Math.Round((double)VillagesServed / Villages, 4) : null;
    public double? ResidentShare => Residents > 0 ? Math.Round((double)ResidentsServed / Residents, 4) : null;
    public double? TownshipShare => Townships > 0 ? Math.Round((double)TownshipsServed / Townships, 4) : null;
    public double? StationShare => Stations > 0 ? Math.Round((double)StationsServed / Stations, 4) : null;
}

public sealed record CountyTiers(District County, TierTotals Totals);

/// <summary>The three tiers measured against the policy's rules, city-wide and per county, with every village, township and station.</summary>
public sealed record TierReport(TierRules Rules, string Method, string MethodZh, bool OnNetwork, TierTotals City, IReadOnlyList<CountyTiers> Counties,
    IReadOnlyList<VillageService> Villages, IReadOnlyList<TownshipService> Townships, IReadOnlyList<StationService> Stations);

/// <summary>
/// Measures Binzhou's county – township – village network against its tier rules (<see cref="TierRules"/>):
/// <list type="bullet">
/// <item>villages: served when an operating village outlet — a fixed village-tier outlet, or a merged waste-sorting point of
/// a village (两网融合) — lies within the rule's kilometres by road from the village, or an operating mobile station lists it;</item>
/// <item>townships: served when an operating transfer station stands in the township, or the nearest lies within the rule's
/// minutes' drive from the township's centre (an interior point of its outline);</item>
/// <item>transfer stations (operating): served when an operating county sorting centre lies within the rule's minutes' drive.</item>
/// </list>
/// Roads are the drivable network when one is loaded, else straight line × circuity (<see cref="IRoadDistances"/>).
/// Counties are the districts; a village or station outside every district counts for the city only.
/// Cost: three nearest-target queries, O((V + T + S) log F).
/// </summary>
public static class TierCoverageOp
{
    public static TierReport Measure(CitySnapshot city, TierRules rules, IRoadDistances roads)
    {
        var villageOutlets = city.FixedRecyclingPoints.Where(o => o.Tier == OutletTier.Village).ToList();
        var stations = city.TransferStations.Where(s => s.Status == FacilityStatus.Operating).ToList();
        var centres = city.Townships.Select(t => t.Geometry.InteriorPoint).ToList();
        var countyCentres = city.SortingCenters.Where(c => c.Status == FacilityStatus.Operating && c.Tier == CenterTier.County).ToList();
        // The three searches are independent: run side by side (on the road network each is a Dijkstra of its own).
        RoadLeg?[] outletLegs = [], stationLegs = [], centreLegs = [];
        Parallel.Invoke(
            () => outletLegs = roads.Nearest([.. city.Villages.Select(v => v.Location)], [.. villageOutlets.Select(o => o.Location)],
                RoadMetric.Distance, (double)rules.VillageOutletKm.Value * 1000),
            () => stationLegs = roads.Nearest(centres, [.. stations.Select(s => s.Location)], RoadMetric.Time),
            () => centreLegs = roads.Nearest([.. stations.Select(s => s.Location)], [.. countyCentres.Select(c => c.Location)], RoadMetric.Time));
        var listedBy = new Dictionary<long, long>();
        foreach (var m in city.OperatingMobileStations.OrderBy(m => m.Id))
            foreach (var id in m.ServedVillageIds) listedBy.TryAdd(id, m.Id);
        var villages = city.Villages.Select((v, i) =>
        {
            var leg = outletLegs[i];
            var mobile = listedBy.TryGetValue(v.Id, out var m) ? m : (long?)null;
            return new VillageService(v, leg is { } l ? villageOutlets[l.Target].Id : null, leg is { } r ? Math.Round(r.Metres, 1) : null,
                mobile, leg is not null || mobile is not null);
        }).ToList();

        var stationIn = stations.GroupBy(s => s.TownshipId).ToDictionary(g => g.Key, g => g.First().Id);
        var townshipSeconds = (double)rules.TownshipStationMinutes.Value * 60;
        var townships = city.Townships.Select((t, i) =>
        {
            var inside = stationIn.TryGetValue(t.Id, out var own);
            var leg = stationLegs[i];
            var minutes = leg is { } l ? Math.Round(l.Seconds / 60, 1) : (double?)null;
            var station = inside ? own : leg is { } n ? stations[n.Target].Id : (long?)null;
            return new TownshipService(t, station, inside, minutes, inside || leg is { } r && r.Seconds <= townshipSeconds);
        }).ToList();

        var centreSeconds = (double)rules.StationCentreMinutes.Value * 60;
        var stationServices = stations.Select((s, i) => centreLegs[i] is { } l
            ? new StationService(s, countyCentres[l.Target].Id, Math.Round(l.Seconds / 60, 1), l.Seconds <= centreSeconds)
            : new StationService(s, null, null, false)).ToList();

        // Counties: villages by their located district; townships by their code's county; stations by their township's.
        var countyOfTownship = city.Townships.ToDictionary(t => t.Id, t => t.DistrictId);
        var counties = city.Districts.Select(d => new CountyTiers(d, Totals(
            villages.Where(v => v.Village.DistrictId == d.Id),
            townships.Where(t => t.Township.DistrictId == d.Id),
            stationServices.Where(s => countyOfTownship.GetValueOrDefault(s.Station.TownshipId) == d.Id)))).ToList();
        return new TierReport(rules, roads.Method, roads.MethodZh, roads.OnNetwork, Totals(villages, townships, stationServices), counties,
            villages, townships, stationServices);
    }

    private static TierTotals Totals(IEnumerable<VillageService> villages, IEnumerable<TownshipService> townships, IEnumerable<StationService> stations)
    {
        var v = villages.ToList();
        var t = townships.ToList();
        var s = stations.ToList();
        return new TierTotals(v.Count, v.Count(x => x.Served), v.Sum(x => (long)x.Village.Population), v.Where(x => x.Served).Sum(x => (long)x.Village.Population),
            t.Count, t.Count(x => x.StationInside), t.Count(x => x.Served), s.Count, s.Count(x => x.Served));
    }
}
