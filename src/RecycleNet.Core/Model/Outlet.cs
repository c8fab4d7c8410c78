using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Model;

/// <summary>Which network an outlet belongs to (Binzhou's plan: 村级回收网点 are the bottom tier of the county network).</summary>
public enum OutletTier { Community, Village }

/// <summary>A recycling outlet (再生资源回收网点): a fixed site or a mobile station.</summary>
public sealed class Outlet : SpatialEntity
{
    public OutletKind Kind { get; set; }
    public FacilityStatus Status { get; set; }

    /// <summary>Meets the modern-outlet standard (现代化回收网点).</summary>
    public bool Modern { get; set; }

    /// <summary>Floor area in square metres (fixed outlets).</summary>
    public double? AreaM2 { get; set; }

    /// <summary>Operating enterprise or individual business, by name.</summary>
    public string? Operator { get; set; }

    public DateOnly? OpenedOn { get; set; }

    /// <summary>When it closed (停业): a report for a month after it is refused. Null: open, or not known.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Community outlets serve urban residents on foot; village outlets (村级回收网点) serve villages by road.</summary>
    public OutletTier Tier { get; set; }

    /// <summary>For mobile stations: ids of the communities the station serves.</summary>
    public List<long> ServedCommunityIds { get; set; } = [];

    /// <summary>For mobile stations: ids of the villages the station serves (it counts as their village outlet).</summary>
    public List<long> ServedVillageIds { get; set; } = [];

    /// <summary>A copy of this outlet at <paramref name="at"/> with <paramref name="status"/>: what a what-if moves or closes.</summary>
    public Outlet With(Point at, FacilityStatus status)
    {
        var copy = (Outlet)MemberwiseClone();
        copy.Geometry = at;
        copy.Status = status;
        return copy;
    }

    public Point Location => (Point)Geometry;

    /// <summary>
    /// Set on the stand-in a merged waste-sorting point (两网融合) is for walking coverage (<see cref="Cities.CitySnapshot.FixedRecyclingPoints"/>):
    /// the point's id. Such a stand-in covers residents but is not an outlet in any count. Not stored.
    /// </summary>
    public long? MergedPointId { get; init; }

    public bool IsMergedPoint => MergedPointId is not null;
}
