using System.ComponentModel;

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

/// <summary>GET /api/network when a network is loaded: where it came from, its size and extent, and what the reader made of it.</summary>
[Description("The walking and drivable networks loaded: source, size, extent, and what the reader made of the file (osm or centrelines, and roads).")]
public sealed record NetworkAnswer([property: Description("true")] bool Loaded, [property: Description("network")] string Method, string Source,
    [property: Description("upload, or the file configured at start")] string Origin, string Format, int Nodes, int Edges, double LengthKm,
    [property: Description("west, south, east, north in WGS 84")] IReadOnlyList<double> Bbox, [property: Description("The projected CRS distances are measured in")] string Crs,
    DateTimeOffset LoadedAt, long LoadMs, long FileBytes, [property: Description("null unless an OSM file")] OsmLoadAnswer? Osm,
    [property: Description("null unless centrelines")] CentrelineLoadAnswer? Centrelines, RoadsAnswer? Roads);

/// <summary>GET /api/network when none is loaded: distances are straight-line × circuity.</summary>
[Description("No network is loaded: distances are straight-line × circuity.")]
public sealed record NoNetworkAnswer([property: Description("false")] bool Loaded, [property: Description("straightLine")] string Method, string Note, string NoteZh);
