using System.Globalization;

namespace RecycleNet.Core.Network.Centrelines;

/// <summary>
/// How a centreline file's attributes say what a road is: which field holds its class, its one-way direction, its speed
/// and whether people may walk it, and what the class values mean. The default reads the names Chinese survey and GIS
/// data use (道路等级/DLDJ, 单行/方向, 限速/设计速度, 步行) as well as OSM's (highway, oneway, maxspeed, foot), and maps
/// the road grades of highway administration (高速公路, 国道, 省道, 县道, 乡道, 村道) and of urban planning (快速路, 主干路,
/// 次干路, 支路) to the OSM classes whose default speeds and rules <see cref="DrivabilityRules"/> and
/// <see cref="WalkabilityRules"/> hold. A planner's mapping replaces any part of it.
/// </summary>
public sealed record RoadMapping
{
    /// <summary>Fields tried, in order, for the road class.</summary>
    public IReadOnlyList<string> ClassFields { get; init; } = ["highway", "class", "道路等级", "等级", "DLDJ", "RCLASS", "GRADE", "KIND", "类型"];

    /// <summary>Fields tried for the direction of travel.</summary>
    public IReadOnlyList<string> OnewayFields { get; init; } = ["oneway", "单行", "单向", "方向", "FX", "DIRECTION"];

    /// <summary>Fields tried for the speed, km/h.</summary>
    public IReadOnlyList<string> SpeedFields { get; init; } = ["maxspeed", "speed", "限速", "设计速度", "SJSD", "SPEED"];

    /// <summary>Fields tried for walkability (yes/no, 是/否, 1/0): when present, they decide over the class.</summary>
    public IReadOnlyList<string> WalkFields { get; init; } = ["foot", "walk", "步行", "可步行"];

    /// <summary>Class values (as written in the file) → OSM highway class; a value already an OSM class is taken as it is.</summary>
    public IReadOnlyDictionary<string, string> Classes { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["高速公路"] = "motorway", ["高速"] = "motorway", ["城市快速路"] = "trunk", ["快速路"] = "trunk", ["国道"] = "trunk",
        ["省道"] = "primary", ["主干路"] = "primary", ["主干道"] = "primary", ["县道"] = "secondary", ["次干路"] = "secondary", ["次干道"] = "secondary",
        ["乡道"] = "tertiary", ["支路"] = "tertiary", ["村道"] = "unclassified", ["专用公路"] = "unclassified", ["街巷"] = "residential",
        ["小区道路"] = "residential", ["内部道路"] = "service", ["机耕路"] = "track", ["田间道"] = "track", ["步行街"] = "pedestrian",
        ["人行道"] = "footway", ["步道"] = "footway", ["绿道"] = "cycleway", ["渡口"] = "ferry", ["轮渡"] = "ferry", ["匝道"] = "primary_link",
    };

    private static readonly HashSet<string> Yes = ["yes", "true", "1", "是", "y", "单行", "正向", "顺行"];
    private static readonly HashSet<string> Back = ["-1", "reverse", "反向", "逆向", "逆行"];
    private static readonly HashSet<string> No = ["no", "false", "0", "否", "n", "双向", "双行"];

    /// <summary>
    /// The OSM-style tags a centreline stands for (highway, oneway, maxspeed, foot), so the walking and driving rules that
    /// read OSM read it the same way; or why it is no road (no class field, an unknown class value).
    /// </summary>
    public (List<KeyValuePair<string, string>>? Tags, string? Reject) Tags(IReadOnlyDictionary<string, object?> attributes)
    {
        var raw = First(attributes, ClassFields);
        if (raw is null) return (null, "no road class (fields tried: " + string.Join(", ", ClassFields) + ")");
        var highway = Classes.TryGetValue(raw, out var mapped) ? mapped : IsRoadClass(raw) ? raw : null;
        if (highway is null) return (null, $"road class '{(raw.Length <= 20 ? raw : raw[..20] + "…")}' is not in the mapping");
        var tags = new List<KeyValuePair<string, string>> { new("highway", highway) };
        if (highway == "ferry") tags = [new("route", "ferry")];
        if (First(attributes, OnewayFields) is { } oneway)
        {
            var o = oneway.ToLowerInvariant();
            tags.Add(new("oneway", Yes.Contains(o) ? "yes" : Back.Contains(o) ? "-1" : No.Contains(o) ? "no" : o));
        }
        if (First(attributes, SpeedFields) is { } speed) tags.Add(new("maxspeed", speed));
        if (First(attributes, WalkFields) is { } walk)
            tags.Add(new("foot", Yes.Contains(walk.ToLowerInvariant()) ? "yes" : No.Contains(walk.ToLowerInvariant()) ? "no" : walk));
        return (tags, null);
    }

