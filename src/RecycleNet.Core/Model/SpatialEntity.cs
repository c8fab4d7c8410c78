using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Model;

/// <summary>
/// What every map layer's feature has: a stable id, a name, a WGS84 geometry (lon/lat degrees),
/// and where the record came from (e.g. "synthetic-demo" for generated demo data).
/// </summary>
public abstract class SpatialEntity : ICityOwned
{
    public long Id { get; set; }

    /// <summary>The city the feature belongs to (stamped by the store from the unit of work's <see cref="Database.CityScope"/>).</summary>
    public string CityId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>WGS84 / CGCS2000 geometry, lon/lat degrees. Stored as WKB.</summary>
    public Geometry Geometry { get; set; } = Point.Empty;

    /// <summary>Provenance: null for planner-entered data, "synthetic-demo" for the generated demo set.</summary>
    public string? Source { get; set; }

    /// <summary>
    /// 1 when created, one more with every replacement: the HTTP ETag of the feature. A write names the version it
    /// was made from, and a write from a stale copy is refused instead of silently undoing someone else's change.
    /// </summary>
    public long Version { get; set; } = 1;
}

/// <summary>Life-cycle status shared by outlets and sorting centres.</summary>
public enum FacilityStatus { Planned, Operating, Closed }

/// <summary>固定型站点 (fixed outlet) or 流动型站点 (mobile station).</summary>
public enum OutletKind { Fixed, Mobile }
