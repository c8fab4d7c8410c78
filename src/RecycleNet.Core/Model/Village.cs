using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Model;

/// <summary>行政村 (administrative village, a villagers' committee) or 自然村 (a natural settlement within one).</summary>
public enum VillageKind { Administrative, Natural }

/// <summary>A village as a point with its residents: the demand of the rural tiers, reached by road.</summary>
public sealed class Village : SpatialEntity
{
    public VillageKind Kind { get; set; }

    /// <summary>Residents, persons.</summary>
    public int Population { get; set; }

    /// <summary>Households; estimated from the population and the county's household size when not given.</summary>
    public int Households { get; set; }

    /// <summary>The township it belongs to: given on import (name, code or id) or found by point-in-polygon.</summary>
    public long? TownshipId { get; set; }

    /// <summary>Its county, found by point-in-polygon.</summary>
    public long? DistrictId { get; set; }

    public Point Location => (Point)Geometry;
}
