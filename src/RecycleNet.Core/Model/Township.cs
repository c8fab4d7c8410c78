namespace RecycleNet.Core.Model;

/// <summary>A township or subdistrict (乡镇 / 街道), the middle tier of a county's network. Geometry is a (multi)polygon.</summary>
public sealed class Township : SpatialEntity
{
    /// <summary>Nine-digit statistical division code (统计用区划代码, first 9 digits), e.g. "371602100"; its first six are the county's adcode.</summary>
    public string Code { get; set; } = "";

    /// <summary>The county (district) it belongs to: from the code's first six digits, else by its centre.</summary>
    public long? DistrictId { get; set; }

    /// <summary>Resident population, when known.</summary>
    public long? Population { get; set; }
}
