using System.ComponentModel;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Subsidies;

// A subsidy estimate's body: what the OpenAPI document describes and all that SubsidyApplicationReader accepts.

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
