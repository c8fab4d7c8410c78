using System.ComponentModel;
using System.Globalization;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Network;

namespace RecycleNet.Api.Coverage;

[Description("Communities, households and residents, and how many of them a 15-minute walk covers.")]
public sealed record CoverageTotalsAnswer(int Communities, int CoveredCommunities, long Households, long CoveredHouseholds,
    [property: Description("Covered households / households, 0–1")] double Share, long Population, long CoveredPopulation);

[Description("One district's coverage and its operating outlets.")]
public sealed record DistrictCoverageAnswer(long Id, string Name, string? Adcode, long Households, long CoveredHouseholds, double Share,
    long Population, long CoveredPopulation, int Communities, int CoveredCommunities, int OperatingOutlets, int OperatingFixedOutlets,
    int OperatingMobileStations, int ModernOperatingOutlets);

[Description("How many communities were measured by each method.")]
public sealed record MethodCountsAnswer(int Network, int StraightLine, int Unreachable);

public sealed record OutletRefAnswer(long Id, string Name);

[Description("Coverage of the city and each district, with the walking parameters and the distance method used.")]
public sealed record CoverageAnswer(
    [property: Description("network, straightLine or mixed")] string Method, double Minutes, double SpeedKmh, double LimitM, double Circuity,
    double SnapDistanceM, string? Network, MethodCountsAnswer Methods, CoverageTotalsAnswer City, IReadOnlyList<DistrictCoverageAnswer> Districts,
    int UncoveredCommunities, int CoveredByMobileStationsOnly,
    [property: Description("Operating fixed outlets a loaded network covers but no street comes near: they cover no one")] IReadOnlyList<OutletRefAnswer> UnreachableOutlets,
    [property: Description("The gaps of this coverage")] string Gaps);

[Description("Coverage today and with the what-if's changes; nothing was saved.")]
public sealed record WhatIfAnswer(CoverageAnswer Before, CoverageAnswer After);

/// <summary>The JSON shapes of coverage answers, shared by /api/coverage, the what-if and /api/scorecard.</summary>
public static class CoverageJson
{
    public static CoverageTotalsAnswer Totals(CoverageTotals t) => new(t.Communities, t.CoveredCommunities, t.Households, t.CoveredHouseholds,
        Math.Round(t.Share, 4), t.Population, t.CoveredPopulation);

    public static DistrictCoverageAnswer District(DistrictCoverage d) => new(d.District.Id, d.District.Name, d.District.Adcode,
        d.Totals.Households, d.Totals.CoveredHouseholds, Math.Round(d.Totals.Share, 4), d.Totals.Population, d.Totals.CoveredPopulation,
        d.Totals.Communities, d.Totals.CoveredCommunities, d.OperatingOutlets, d.OperatingFixedOutlets, d.OperatingMobileStations, d.ModernOperatingOutlets);

    public static CoverageAnswer Summary(CoverageReport r)
    {
        var counts = r.MethodCounts;
        var w = r.Walking;
        return new CoverageAnswer(r.Method, w.Minutes, w.SpeedKmh, Math.Round(w.LimitM, 1), w.Circuity, w.SnapDistanceM, r.NetworkSource,
            new MethodCountsAnswer(counts[DistanceMethod.Network], counts[DistanceMethod.StraightLine], counts[DistanceMethod.Unreachable]),
            Totals(r.City), [.. r.Districts.Select(District)],
            r.City.Communities - r.City.CoveredCommunities,
            r.Communities.Count(c => c.By == CoveredBy.MobileStation),
            [.. r.FixedOutlets.Where(o => o.Method == DistanceMethod.Unreachable).Select(o => new OutletRefAnswer(o.Outlet.Id, o.Outlet.Name))],
            string.Create(CultureInfo.InvariantCulture, $"/api/coverage/gaps?minutes={w.Minutes}&speedKmh={w.SpeedKmh}"));
    }
}
