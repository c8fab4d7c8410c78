using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Model;

/// <summary>A township transfer station (乡镇中转站): villages' recyclables are gathered here and hauled to a county sorting centre.</summary>
public sealed class TransferStation : SpatialEntity
{
    public FacilityStatus Status { get; set; }

    /// <summary>Design capacity, tonnes per day.</summary>
    public double? CapacityTonnesPerDay { get; set; }

    /// <summary>The township it stands in: a station in no township is refused.</summary>
    public long TownshipId { get; set; }

    /// <summary>When it closed (停业): a report for a month after it is refused. Null: open, or not known.</summary>
    public DateOnly? ClosedOn { get; set; }

    public Point Location => (Point)Geometry;
}
