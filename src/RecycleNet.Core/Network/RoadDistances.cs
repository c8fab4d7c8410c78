using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using RecycleNet.Core.Geography;

using RecycleNet.Core.Input;

namespace RecycleNet.Core.Network;

/// <summary>What "nearest" means on the roads: the shortest drive (metres) or the quickest (seconds).</summary>
public enum RoadMetric { Distance, Time }

/// <summary>A drive from an origin to its nearest target: which target, how far (m) and how long (s).</summary>
public readonly record struct RoadLeg(int Target, double Metres, double Seconds);

/// <summary>
/// Distances and drive times between points by road, for every haul (outlet → centre, village → transfer station,
/// station → county centre) and for rural access: on the loaded drivable network, or — the labelled fallback — in a
/// straight line × circuity at an assumed speed.
/// </summary>
public interface IRoadDistances
{
    /// <summary>How the figures were measured, for the answer: "road network …" or "straight line × 1.3 at 30 km/h".</summary>
    string Method { get; }

    /// <summary>The same in Chinese (the page shows it first).</summary>
    string MethodZh { get; }

    /// <summary>True on a drivable network; false for the straight-line fallback.</summary>
    bool OnNetwork { get; }

    /// <summary>
    /// For each origin (WGS84), the target nearest by <paramref name="by"/> for a drive from the origin to it, or null when
    /// none is within <paramref name="limit"/> (metres or seconds, as <paramref name="by"/>) or reachable.
    /// </summary>
    RoadLeg?[] Nearest(IReadOnlyList<Point> origins, IReadOnlyList<Point> targets, RoadMetric by, double limit = double.PositiveInfinity);

    /// <summary>
    /// For each target, the origins whose drive to it is within <paramref name="limit"/>, with the drive (its
    /// <see cref="RoadLeg.Target"/> is the origin's index): the sparse pairs a covering or p-median model is built from.
    /// </summary>
    List<RoadLeg>[] Within(IReadOnlyList<Point> origins, IReadOnlyList<Point> targets, RoadMetric by, double limit);
}

/// <summary>The straight-line fallback's assumptions, each with its unit.</summary>
public sealed record RoadFallbackOptions
{
    /// <summary>Road distance / straight-line distance (rural roads in the North China Plain run about 1.2–1.4).</summary>
    public double Circuity { get; init; } = 1.3;

    /// <summary>Average drive speed for the drive-time rules, km/h (county and township roads, a loaded light truck).</summary>
    public double SpeedKmh { get; init; } = 30;
}

/// <summary>
/// Road figures without a road network: straight-line distance in the local Gauss-Kruger zone × <see cref="RoadFallbackOptions.Circuity"/>,
/// drive time at <see cref="RoadFallbackOptions.SpeedKmh"/>. With one speed, the nearest by time is the nearest by distance:
/// an STR-tree nearest-neighbour query per origin, O(O log T).
/// </summary>
public sealed class StraightLineRoads(LocalProjection projection, RoadFallbackOptions? options = null) : IRoadDistances
{
    private readonly RoadFallbackOptions _options = options ?? new RoadFallbackOptions();

    /// <summary>The fallback for a city: in the walking network's zone when one is loaded, else the zone of the city's centre.</summary>
    public static StraightLineRoads For(Cities.CitySnapshot city, WalkingGraph? graph, RoadFallbackOptions? options = null) =>
        new(graph?.Projection ?? LocalProjection.ForArea(city.CentreLongitude()), options);

    public string Method => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"straight line × {_options.Circuity:0.##} at {_options.SpeedKmh:0.#} km/h (no drivable network loaded)");

    public string MethodZh => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"直线距离 × {_options.Circuity:0.##}，车速 {_options.SpeedKmh:0.#} 千米/小时（未载入可行车路网）");

    /// <summary>The rule alone, as <see cref="NetworkRoads"/> names it for points beyond its area.</summary>
    internal Reason Rule => new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"straight line × {_options.Circuity:0.##} at {_options.SpeedKmh:0.#} km/h"),
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"直线距离 × {_options.Circuity:0.##}，车速 {_options.SpeedKmh:0.#} 千米/小时"));

    public bool OnNetwork => false;

    public List<RoadLeg>[] Within(IReadOnlyList<Point> origins, IReadOnlyList<Point> targets, RoadMetric by, double limit)
    {
        var pairs = new List<RoadLeg>[targets.Count];
        var xy = origins.Select(o => projection.Project(o.X, o.Y)).ToArray();
        var index = new STRtree<int>();
        for (var i = 0; i < xy.Length; i++) index.Insert(new Envelope(xy[i].X, xy[i].X, xy[i].Y, xy[i].Y), i);
        index.Build();
        // The straight-line radius that can still be within the limit.
        var radius = (by == RoadMetric.Distance ? limit : limit * _options.SpeedKmh / 3.6) / _options.Circuity;
        for (var t = 0; t < targets.Count; t++)
        {
            var (tx, ty) = projection.Project(targets[t].X, targets[t].Y);
            var found = pairs[t] = [];
            foreach (var o in index.Query(new Envelope(tx - radius, tx + radius, ty - radius, ty + radius)).Order())
            {
                var leg = Leg(o, Math.Sqrt((xy[o].X - tx) * (xy[o].X - tx) + (xy[o].Y - ty) * (xy[o].Y - ty)));
                if ((by == RoadMetric.Distance ? leg.Metres : leg.Seconds) <= limit) found.Add(leg);
            }
        }
        return pairs;
    }

    private RoadLeg Leg(int target, double straightM)
    {
        var metres = straightM * _options.Circuity;
        return new RoadLeg(target, metres, metres / (_options.SpeedKmh / 3.6));
    }

    public RoadLeg?[] Nearest(IReadOnlyList<Point> origins, IReadOnlyList<Point> targets, RoadMetric by, double limit = double.PositiveInfinity)
    {
        var legs = new RoadLeg?[origins.Count];
        if (targets.Count == 0) return legs;
        var xy = targets.Select(t => projection.Project(t.X, t.Y)).ToArray();
        var index = new STRtree<int>();
        for (var i = 0; i < xy.Length; i++) index.Insert(new Envelope(xy[i].X, xy[i].X, xy[i].Y, xy[i].Y), i);
        index.Build();
        for (var o = 0; o < origins.Count; o++)
        {
            var (x, y) = projection.Project(origins[o].X, origins[o].Y);
            var k = index.NearestNeighbour(new Envelope(x, x, y, y), -1, PointDistance.Instance);
            var leg = Leg(k, Math.Sqrt((xy[k].X - x) * (xy[k].X - x) + (xy[k].Y - y) * (xy[k].Y - y)));
            if ((by == RoadMetric.Distance ? leg.Metres : leg.Seconds) <= limit) legs[o] = leg;
        }
        return legs;
    }

}
