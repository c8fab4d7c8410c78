using RecycleNet.Core.Geography;
using RecycleNet.Core.Network.Centrelines;

namespace RecycleNet.Core.Network;

/// <summary>
/// What a network file is: OpenStreetMap (<c>osm</c>: XML or PBF, told apart by its bytes), or road centrelines
/// (<c>geojson</c>, <c>shapefile</c> zipped, <c>gpkg</c>) in a declared CRS, read with a mapping of their attributes (the
/// default one when <see cref="MappingJson"/> is null). Kept with the stored file, so every instance reads it alike.
/// An OSM file may keep only an area (<see cref="Clip"/>: the city's outline plus a margin); null keeps all of it.
/// </summary>
public sealed record NetworkFileSpec(string Format, DeclaredCrs? Crs = null, string? MappingJson = null, OsmClipArea? Clip = null)
{
    public static readonly NetworkFileSpec Osm = new("osm");

    public static readonly string[] Formats = ["osm", "geojson", "shapefile", "gpkg"];

    public bool IsCentrelines => Format != "osm";
}

/// <summary>A network file read: the walking graph, the drivable one (null without drivable roads), and the report of either reader.</summary>
public sealed record NetworkFileLoad(WalkingGraph Graph, RoadGraph? Roads, string Format, OsmNetworkLoad? Osm, CentrelineLoad? Centrelines);

/// <summary>Reads a network file as its <see cref="NetworkFileSpec"/> says; throws <see cref="OsmFormatException"/> for one that is not a network.</summary>
public static class NetworkFile
{
    /// <param name="maxNodes">An OSM file's nodes kept at most (<see cref="OsmReadOptions.MaxNodes"/>).</param>
    /// <param name="limits">The budget centrelines are read under (<see cref="CentrelineLimits"/>).</param>
    public static NetworkFileLoad Read(string path, string source, NetworkFileSpec spec, long maxNodes = 8_000_000, CentrelineLimits? limits = null,
        CancellationToken ct = default)
    {
        if (!spec.IsCentrelines)
        {
            using var s = File.OpenRead(path);
            var osm = OsmNetworkReader.Read(s, source, new OsmReadOptions { Clip = spec.Clip, MaxNodes = maxNodes });
            return new NetworkFileLoad(osm.Graph, osm.Roads, osm.Format == OsmFile.Format.Pbf ? "pbf" : "xml", osm, null);
        }
        var format = spec.Format switch
        {
            "geojson" => CentrelineFormat.GeoJson,
            "shapefile" => CentrelineFormat.Shapefile,
            "gpkg" => CentrelineFormat.GeoPackage,
            _ => throw new ArgumentException($"unknown network format '{spec.Format}'", nameof(spec)),
        };
        var crs = spec.Crs ?? throw new ArgumentException("centrelines need a declared CRS", nameof(spec));
        var mapping = spec.MappingJson is null ? new RoadMapping() : RoadMapping.FromJson(spec.MappingJson);
        var options = new CentrelineOptions { Limits = limits ?? new CentrelineLimits() };
        // One clock for reading the file and noding its lines.
        var deadline = new ReadDeadline(options.Limits.TimeLimit, ct);
        var load = CentrelineNetworkReader.Read(CentrelineFile.Read(path, format, null, options.Limits, deadline), crs, mapping, source, options, deadline);
        return new NetworkFileLoad(load.Graph, load.Roads, spec.Format, null, load);
    }
}
