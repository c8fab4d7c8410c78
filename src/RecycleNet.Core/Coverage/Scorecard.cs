using RecycleNet.Core.Model;
using RecycleNet.Core.Policies;

namespace RecycleNet.Core.Coverage;

/// <summary>Parameters of the scorecard, each with its unit; defaults are documented assumptions a city can change.</summary>
public sealed record ScorecardOptions
{
    public CoverageOptions Coverage { get; init; } = new();

    /// <summary>Road distance / straight-line distance for outlet-to-centre hauls (trucks drive on roads, not the walking network).</summary>
    public double HaulCircuity { get; init; } = HaulAssumptions.Circuity;

    /// <summary>Haul distance beyond which an outlet is flagged, metres.</summary>
    public double HaulLimitM { get; init; } = HaulAssumptions.LimitM;

    /// <summary>Recyclables an outlet collects per covered household per day, kilograms — an assumption for load estimates.</summary>
    public double KgPerHouseholdPerDay { get; init; } = HaulAssumptions.KgPerHouseholdPerDay;

    /// <summary>Practice density: one outlet per this many urban households.</summary>
    public double HouseholdsPerOutlet { get; init; } = 2000;
}

/// <summary>A target with the current value. Current is null when the service holds no data for the metric.</summary>
public sealed record TargetProgress(PolicyTarget Target, decimal? Current, decimal? Remaining, double? Progress, string Status, Input.Reason Counted)
{
    /// <summary>For a target of the recycling statistics: how it was measured from the reports.</summary>
    public Volumes.VolumeMeasure? Volume { get; init; }
}

/// <summary>A district's share of the outlet target by households, and what it lacks.</summary>
public sealed record DistrictScore(DistrictCoverage Coverage, decimal FairShare, int FairShareSeats, decimal Shortfall,
    long UrbanHouseholds, double? OutletsPer2000UrbanHouseholds);

/// <summary>An operating outlet's nearest operating sorting centre.</summary>
public sealed record HaulAssignment(Outlet Outlet, SortingCenter? Center, double? HaulDistanceM, bool BeyondLimit, long HouseholdsServed);

/// <summary>
/// A sorting centre's load: its own reported tonnage, plus each of its outlets' — reported where the outlet reports
/// tonnages (the last twelve months), else assumed from the households it serves.
/// </summary>
public sealed record CenterLoad(SortingCenter Center, int Outlets, long HouseholdsServed, double LoadTonnesPerDay, bool OverCapacity)
{
    /// <summary>The part of the load that reports give (the centre's own and its reporting outlets'), t/day.</summary>
    public double ReportedTonnesPerDay { get; init; }

    /// <summary>The part assumed from households × kg per household per day, t/day.</summary>
    public double AssumedTonnesPerDay { get; init; }

    public int OutletsReporting { get; init; }

    /// <summary>The centre's own reported collection (reports of the centre itself), t/day; null when it reports none.</summary>
    public double? CenterReportedTonnesPerDay { get; init; }
}

/// <summary>The targets scorecard for one policy (and year).</summary>
public sealed record Scorecard(Policy Policy, int? Year, IReadOnlyList<TargetProgress> Targets, CoverageReport Coverage,
    PolicyTarget? OutletTarget, IReadOnlyList<DistrictScore> Districts, long UrbanHouseholds, int OperatingOutlets,
    double? OutletsPer2000UrbanHouseholds, IReadOnlyList<HaulAssignment> Hauls, IReadOnlyList<CenterLoad> Centers,
    ScorecardOptions Options)
{
    /// <summary>The county – township – village tiers, where the policy has tier rules and the city townships or villages.</summary>
    public TierReport? Tiers { get; init; }

    /// <summary>Waste-sorting points that take recyclables (两网融合) out of all operating ones; null where the city has none.</summary>
    public (int Points, int Merged)? MergedPoints { get; init; }

    /// <summary>How hauls and the tiers' distances were measured (road network, or straight line × circuity).</summary>
    public string RoadMethod { get; init; } = "";

    /// <summary><see cref="RoadMethod"/> in Chinese.</summary>
    public string RoadMethodZh { get; init; } = "";

    /// <summary>The reports the loads read (the last twelve months); <see cref="Volumes.ReportedTonnage.None"/> when none were given.</summary>
    public Volumes.ReportedTonnage Reported { get; init; } = Volumes.ReportedTonnage.None;
}
