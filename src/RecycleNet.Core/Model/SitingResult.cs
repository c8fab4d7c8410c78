namespace RecycleNet.Core.Model;

/// <summary>
/// What a done siting run found, as the store keeps it (columns of <see cref="SitingRun"/>): the solver's account and
/// the before/after figures. Outlet runs fill the coverage figures, sorting-centre runs the haul figures; the others
/// stay null. With its <see cref="SitingProposal"/>s, <see cref="SitingAssignment"/>s and <see cref="SitingCenterLoad"/>s
/// it is the whole answer, which the API writes as JSON when asked.
/// </summary>
public sealed class SitingResult
{
    public string Method { get; set; } = "";
    public double SolverMs { get; set; }
    public double Objective { get; set; }
    public double Bound { get; set; }
    public double Gap { get; set; }
    public bool Optimal { get; set; }
    public int Candidates { get; set; }

    // Outlet runs: coverage before and after, and what the goal asked.
    public SitingCoverage? Before { get; set; }
    public SitingCoverage? After { get; set; }
    public bool? GoalReached { get; set; }
    public int? SitesNeededLowerBound { get; set; }
    public int? CoveragePairs { get; set; }
    public double? BuildMs { get; set; }
    public decimal? SiteCostYuan { get; set; }

    // Sorting-centre runs: outlets within the haul limit and tonne-km per day, before and after; outlets hauling.
    public int? OutletsWithinHaulLimitBefore { get; set; }
    public int? OutletsWithinHaulLimitAfter { get; set; }
    public double? TonneKmPerDayBefore { get; set; }
    public double? TonneKmPerDayAfter { get; set; }

    /// <summary>
    /// After, over the outlets that were within the haul limit before (the same outlets as <see cref="TonneKmPerDayBefore"/>):
    /// the comparison that says what the new centres save. <see cref="TonneKmPerDayAfter"/> also counts the outlets they
    /// bring within the limit, so it can rise while every outlet's haul falls.
    /// </summary>
    public double? TonneKmPerDayAfterSameOutlets { get; set; }
    public int? HaulingOutlets { get; set; }

    // Whole-chain runs (a county network): each tier's plan and proof, and the haul village → station → county centre.
    public SitingTierOutcome? VillageTier { get; set; }
    public SitingTierOutcome? StationTier { get; set; }
    public SitingTierOutcome? CentreTier { get; set; }
    public double? VillageHaulTonneKm { get; set; }
    public double? StationHaulTonneKm { get; set; }
    public int? VillagesWithoutStation { get; set; }
    public int? StationsWithoutCentre { get; set; }
}

/// <summary>One tier of a whole-chain run: its objective (households covered, or tonne·km per day hauled), bound, gap and method.</summary>
public sealed class SitingTierOutcome
{
    public double Objective { get; set; }
    public double Bound { get; set; }
    public double Gap { get; set; }
    public string Method { get; set; } = "";
    public int Candidates { get; set; }
    public double SolverMs { get; set; }
}

/// <summary>City coverage at one moment of an outlet run.</summary>
public sealed class SitingCoverage
{
    public long Households { get; set; }
    public long CoveredHouseholds { get; set; }
    public int Communities { get; set; }
    public int CoveredCommunities { get; set; }
    public double Share { get; set; }
}

/// <summary>A sorting-centre run: where one outlet hauls (an existing centre, a proposal by rank, or none within the limit).</summary>
public sealed class SitingAssignment
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public long OutletId { get; set; }
    public string OutletName { get; set; } = "";
    public long? CenterId { get; set; }
    public int? ProposalRank { get; set; }
    public double? DistanceM { get; set; }
    public double VolumeTonnesPerDay { get; set; }

    /// <summary>The volume is the outlet's reported tonnage (last twelve months), not households × the assumed kilograms.</summary>
    public bool VolumeReported { get; set; }
}

/// <summary>A sorting-centre run: an existing centre's load with the proposals open.</summary>
public sealed class SitingCenterLoad
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public long CenterId { get; set; }
    public string Name { get; set; } = "";
    public int Outlets { get; set; }
    public double LoadTonnesPerDay { get; set; }
    public double? CapacityTonnesPerDay { get; set; }
    public bool OverCapacity { get; set; }
}

/// <summary>Everything a done run found: what the runner hands the store, and what the store hands back for an answer.</summary>
public sealed record SitingOutcome(SitingResult Result, IReadOnlyList<SitingProposal> Proposals, IReadOnlyList<SitingAssignment> Assignments,
    IReadOnlyList<SitingCenterLoad> Loads);
