using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Model;

/// <summary>A sorting centre (分拣中心); <see cref="GreenCertified"/> marks a green digital-smart one (绿色数智化).</summary>
public sealed class SortingCenter : SpatialEntity
{
    public FacilityStatus Status { get; set; }

    /// <summary>Design capacity, tonnes per day.</summary>
    public double? CapacityTonnesPerDay { get; set; }

    public bool GreenCertified { get; set; }

    public Point Location => (Point)Geometry;
}
