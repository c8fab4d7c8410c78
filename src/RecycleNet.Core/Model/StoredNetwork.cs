namespace RecycleNet.Core.Model;

/// <summary>
/// The walking network's OSM file as the store keeps it, so every instance of the service loads the same one and a
/// restart loads it again. The bytes are kept in chunks (<see cref="StoredNetworkChunk"/>): no single row, parameter or
/// buffer has to hold a whole provincial extract. At most one row exists per city; a new upload replaces it in one transaction.
/// </summary>
public sealed class StoredNetwork : ICityOwned
{
    public long Id { get; set; }

    /// <summary>The city whose network it is: each city has its own.</summary>
    public string CityId { get; set; } = "";

    /// <summary>The name given on upload (POST /api/network?name=…).</summary>
    public string Source { get; set; } = "";

    /// <summary>xml or pbf (OpenStreetMap), or geojson, shapefile, gpkg (road centrelines).</summary>
    public string Format { get; set; } = "";

    /// <summary>Centrelines: the CRS their coordinates were declared in (EPSG:4527 …); null for OpenStreetMap.</summary>
    public string? Crs { get; set; }

    /// <summary>Centrelines: the planner's attribute mapping as given (JSON); null for the default one.</summary>
    public string? Mapping { get; set; }

    /// <summary>
    /// OpenStreetMap: the area kept (WKT, WGS84: the city's outline grown by <see cref="ClipMarginM"/>), so every
    /// instance and every restart keeps the same streets even after the districts change; null when the whole file is kept.
    /// </summary>
    public string? ClipArea { get; set; }

    /// <summary>How far beyond the city's outline the kept area reaches, metres; null when the whole file is kept.</summary>
    public double? ClipMarginM { get; set; }

    public long Bytes { get; set; }

    /// <summary>SHA-256 of the file, lower-case hex: the bytes read back are checked against it.</summary>
    public string Sha256 { get; set; } = "";

    public DateTime LoadedAt { get; set; }
    public string Planner { get; set; } = "";
}

/// <summary>One piece of a stored network file, in order of <see cref="Seq"/>.</summary>
public sealed class StoredNetworkChunk
{
    public long NetworkId { get; set; }
    public int Seq { get; set; }
    public byte[] Data { get; set; } = [];
}
