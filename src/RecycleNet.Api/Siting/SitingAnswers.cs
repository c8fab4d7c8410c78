using System.ComponentModel;
using System.Text.Json.Serialization;

namespace RecycleNet.Api.Siting;

// A done siting run's result, member for member. The three kinds of run answer differently; "kind" (outlets,
// sorting-centers, tiers — the job's kind again) tells a client which it holds, as the OpenAPI document's discriminator.

[Description("A siting run: its status (queued, running, done, failed, cancelled), stage, and when done its plan.")]
public sealed record SitingJobAnswer(Guid Id, string Kind, string Status, string Stage, DateTimeOffset Started, double? ElapsedMs, string Href,
    string? Error, string? ErrorZh, SitingResultAnswer? Result);
[Description("A done run's result: kind says which of the three it is.")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(OutletSitingAnswer), "outlets")]
[JsonDerivedType(typeof(CenterSitingAnswer), "sorting-centers")]
[JsonDerivedType(typeof(ChainSitingAnswer), "tiers")]
public abstract record SitingResultAnswer;

[Description("The solver's proof: its objective, the bound it proved, and the gap between them (0 = optimal).")]
public sealed record SolverAnswer(string Method, double ElapsedMs, double Objective, double Bound, double Gap, bool Optimal);

[Description("One tier of a county chain: its solver's objective in its unit, bound and gap.")]
public sealed record TierSolverAnswer(double Objective, string Unit, double Bound, double Gap, string Method, int Candidates, double ElapsedMs);

[Description("The chain's solver: its objective is the total haul; each tier's proof is under tiers, so bound and gap are null.")]
public sealed record ChainSolverAnswer(string Method, double ElapsedMs, double Objective, string Unit, double? Bound, double? Gap, bool Optimal,
    string Basis, string BasisZh);

public sealed record ChainTiersAnswer(TierSolverAnswer? VillageOutlets, TierSolverAnswer? TransferStations, TierSolverAnswer? CountyCentres);

public sealed record ChainHaulAnswer(double? VillageToStationTonneKmPerDay, double? StationToCentreTonneKmPerDay, double TotalTonneKmPerDay,
    int? VillagesWithoutStation, int? StationsWithoutCentre);

public sealed record SitingTotalsAnswer(long Households, long CoveredHouseholds, int Communities, int CoveredCommunities, double Share);

public sealed record PointGeometryAnswer(string Type, IReadOnlyList<double> Coordinates);

[Description("A proposal as a GeoJSON feature, with the properties of the siting-proposals collection (those without a value left out).")]
public sealed record ProposalFeatureAnswer(string Type, long Id, PointGeometryAnswer Geometry, IReadOnlyDictionary<string, object?> Properties);

[Description("The proposals, best first, as a GeoJSON FeatureCollection.")]
public sealed record ProposalsAnswer(string Type, IReadOnlyList<ProposalFeatureAnswer> Features);

[Description("Outlet siting: coverage before and after, the goal, and the proposed sites.")]
public sealed record OutletSitingAnswer(SolverAnswer Solver, SitingTotalsAnswer? Before, SitingTotalsAnswer? After, bool GoalReached,
    [property: Description("Fewest sites that could reach the goal, as proved by the bound; null when not asked")] int? SitesNeededLowerBound,
    int Candidates, int CoveragePairs, double BuildMs, decimal? SiteCostYuan, decimal? TotalSubsidyYuan, ProposalsAnswer Proposals) : SitingResultAnswer;

public sealed record HaulBeforeAnswer(int? OutletsWithinHaulLimit, double? TonneKmPerDay);

public sealed record HaulAfterAnswer(int? OutletsWithinHaulLimit, double? TonneKmPerDay,
    [property: Description("The outlets of before, after the new centres open: the saving (null for a run stored before this figure was kept)")] double? SameOutletsTonneKmPerDay);

public sealed record CentreLoadAnswer(long CenterId, string Name, int Outlets, double LoadTonnesPerDay, double? CapacityTonnesPerDay, bool OverCapacity);

public sealed record HaulAssignmentAnswer(long OutletId, string OutletName, long? CenterId, int? ProposalRank, double? DistanceM, double VolumeTonnesPerDay,
    bool WithinLimit, [property: Description("reported or assumed")] string VolumeBasis);

[Description("Sorting-centre siting: haul before and after, the existing centres' loads, and each outlet's centre.")]
public sealed record CenterSitingAnswer(SolverAnswer Solver, HaulBeforeAnswer Before, HaulAfterAnswer After, string HaulBasis, string HaulBasisZh,
    int? Outlets, int Candidates, ProposalsAnswer Proposals, IReadOnlyList<CentreLoadAnswer> Existing, IReadOnlyList<HaulAssignmentAnswer> Assignments,
    string VolumeBasis, string VolumeBasisZh, int OutletsReporting) : SitingResultAnswer;

[Description("A county chain (village outlets → transfer stations → county centres): each tier's proof, the haul, and the proposals.")]
public sealed record ChainSitingAnswer(ChainSolverAnswer Solver, ChainTiersAnswer Tiers, ChainHaulAnswer Haul, ProposalsAnswer Proposals) : SitingResultAnswer;
