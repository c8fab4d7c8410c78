using System.ComponentModel;
using System.Text.Json.Serialization;

namespace RecycleNet.Api.Endpoints;

public sealed record OsmClipAnswer(double MarginM, long NodesOutside, long WaysOutside, long WaysCut);

[Description("What the OSM reader found: ways read, kept as walkable and drivable, dropped by reason, and what clipping left out.")]
public sealed record OsmLoadAnswer(long NodesRead, long WaysRead, long WalkableWays, IReadOnlyDictionary<string, long> DroppedWays, long MissingNodeRefs,
    long DrivableWays, IReadOnlyDictionary<string, long> DroppedDriveWays,
    [property: Description("null: the whole file was read")] OsmClipAnswer? Clip);

[Description("What the centreline reader found: the declared CRS, lines read, kept, dropped by reason, and crossings made junctions.")]
public sealed record CentrelineLoadAnswer(string DeclaredCrs, int Lines, int Kept, int Walkable, int Drivable, IReadOnlyDictionary<string, int> Dropped,
    int CrossingsNoded, [property: Description("default or the planner's")] string Mapping);

[Description("The drivable network of the same upload, on which hauls and the rural tiers are measured.")]
public sealed record RoadsAnswer(int Nodes, int Edges, int OnewayEdges, double LengthKm, string Speeds);

/// <summary>GET /api/network: the network loaded, or that none is (then only loaded, method and the note).</summary>
[Description("The walking and drivable networks loaded, or that none is and distances are straight-line × circuity.")]
public sealed record NetworkAnswer(bool Loaded, [property: Description("network or straightLine")] string Method,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Nodes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Edges = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? LengthKm = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Bbox = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Crs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? LoadedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? LoadMs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FileBytes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OsmLoadAnswer? Osm = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CentrelineLoadAnswer? Centrelines = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RoadsAnswer? Roads = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NoteZh = null);
