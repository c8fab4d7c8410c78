using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Model;

/// <summary>A residential community (小区) as a point with its households.</summary>
public sealed class Community : SpatialEntity
{
    public int Households { get; set; }

    /// <summary>Residents, when known; otherwise estimated from households and the district's household size.</summary>
    public int? Population { get; set; }

    /// <summary>The district containing it: given on import or found by point-in-polygon.</summary>
    public long? DistrictId { get; set; }

    public Point Location => (Point)Geometry;
}
