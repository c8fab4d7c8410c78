using System.ComponentModel;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.SiteSelection;

// The siting requests as JSON bodies: what the OpenAPI document describes and all that SitingRequest accepts.

[Description("POST /api/siting/outlets: one goal (sites, cityShare, districtShare, budgetYuan or reachTarget) and its options.")]
public sealed record OutletSitingBody(
    string? Goal, string? Policy, int? Year, bool? ReachTarget, GeoJsonFeatureCollection? UploadedSites, string? Crs, bool? Exact,
    [property: Description("Wall-clock limit of the whole run, seconds (0 < t ≤ 600, default 10)")] double? TimeLimitSeconds,
    int? Sites, double? CityShare, double? DistrictShare, double? DistrictFloor, decimal? BudgetYuan, decimal? SiteAreaM2,
    [property: Description("communities | grid | uploaded | wasteSortingPoints (两网融合: points that do not take recyclables yet)")] string? Candidates,
    [property: Description("Grid spacing, metres (50–10,000; the candidates it gives are capped)")] double? GridSpacingM,
    double? Minutes, double? SpeedKmh);

[Description("POST /api/siting/sorting-centers: centers (or reachTarget) and the haul options.")]
public sealed record CenterSitingBody(
    string? Goal, string? Policy, int? Year, bool? ReachTarget, GeoJsonFeatureCollection? UploadedSites, string? Crs, bool? Exact,
    double? TimeLimitSeconds, int? Centers, double? GridSpacingM, double? CapacityTonnesPerDay, double? HaulLimitKm, double? HaulCircuity,
    double? KgPerHouseholdPerDay);

[Description("A whole-chain run for a county network (the city's policy must set tier rules): how many village outlets, " +
    "transfer stations and county sorting centres to propose (0 skips a tier), a new county centre's capacity, and the time limit.")]
public sealed record TierSitingBody(int? VillageOutlets, int? TransferStations, int? CountyCentres, double? CapacityTonnesPerDay,
    double? KgPerHouseholdPerDay, double? StationHaulLimitKm, double? CentreHaulLimitKm, double? TimeLimitSeconds);
