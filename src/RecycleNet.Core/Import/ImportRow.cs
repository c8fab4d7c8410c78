using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Import;

/// <summary>
/// One feature or table row as read from an import, before validation: its position, its geometry in
/// the declared CRS (null when missing), and its properties (string, double, bool, DateTime, list or null).
/// </summary>
public sealed class ImportRow(int index, Geometry? geometry, IReadOnlyDictionary<string, object?> properties)
{
    /// <summary>
    /// Where the row is: the 0-based feature index for GeoJSON, the 1-based sheet row (header = row 1)
    /// for CSV and XLSX, so it matches what a user sees in a spreadsheet.
    /// </summary>
    public int Index { get; } = index;

    public Geometry? Geometry { get; } = geometry;

    /// <summary>Why the geometry could not be read, when it could not.</summary>
    public Input.Reason? GeometryError { get; init; }

    /// <summary>
    /// True when the values carry their JSON types (GeoJSON): a text field then takes a JSON string only, so
    /// <c>"name": 12345</c> is refused rather than stored as "12345". Table cells (CSV, XLSX) are text or numbers by
    /// the spreadsheet's whim, and are read leniently.
    /// </summary>
    public bool StrictTypes { get; init; }

    /// <summary>Case-insensitive property bag.</summary>
    public IReadOnlyDictionary<string, object?> Properties { get; } = properties;
}

/// <summary>One reason an import row (or a single-feature write) is refused.</summary>
/// <param name="Index">Feature index or sheet row, as in <see cref="ImportRow.Index"/>; null for the body as a whole.</param>
/// <param name="Field">The property (camelCase) or "geometry"; null when the whole row is at fault.</param>
/// <param name="Reason">What rule was broken, in plain words.</param>
/// <param name="ReasonZh">The same in Chinese, where the rule says it (the page shows it first); null: English only, so far.</param>
public sealed record ImportError(int? Index, string? Field, string Reason, string? ReasonZh = null);

/// <summary>A body that cannot be read at all (not JSON, no header row, not a spreadsheet).</summary>
/// <param name="field">Where the fault is: a JSON path such as "features[3].properties", or "body".</param>
public sealed class ImportFormatException(Input.Reason reason, string field = "body") : Exception(reason.En)
{
    public string Field { get; } = field;

    /// <summary>The message in Chinese (the page shows it first).</summary>
    public string MessageZh { get; } = reason.Zh;
}
