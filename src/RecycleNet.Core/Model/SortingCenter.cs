using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Model;

/// <summary>City-level sorting centre, or a county sorting centre (县域分拣中心) that transfer stations haul to.</summary>
public enum CenterTier { City, County }

/// <summary>A sorting centre (分拣中心); <see cref="GreenCertified"/> marks a green digital-smart one (绿色数智化).</summary>
public sealed class SortingCenter : SpatialEntity
{
    public FacilityStatus Status { get; set; }

    /// <summary>Design capacity, tonnes per day.</summary>
    public double? CapacityTonnesPerDay { get; set; }

    public bool GreenCertified { get; set; }

    /// <summary>When it closed (停业): a report for a month after it is refused. Null: open, or not known.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>A city's sorting centre, or a county sorting centre (县域分拣中心) at the top of a county network.</summary>
    public CenterTier Tier { get; set; }

    public Point Location => (Point)Geometry;
}
