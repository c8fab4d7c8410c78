using RecycleNet.Core.Model;

namespace RecycleNet.Core.Volumes;

// A query of the reported figures and its answer: what the store sums (Storage/VolumeStore) and what the OGC layer and
// the API show (Features/VolumeFeatures, Api's VolumeJson) — defined here so neither of those needs the store to name them.

/// <summary>How totals are grouped (always by unit too: tonnes and 台 do not add up).</summary>
public enum VolumeGroup { Month, Year, Category, District, Facility }

/// <summary>A total: the groupings asked are set (Period: yyyymm by month, the year by year), the others null.</summary>
public sealed record VolumeTotal(string? Category, string Unit, int? Period, long? DistrictId, FacilityKind? Kind, long? FacilityId, long QuantityMilli, int Figures);

/// <summary>A query of figures: every part optional.</summary>
public sealed record VolumeFilter(FacilityKind? Kind = null, long? FacilityId = null, string? Category = null, string? Unit = null,
    long? DistrictId = null, ReportMonth? From = null, ReportMonth? To = null);
