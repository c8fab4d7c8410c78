using NetTopologySuite.Geometries;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Features;

/// <summary>
/// One feature of a collection: a stable id, a WGS84 geometry (lon/lat degrees) and its properties in schema order;
/// for a stored feature also its version (what If-Match names), none for computed ones.
/// </summary>
public sealed record FeatureRecord(long Id, Geometry Geometry, IReadOnlyList<KeyValuePair<string, object?>> Properties)
{
    public long? Version { get; init; }

    public object? this[string name]
    {
        get
        {
            foreach (var (k, v) in Properties) if (k == name) return v;
            return null;
        }
    }
}

/// <summary>
/// What a collection is: id, titles, geometry kind, property schema (every property is a queryable), and the
/// property holding a date for datetime filters, if any, and the parameters of a computed collection
/// (e.g. minutes and speedKmh of the life circles).
/// </summary>
public sealed record CollectionInfo(string Id, string Title, string Description, string GeometryType,
    IReadOnlyList<LayerField> Fields, string? DateField = null, IReadOnlyList<string>? Parameters = null)
{
    public bool IsComputed => Parameters is { Count: > 0 };
}
