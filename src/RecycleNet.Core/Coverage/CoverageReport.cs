using RecycleNet.Core.Model;
using RecycleNet.Core.Network;

namespace RecycleNet.Core.Coverage;

/// <summary>What covers a community: a fixed outlet within the walk, a mobile station that lists it, or nothing.</summary>
public enum CoveredBy { None, FixedOutlet, MobileStation }

/// <summary>Households and residents, in all and covered. Share = covered / all households (0 when there are none).</summary>
public sealed record CoverageTotals(int Communities, int CoveredCommunities, long Households, long CoveredHouseholds,
    long Population, long CoveredPopulation)
{
    public double Share => Households > 0 ? (double)CoveredHouseholds / Households : 0;
}

/// <summary>One district's coverage and the outlets operating inside it.</summary>
public sealed record DistrictCoverage(District District, CoverageTotals Totals, int OperatingOutlets,
    int OperatingFixedOutlets, int OperatingMobileStations, int ModernOperatingOutlets);

/// <summary>
/// One community's answer. <see cref="DistanceM"/> is the walk to the nearest operating fixed outlet in metres
/// (access from the door to the street included): null when unreachable, or when beyond the limit and the
/// scorer was not asked to measure beyond it. Population is the community's own, or households × the
/// district's census household size (<see cref="PopulationEstimated"/>).
/// </summary>
public sealed record CommunityCoverage(Community Community, bool Covered, CoveredBy By, DistanceMethod Method,
    double? DistanceM, long? NearestOutletId, long? MobileStationId, long Population, bool PopulationEstimated);

/// <summary>How an operating fixed outlet reaches the network.</summary>
public sealed record OutletAccess(Outlet Outlet, DistanceMethod Method, double? SnapDistanceM, District? District);

/// <summary>
/// The inputs a report answered for: the communities' list, the graph, the options, and each recycling point's place
/// (id, projected metres).
/// </summary>
internal sealed record CoverageBasis(IReadOnlyList<Community> Communities, WalkingGraph? Graph, CoverageOptions Options,
    IReadOnlyDictionary<long, (double X, double Y)> Points);

/// <summary>The whole-city answer of <see cref="CoverageScorer"/>.</summary>
public sealed record CoverageReport(WalkingOptions Walking, CoverageTotals City, IReadOnlyList<DistrictCoverage> Districts,
    IReadOnlyList<CommunityCoverage> Communities, IReadOnlyList<OutletAccess> FixedOutlets, string? NetworkSource)
{
    /// <summary>"network", "straightLine" or "mixed": how the community distances were measured.</summary>
    public string Method => DistanceMethods.Summarize(Communities.Select(c => c.Method), NetworkSource is not null);

    /// <summary>What the report was measured on, so that another set of outlets can be scored against it (see <see cref="CoverageScorer"/>).</summary>
    internal CoverageBasis? Basis { get; init; }

    /// <summary>
    /// Households each operating outlet serves: the covered communities it is nearest to (fixed outlets) or that list
    /// it (mobile stations). The basis of outlet volumes for centre loads and centre siting.
    /// </summary>
    public IReadOnlyDictionary<long, long> HouseholdsServed()
    {
        var served = new Dictionary<long, long>();
        foreach (var c in Communities)
        {
            var outlet = c.By == CoveredBy.FixedOutlet ? c.NearestOutletId : c.By == CoveredBy.MobileStation ? c.MobileStationId : null;
            if (outlet is { } id) served[id] = served.GetValueOrDefault(id) + c.Community.Households;
        }
        return served;
    }

    /// <summary>Communities per method (network, straightLine, unreachable).</summary>
    public IReadOnlyDictionary<DistanceMethod, int> MethodCounts =>
        Enum.GetValues<DistanceMethod>().ToDictionary(m => m, m => Communities.Count(c => c.Method == m));
}
