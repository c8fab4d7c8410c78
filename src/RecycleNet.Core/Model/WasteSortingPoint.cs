using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Model;

/// <summary>What a household-waste sorting point (生活垃圾分类投放点) is.</summary>
public enum WasteSortingPointKind
{
    /// <summary>定时定点投放站 / 投放亭: a staffed kiosk with timed drop-off.</summary>
    Station,
    /// <summary>分类投放桶点: a group of sorted bins.</summary>
    Bins,
    /// <summary>智能投放设备: a smart drop-off machine.</summary>
    Smart,
}

/// <summary>
/// A household-waste sorting point. 两网融合 (merging the recycling and waste-sorting networks) makes such a point
/// take recyclables too (<see cref="TakesRecyclables"/>): it then counts as a place residents can hand in recyclables.
/// </summary>
public sealed class WasteSortingPoint : SpatialEntity
{
    public WasteSortingPointKind Kind { get; set; }

    /// <summary>The community (小区) it serves, if it is in one.</summary>
    public long? CommunityId { get; set; }

    /// <summary>The village it serves, if it is in one.</summary>
    public long? VillageId { get; set; }

    /// <summary>Also takes recyclables: a merged point (两网融合).</summary>
    public bool TakesRecyclables { get; set; }

    public FacilityStatus Status { get; set; } = FacilityStatus.Operating;

    /// <summary>A copy of this point that also takes recyclables: what a merge (两网融合) makes of it.</summary>
    public WasteSortingPoint Merged()
    {
        var copy = (WasteSortingPoint)MemberwiseClone();
        copy.TakesRecyclables = true;
        return copy;
    }

    public Point Location => (Point)Geometry;
}
