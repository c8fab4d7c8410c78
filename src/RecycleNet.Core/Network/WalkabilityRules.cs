namespace RecycleNet.Core.Network;

/// <summary>
/// Which OSM ways a pedestrian may use. Kept: footways, paths, pedestrian streets, steps, living streets,
/// residential, service and track roads, cycleways (in Chinese cities usually shared with pedestrians) and the
/// ordinary road classes up to trunk. Dropped: motorways and their links, roads under construction or only
/// proposed, area outlines (area=yes), motorroad=yes, foot=no, and access=private/no unless foot=yes,
/// designated or permissive. Close to OSMnx's "walk" filter, written out here so it can be read and tested.
/// </summary>
public static class WalkabilityRules
{
    private static readonly HashSet<string> WalkableHighways =
    [
        "footway", "path", "pedestrian", "steps", "living_street", "residential", "service", "track", "unclassified",
        "cycleway", "bridleway", "corridor", "road", "tertiary", "tertiary_link", "secondary", "secondary_link",
        "primary", "primary_link", "trunk", "trunk_link",
    ];

    private static readonly HashSet<string> FootAllowed = ["yes", "designated", "permissive", "official"];

    /// <summary>Why a way is not walkable, or null when it is. Ways without a highway tag get "not a highway".</summary>
    public static string? Reject(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        string? highway = null, foot = null, access = null, area = null, motorroad = null;
        foreach (var (k, v) in tags)
        {
            switch (k)
            {
                case "highway": highway = v; break;
                case "foot": foot = v; break;
                case "access": access = v; break;
                case "area": area = v; break;
                case "motorroad": motorroad = v; break;
            }
        }
        if (highway is null) return "not a highway";
        if (!WalkableHighways.Contains(highway)) return $"highway={highway}";
        if (foot == "no") return "foot=no";
        if (area == "yes") return "area=yes";
        if (motorroad == "yes") return "motorroad=yes";
        if (access is "private" or "no" && !(foot is not null && FootAllowed.Contains(foot))) return $"access={access}";
        return null;
    }

    public static bool IsWalkable(IReadOnlyList<KeyValuePair<string, string>> tags) => Reject(tags) is null;
}