    /// <summary>
    /// A planner's mapping as JSON — <c>{"classFields": ["DLDJ"], "classes": {"3": "primary"}, "onewayFields": […],
    /// "speedFields": […], "walkFields": […]}</c>, every member optional — over the defaults: listed fields replace the
    /// default list, listed classes are added to the default ones. Throws <see cref="FormatException"/> naming the member.
    /// </summary>
    public static RoadMapping FromJson(string json)
    {
        System.Text.Json.JsonDocument doc;
        try { doc = System.Text.Json.JsonDocument.Parse(json); }
        catch (System.Text.Json.JsonException e) { throw new FormatException($"mapping: not JSON ({e.Message})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) throw new FormatException("mapping: must be a JSON object");
            var m = new RoadMapping();
            var classes = new Dictionary<string, string>(m.Classes, StringComparer.OrdinalIgnoreCase);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                IReadOnlyList<string> Fields()
                {
                    if (p.Value.ValueKind != System.Text.Json.JsonValueKind.Array || p.Value.EnumerateArray().Any(v => v.ValueKind != System.Text.Json.JsonValueKind.String)
                        || p.Value.GetArrayLength() is 0 or > 20)
                        throw new FormatException($"mapping.{p.Name}: must be a list of 1 to 20 field names");
                    return [.. p.Value.EnumerateArray().Select(v => v.GetString()!)];
                }
                switch (p.Name)
                {
                    case "classFields": m = m with { ClassFields = Fields() }; break;
                    case "onewayFields": m = m with { OnewayFields = Fields() }; break;
                    case "speedFields": m = m with { SpeedFields = Fields() }; break;
                    case "walkFields": m = m with { WalkFields = Fields() }; break;
                    case "classes":
                        if (p.Value.ValueKind != System.Text.Json.JsonValueKind.Object) throw new FormatException("mapping.classes: must be an object of value → road class");
                        foreach (var c in p.Value.EnumerateObject())
                        {
                            var target = c.Value.ValueKind == System.Text.Json.JsonValueKind.String ? c.Value.GetString()! : "";
                            if (!IsRoadClass(target))
                                throw new FormatException($"mapping.classes.{c.Name}: '{target}' is not a road class; use one of {string.Join(", ", DrivabilityRules.DefaultSpeedKmh.Keys)}, footway, path, pedestrian, cycleway, steps, ferry");
                            classes[c.Name] = target;
                        }
                        break;
                    default: throw new FormatException($"mapping.{p.Name}: is not a member (classFields, classes, onewayFields, speedFields, walkFields)");
                }
            }
            return m with { Classes = classes };
        }
    }

    /// <summary>The classes a mapping may name: the drivable ones (with their default speeds) and the ways only people use, and ferries.</summary>
    private static bool IsRoadClass(string c) =>
        DrivabilityRules.DefaultSpeedKmh.ContainsKey(c) || c is "footway" or "path" or "pedestrian" or "cycleway" or "steps" or "ferry";

    private static string? First(IReadOnlyDictionary<string, object?> attributes, IReadOnlyList<string> fields)
    {
        foreach (var f in fields)
            if (attributes.TryGetValue(f, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s)
                return s;
        return null;
    }
}
