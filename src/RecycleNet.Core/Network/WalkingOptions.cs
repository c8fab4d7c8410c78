using RecycleNet.Core.Input;

namespace RecycleNet.Core.Network;

/// <summary>
/// How far a resident walks: <see cref="Minutes"/> at <see cref="SpeedKmh"/> along streets. The limit in metres
/// is speed × time (15 min at 4.5 km/h = 1,125 m, GB 50180-2018's 15-minute life circle).
/// Where no network covers a place, straight-line distance × <see cref="Circuity"/> stands in for the walk.
/// </summary>
public sealed record WalkingOptions
{
    /// <summary>Walking time, minutes (15 for the 一刻钟 life circle; 5 and 10 are common too).</summary>
    public double Minutes { get; init; } = 15;

    /// <summary>Walking speed, km/h.</summary>
    public double SpeedKmh { get; init; } = 4.5;

    /// <summary>Ratio of street distance to straight-line distance used without a network (≥ 1; 1.3 is typical of city grids).</summary>
    public double Circuity { get; init; } = 1.3;

    /// <summary>Farthest a point may lie from the nearest street and still be reached through it, metres.</summary>
    public double SnapDistanceM { get; init; } = 300;

    /// <summary>Walking limit along streets, metres: speed × time.</summary>
    public double LimitM => SpeedKmh * 1000.0 / 60.0 * Minutes;

    /// <summary>Straight-line radius equivalent to the limit, metres: limit / circuity.</summary>
    public double StraightLineRadiusM => LimitM / Circuity;

    /// <summary>The first rule broken as (field, rule), or null when the options are usable.</summary>
    public FieldError? Validate()
    {
        if (!double.IsFinite(Minutes) || Minutes <= 0 || Minutes > 120)
            return new("minutes", "must be a number of minutes above 0 and at most 120", "须为大于 0、不超过 120 的分钟数");
        if (!double.IsFinite(SpeedKmh) || SpeedKmh <= 0 || SpeedKmh > 20)
            return new("speedKmh", "must be a walking speed in km/h above 0 and at most 20", "须为大于 0、不超过 20 的步行速度（千米/小时）");
        if (!double.IsFinite(Circuity) || Circuity < 1 || Circuity > 3)
            return new("circuity", "must be between 1 and 3 (street distance / straight-line distance)", "须在 1 到 3 之间（街道距离 / 直线距离）");
        if (!double.IsFinite(SnapDistanceM) || SnapDistanceM <= 0 || SnapDistanceM > 5000)
            return new("snapDistanceM", "must be a distance in metres above 0 and at most 5,000", "须为大于 0、不超过 5000 的距离（米）");
        return null;
    }
}

/// <summary>How a distance was measured: along the walking network, as straight line × circuity, or not at all.</summary>
public enum DistanceMethod
{
    /// <summary>Along the walking network.</summary>
    Network,
    /// <summary>No network covers the place: straight-line distance × circuity.</summary>
    StraightLine,
    /// <summary>Inside the network's area but farther than the snapping distance from any street.</summary>
    Unreachable,
}

/// <summary>Names a set of measurements for answers: "network", "straightLine" or "mixed".</summary>
public static class DistanceMethods
{
    /// <summary>
    /// "straightLine" when there is no network or nothing was measured on it; "network" when nothing was
    /// straight-line; "mixed" otherwise. Unreachable points count as on the network: a network covers them.
    /// </summary>
    public static string Summarize(IEnumerable<DistanceMethod> methods, bool networkLoaded)
    {
        if (!networkLoaded) return "straightLine";
        bool onNetwork = false, straight = false;
        foreach (var m in methods) { if (m == DistanceMethod.StraightLine) straight = true; else onNetwork = true; }
        return !onNetwork ? "straightLine" : straight ? "mixed" : "network";
    }
}

/// <summary>Decides, for one point, whether it is measured on the network, in a straight line, or is unreachable.</summary>
public static class WalkingAccess
{
    /// <summary>
    /// A point (projected metres) that snaps to a street within the snapping distance is on the network; one
    /// that does not, but lies inside the network's area (its convex hull), is unreachable — a network covers it
    /// and no street comes near, so counting it in a straight line would be a guess. Everything else (no
    /// network, or outside its area) is straight-line.
    /// </summary>
    public static (DistanceMethod Method, SnapPoint? Snap) Locate(WalkingGraph? graph, double x, double y, double snapDistanceM)
    {
        if (graph is null) return (DistanceMethod.StraightLine, null);
        if (graph.Snap(x, y, snapDistanceM) is { } snap) return (DistanceMethod.Network, snap);
        return (graph.InCoverageArea(x, y) ? DistanceMethod.Unreachable : DistanceMethod.StraightLine, null);
    }
}
