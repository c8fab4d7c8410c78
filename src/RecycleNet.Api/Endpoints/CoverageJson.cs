using RecycleNet.Core.Coverage;
using RecycleNet.Core.Network;

namespace RecycleNet.Api.Endpoints;

/// <summary>The JSON shapes of coverage answers, shared by /api/coverage and /api/scorecard.</summary>
public static class CoverageJson
{
    public static object Totals(CoverageTotals t) => new
    {
        communities = t.Communities, coveredCommunities = t.CoveredCommunities,
        households = t.Households, coveredHouseholds = t.CoveredHouseholds, share = Math.Round(t.Share, 4),
        population = t.Population, coveredPopulation = t.CoveredPopulation,
    };

    public static object District(DistrictCoverage d) => new
    {
        id = d.District.Id, name = d.District.Name, adcode = d.District.Adcode,
        households = d.Totals.Households, coveredHouseholds = d.Totals.CoveredHouseholds, share = Math.Round(d.Totals.Share, 4),
        population = d.Totals.Population, coveredPopulation = d.Totals.CoveredPopulation,
        communities = d.Totals.Communities, coveredCommunities = d.Totals.CoveredCommunities,
        operatingOutlets = d.OperatingOutlets, operatingFixedOutlets = d.OperatingFixedOutlets,
        operatingMobileStations = d.OperatingMobileStations, modernOperatingOutlets = d.ModernOperatingOutlets,
    };

    public static object Summary(CoverageReport r)
    {
        var counts = r.MethodCounts;
        return new
        {
            method = r.Method,
            minutes = r.Walking.Minutes, speedKmh = r.Walking.SpeedKmh, limitM = Math.Round(r.Walking.LimitM, 1),
            circuity = r.Walking.Circuity, snapDistanceM = r.Walking.SnapDistanceM,
            network = r.NetworkSource,
            methods = new
            {
                network = counts[DistanceMethod.Network], straightLine = counts[DistanceMethod.StraightLine],
                unreachable = counts[DistanceMethod.Unreachable],
            },
            city = Totals(r.City),
            districts = r.Districts.Select(District),
            uncoveredCommunities = r.City.Communities - r.City.CoveredCommunities,
            coveredByMobileStationsOnly = r.Communities.Count(c => c.By == CoveredBy.MobileStation),
            // Outlets that a loaded network covers but no street comes near: they cover no one until moved or the network is fixed.
            unreachableOutlets = r.FixedOutlets.Where(o => o.Method == DistanceMethod.Unreachable)
                .Select(o => new { id = o.Outlet.Id, name = o.Outlet.Name }),
            gaps = $"/api/coverage/gaps?minutes={r.Walking.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)}&speedKmh={r.Walking.SpeedKmh.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        };
    }
}
