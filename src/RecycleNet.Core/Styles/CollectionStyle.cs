namespace RecycleNet.Core.Styles;

/// <summary>How a feature is drawn: a circle (points) or an area or outline (polygons).</summary>
/// <param name="SizePx">A circle's diameter, pixels.</param>
/// <param name="Fill">null: no fill.</param>
/// <param name="Dashed">The outline dashed, as the page draws townships.</param>
public sealed record Symbol(string? Fill, double FillOpacity, string? Stroke, double StrokeWidthPx, double SizePx = 0, bool Dashed = false);

/// <summary>
/// A rule's test: a property equal (or not) to a text or a boolean; all of several; a number in [From, To), or [From, To] for the
/// last class. QGIS and SLD draw every rule that matches, so a style's tests never overlap.
/// </summary>
public abstract record StyleTest
{
    public sealed record Equal(string Property, object Value, bool Not = false) : StyleTest;
    public sealed record All(IReadOnlyList<StyleTest> Tests) : StyleTest;
    public sealed record Range(string Property, double From, double To, bool IncludeTo) : StyleTest;
}

/// <summary>One rule: its label in both languages, its test (null: every feature no earlier rule took), its symbol.</summary>
public sealed record StyleRule(string Label, string LabelZh, StyleTest? Test, Symbol Symbol)
{
    /// <summary>The label a legend shows: Chinese, then English (once, when they are the same, as a class's range is).</summary>
    public static string Both(StyleRule r) => r.LabelZh == r.Label ? r.Label : $"{r.LabelZh} {r.Label}";
}

/// <summary>A collection's style: point or polygon, and its rules in order (the first that matches draws).</summary>
public sealed record CollectionStyle(string CollectionId, string Title, bool IsPoint, IReadOnlyList<StyleRule> Rules);
