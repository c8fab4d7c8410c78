using System.Globalization;

namespace RecycleNet.Core.Network;

/// <summary>Which way a road may be driven along its drawn direction.</summary>
public enum RoadDirection : byte { Both, Forward, Backward }

/// <summary>A drivable road: its class, the directions it may be driven in, and its speed (km/h) and where the speed came from.</summary>
public readonly record struct RoadAttributes(string Class, RoadDirection Direction, double SpeedKmh, bool SpeedFromTag);

/// <summary>
/// Which OSM ways a motor vehicle (a collection truck) may use, in which direction and how fast. Kept: motorway to
/// residential, their links, living streets, unclassified, service roads and tracks. Dropped: foot-only and cycle
/// ways, roads under construction or proposed, ferries (route=ferry and highway=ferry: no haul waits for a boat),
/// area outlines, and access=private/no or motor_vehicle/motorcar=no unless a vehicle tag allows it again.
/// Direction: oneway=yes/true/1 forward, -1/reverse backward; motorways and roundabouts are one-way unless tagged
/// oneway=no. Speed: maxspeed in km/h (plain, "km/h" or "mph"), else the class default below — documented
/// assumptions for Chinese roads, close to the design speeds of JTG B01 and of urban streets (CJJ 37).
/// </summary>
public static class DrivabilityRules
{
    /// <summary>Default speed per road class, km/h, where a way has no usable maxspeed.</summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultSpeedKmh = new Dictionary<string, double>
    {
        ["motorway"] = 100, ["motorway_link"] = 60, ["trunk"] = 80, ["trunk_link"] = 50, ["primary"] = 60, ["primary_link"] = 40,
        ["secondary"] = 50, ["secondary_link"] = 40, ["tertiary"] = 40, ["tertiary_link"] = 30, ["unclassified"] = 30,
        ["residential"] = 25, ["living_street"] = 10, ["service"] = 15, ["track"] = 15, ["road"] = 30,
    };

    private static readonly HashSet<string> VehicleAllowed = ["yes", "designated", "permissive", "destination", "delivery", "agricultural"];

    /// <summary>The road's attributes, or why a vehicle may not use it ("not a highway" for ways that are no road at all).</summary>
    public static (RoadAttributes? Road, string? Reject) Read(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        string? highway = null, access = null, motorVehicle = null, anyVehicle = null, area = null, route = null, oneway = null, junction = null, maxspeed = null;
        foreach (var (k, v) in tags)
        {
            switch (k)
            {
                case "highway": highway = v; break;
                case "access": access = v; break;
                case "motor_vehicle": case "motorcar": motorVehicle = motorVehicle is "no" ? motorVehicle : v; break;
                case "vehicle": anyVehicle = v; break;
                case "area": area = v; break;
                case "route": route = v; break;
                case "oneway": oneway = v; break;
                case "junction": junction = v; break;
                case "maxspeed": maxspeed = v; break;
            }
        }
        if (route == "ferry" || highway == "ferry") return (null, "ferry");
        if (highway is null) return (null, "not a highway");
        if (!DefaultSpeedKmh.TryGetValue(highway, out var speed)) return (null, $"highway={highway}");
        if (area == "yes") return (null, "area=yes");
        var allowedAgain = motorVehicle is not null && VehicleAllowed.Contains(motorVehicle);
        if (motorVehicle == "no" || anyVehicle == "no" && !allowedAgain) return (null, "motor_vehicle=no");
        if (access is "private" or "no" && !allowedAgain) return (null, $"access={access}");
        var direction = oneway switch
        {
            "yes" or "true" or "1" => RoadDirection.Forward,
            "-1" or "reverse" => RoadDirection.Backward,
            "no" or "false" or "0" => RoadDirection.Both,
            _ => highway == "motorway" || junction is "roundabout" or "circular" ? RoadDirection.Forward : RoadDirection.Both,
        };
        var tagged = ParseSpeed(maxspeed);
        return (new RoadAttributes(highway, direction, tagged ?? speed, tagged is not null), null);
    }

    /// <summary>A maxspeed value in km/h: "60", "60 km/h", "40 mph" (converted); null for none, "none", "signals" and the like.</summary>
    public static double? ParseSpeed(string? maxspeed)
    {
        if (string.IsNullOrWhiteSpace(maxspeed)) return null;
        var s = maxspeed.Trim().Split(';')[0].Trim();
        var mph = s.EndsWith("mph", StringComparison.OrdinalIgnoreCase);
        s = s.Replace("km/h", "", StringComparison.OrdinalIgnoreCase).Replace("kmh", "", StringComparison.OrdinalIgnoreCase)
            .Replace("mph", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v is <= 0 or > 200) return null;
        return mph ? Math.Round(v * 1.609344, 1) : v;
    }
}
