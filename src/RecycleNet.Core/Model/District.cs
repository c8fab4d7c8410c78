namespace RecycleNet.Core.Model;

/// <summary>A district or county (区县) with its census figures. Geometry is a (multi)polygon.</summary>
public sealed class District : SpatialEntity
{
    /// <summary>Six-digit administrative division code (行政区划代码), e.g. "370102".</summary>
    public string Adcode { get; set; } = "";

    /// <summary>Resident population (7th census, 2020), persons.</summary>
    public long Population { get; set; }

    /// <summary>Average household size, persons per household.</summary>
    public double AvgHouseholdSize { get; set; }

    /// <summary>Share of residents living in urban areas, 0-1; null when unknown.</summary>
    public double? UrbanShare { get; set; }

    /// <summary>Households estimated from the census: population / average household size.</summary>
    public long Households => AvgHouseholdSize > 0 ? (long)Math.Round(Population / AvgHouseholdSize) : 0;
}
