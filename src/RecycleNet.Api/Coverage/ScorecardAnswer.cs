using System.ComponentModel;
using RecycleNet.Core.Model;
using RecycleNet.Api.Volumes;

namespace RecycleNet.Api.Coverage;

// The scorecard's answer, member for member, so the OpenAPI document describes it and a generated client reads it.

[Description("One target of the policy: its value, what counts toward it now, and the citation.")]
public sealed record TargetAnswer(string Id, string Metric, string LabelZh, string LabelEn, string Kind, string Unit, int Year,
    [property: Description("The target's value")] decimal Target, decimal? Current, decimal? Remaining,
    [property: Description("Current / target, 0–1 and beyond")] double? Progress, string Status,
    [property: Description("What was counted, in English")] string Counted, string CountedZh, Citation Citation,
    [property: Description("For a target of the recycling statistics: how the reports measure it")] VolumeTargetAnswer? Volume);

[Description("How the outlet target is split among the districts.")]
public sealed record FairShareBasisAnswer(string? Target, decimal? Outlets, string Basis, string BasisZh);

[Description("A district's fair share of the outlet target, what it lacks, and its outlet density.")]
public sealed record DistrictScoreAnswer(long Id, string Name, string? Adcode, long Households, long CoveredHouseholds, double Share,
    int OperatingOutlets, int ModernOperatingOutlets, decimal FairShare, int FairShareSeats, decimal Shortfall, long UrbanHouseholds,
    double? OutletsPer2000UrbanHouseholds);

[Description("Outlets per 2,000 urban households, with the practice it is compared with.")]
public sealed record DensityAnswer(long UrbanHouseholds, int OperatingOutlets, double? OutletsPer2000UrbanHouseholds, string Practice, string PracticeZh);

[Description("An operating outlet's haul to its nearest operating sorting centre.")]
public sealed record OutletHaulAnswer(long Id, string Name, long? CenterId, string? CenterName, double? HaulDistanceM, bool BeyondLimit, long HouseholdsServed);

[Description("A sorting centre's load from its outlets and its own reports.")]
public sealed record CenterLoadAnswer(long Id, string Name, double? CapacityTonnesPerDay, bool GreenCertified, int Outlets, long HouseholdsServed,
    double LoadTonnesPerDay, bool OverCapacity, double ReportedTonnesPerDay, double AssumedTonnesPerDay, int OutletsReporting,
    double? CenterReportedTonnesPerDay, [property: Description("reported, assumed or mixed")] string LoadSource);

[Description("Hauls from outlets to sorting centres, and the centres' loads.")]
public sealed record HaulAnswer([property: Description("network or straightLine")] string Method, string Roads, string RoadsZh, double Circuity, double LimitM,
    double KgPerHouseholdPerDay, string LoadBasis, string LoadBasisZh, string? ReportsTo, int OutletsBeyondLimit, int CentersOverCapacity,
    IReadOnlyList<OutletHaulAnswer> Outlets, IReadOnlyList<CenterLoadAnswer> Centers);

[Description("Operating waste-sorting points that also take recyclables (两网融合).")]
public sealed record MergedPointsAnswer(int Points, int Merged, double? Share, string Basis, string BasisZh, Citation? Measure);

[Description("Progress toward a policy's targets: coverage, fair shares, density, hauls and centre loads, the county tiers and 两网融合 where the city has them.")]
public sealed record ScorecardAnswer(string Policy, string City, int? Year, IReadOnlyList<TargetAnswer> Targets, CoverageAnswer Coverage,
    FairShareBasisAnswer FairShare, IReadOnlyList<DistrictScoreAnswer> Districts, DensityAnswer Density, HaulAnswer Haul,
    TierSummaryAnswer? Tiers, MergedPointsAnswer? MergedPoints);
