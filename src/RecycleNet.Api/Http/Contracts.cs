using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecycleNet.Api.Http;

// The JSON bodies the service reads, as types: the OpenAPI document describes them (.Accepts<T>) and each reader
// takes exactly their members (Fields.Of<T>), so what is documented and what is accepted cannot drift apart.
// The readers still read by hand, to name every faulty field by its JSON path rather than stop at the first.

/// <summary>The member names of a body type as they appear in JSON (camelCase).</summary>
public static class Fields
{
    public static string[] Of<T>() => Cache<T>.Names;

    private static class Cache<T>
    {
        public static readonly string[] Names = [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))];
    }
}

[Description("A GeoJSON Feature (RFC 7946) with the layer's properties; coordinates in the crs given by ?crs= (WGS84 by default).")]
public sealed record GeoJsonFeature(string Type, long? Id, JsonElement? Geometry, Dictionary<string, JsonElement?>? Properties);

[Description("A GeoJSON FeatureCollection (RFC 7946).")]
public sealed record GeoJsonFeatureCollection(string Type, GeoJsonFeature[] Features);

[Description("A point as { lon, lat } in the body's crs, or a GeoJSON Point.")]
public sealed record LonLat(double Lon, double Lat);

[Description("POST /api/subsidies/estimate: an applicant's planned outlets, mobile stations and facility recognitions.")]
public sealed record SubsidyEstimateBody(
    [property: Description("Policy id: the city's own (the default when left out); another city's is refused")] string? Policy,
    EstimateWindow ApplicationWindow, EstimateApplicant? Applicant, EstimateFixedOutlet[]? FixedOutlets, EstimateMobileStation[]? MobileStations,
    EstimateFacility[]? Facilities, [property: Description("CRS of locations: WGS84 (default), GCJ02, BD09, EPSG:…")] string? Crs);

public sealed record EstimateWindow(DateOnly From, DateOnly To);

public sealed record EstimateApplicant(string? Name, bool? MofcomRegistered, int? DirectOutletCount, decimal? SmallestDirectOutletAreaM2, int? BoxTrucks);

public sealed record EstimateFixedOutlet(string Id, string? Name, decimal? AreaM2, DateOnly? BuiltOn, bool? DirectlyOperated, LonLat? Location);

public sealed record EstimateMobileStation(string Id, string? Name, int? CommunitiesServed, decimal? OperatingMonths, bool? MeetsGuideline, decimal? InvestmentYuan);

public sealed record EstimateFacility(string Id, string? Name, string Kind, DateOnly? RecognizedOn);

[Description("POST /api/coverage/what-if: a plan's changes (add, move, close, update, as in a plan) and waste-sorting points merged; nothing is saved.")]
public sealed record WhatIfBody(PlanAddBody[]? Add, PlanMoveBody[]? Move,
    [property: Description("outlet ids, or { layer, id } objects")] JsonElement[]? Close, PlanUpdateBody[]? Update,
    [property: Description("waste-sorting point ids that would also take recyclables (两网融合)")] long[]? Merge, string? Crs);

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

[Description("An enterprise as written: name and unified social credit code required. id, version and source are read-only: " +
    "they may be sent back as read, and are ignored (If-Match carries the version).")]
public sealed record EnterpriseBody(long? Id, string Name, string CreditCode, bool? MofcomRegistered, int? DirectOutletCount, long? Version, string? Source);

[Description("What an import did.")]
public sealed record ImportAnswer(string Layer, string Mode, string Crs, string Format, int Inserted, int Removed, IReadOnlyList<long> Ids,
    IReadOnlyList<string> IgnoredFields, [property: Description("true: checked only (?dryRun=true); inserted and removed say what applying would do")] bool DryRun = false,
    [property: Description("dry run: each column and the property it is read as (null: ignored; geometry: coordinates)")] object? Columns = null,
    [property: Description("dry run: the first five rows as read")] object? Preview = null);

[Description("A siting run: its status (queued, running, done, failed, cancelled), stage, and when done its plan.")]
public sealed record SitingJobAnswer(Guid Id, string Kind, string Status, string Stage, DateTimeOffset Started, double? ElapsedMs, string Href,
    string? Error, string? ErrorZh, object? Result);

[Description("What a volume import stored (or, with dryRun, would store): figures, facility-months, resubmissions and the corrections they make (the first 500).")]
public sealed record VolumeImportAnswer(bool DryRun, string Layout, string Format, int Figures, int FacilityMonths, int Resubmitted, int ReplacedFigures,
    int CorrectionCount, IReadOnlyList<object> Corrections,
    [property: Description("replace or merge, as asked; null when the request gave none")] string? Mode,
    [property: Description("Stored figures of resubmitted facility-months this report does not name again: removed by replace, kept by merge")] int RemovedCount,
    [property: Description("True (dry runs only) when the report would remove figures and no mode was given: the real import would be refused with 409")] bool NeedsMode,
    IReadOnlyList<object> Removed);

[Description("The volume statistics' categories and units.")]
public sealed record VolumeCategoriesAnswer(string Source, IReadOnlyList<RecycleNet.Core.Volumes.VolumeUnit> Units,
    IReadOnlyList<RecycleNet.Core.Volumes.VolumeCategory> Categories);

[Description("POST /api/plans, PUT /api/plans/{id}: a plan's name and changes (the what-if body's shape, extended), or proposals of a siting run.")]
public sealed record PlanBody(string? Name, PlanChangesBody? Changes, PlanFromSitingBody? FromSitingJob, string? Crs);

public sealed record PlanChangesBody(PlanAddBody[]? Add, PlanMoveBody[]? Move,
    [property: Description("outlet ids, or { layer, id } objects")] JsonElement[]? Close, PlanUpdateBody[]? Update);

[Description("A feature added: outlets by default; properties as the layer's GeoJSON has them (kind, areaM2, modern, status …).")]
public sealed record PlanAddBody(string? Layer, double Lon, double Lat, string? Name, JsonElement? Properties);

public sealed record PlanMoveBody(string? Layer, long Id, double Lon, double Lat);

[Description("Properties of an existing outlet or sorting centre that change (status, modern, areaM2, tier …).")]
public sealed record PlanUpdateBody(string? Layer, long Id, JsonElement Properties);

[Description("A done siting run's proposals accepted into the plan: all, or the ranks given.")]
public sealed record PlanFromSitingBody(string Id, int[]? Ranks);
