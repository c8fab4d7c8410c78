using System.Globalization;
using System.Xml.Linq;

namespace RecycleNet.Core.Styles;

/// <summary>
/// A collection's style as QGIS's own QML: a rule-based renderer (one rule per symbol, "ELSE" for the rest) with simple
/// markers or fills in pixels, the form QGIS 3 loads by "Load Style…" or from a layer's default style.
/// </summary>
public static class QmlWriter
{
    public const string MediaType = "application/vnd.qgis.qml";

    public static string Write(CollectionStyle style)
    {
        var doc = new XDocument(new XDocumentType("qgis", "http://mrcc.com/qgis.dtd", "SYSTEM", null),
            new XElement("qgis", new XAttribute("version", "3.22.0"), new XAttribute("styleCategories", "Symbology"),
                new XElement("renderer-v2", new XAttribute("type", "RuleRenderer"), new XAttribute("forceraster", "0"),
                    new XAttribute("symbollevels", "0"), new XAttribute("enableorderby", "0"),
                    new XElement("rules", new XAttribute("key", "{root}"), style.Rules.Select((r, i) => new XElement("rule",
                        new XAttribute("key", $"{{rule-{i}}}"), new XAttribute("label", StyleRule.Both(r)),
                        new XAttribute("filter", r.Test is null ? "ELSE" : Expression(r.Test)), new XAttribute("symbol", i.ToString(CultureInfo.InvariantCulture))))),
                    new XElement("symbols", style.Rules.Select((r, i) => Symbol(r.Symbol, style.IsPoint, i))))));
        return doc.ToString();
    }

    /// <summary>The rule's test as a QGIS expression: "status" &lt;&gt; 'operating', "share" &gt;= 0.2 AND "share" &lt; 0.4.</summary>
    public static string Expression(StyleTest t) => t switch
    {
        StyleTest.Equal e => $"{Field(e.Property)} {(e.Not ? "<>" : "=")} {Literal(e.Value)}",
        StyleTest.All a => string.Join(" AND ", a.Tests.Select(x => $"({Expression(x)})")),
        StyleTest.Range g => $"{Field(g.Property)} >= {StyleText.Number(g.From)} AND {Field(g.Property)} {(g.IncludeTo ? "<=" : "<")} {StyleText.Number(g.To)}",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    private static string Field(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Literal(object v) => v is bool ? StyleText.Value(v) : $"'{StyleText.Value(v).Replace("'", "''", StringComparison.Ordinal)}'";

    private static XElement Symbol(Symbol s, bool point, int name) => new("symbol",
        new XAttribute("type", point ? "marker" : "fill"), new XAttribute("name", name.ToString(CultureInfo.InvariantCulture)),
        new XAttribute("alpha", "1"), new XAttribute("clip_to_extent", "1"), new XAttribute("force_rhr", "0"),
        new XElement("layer", new XAttribute("class", point ? "SimpleMarker" : "SimpleFill"), new XAttribute("enabled", "1"),
            new XAttribute("pass", "0"), new XAttribute("locked", "0"),
            point
                ? (XElement[])
                [
                    Prop("name", "circle"), Prop("color", Rgba(s.Fill, s.FillOpacity)), Prop("size", StyleText.Number(s.SizePx)), Prop("size_unit", "Pixel"),
                    Prop("outline_color", Rgba(s.Stroke, 1)), Prop("outline_style", s.Stroke is null || s.StrokeWidthPx <= 0 ? "no" : "solid"),
                    Prop("outline_width", StyleText.Number(s.StrokeWidthPx)), Prop("outline_width_unit", "Pixel"),
                ]
                :
                [
                    Prop("color", Rgba(s.Fill, s.FillOpacity)), Prop("style", s.Fill is null ? "no" : "solid"),
                    Prop("outline_color", Rgba(s.Stroke, 1)), Prop("outline_style", s.Stroke is null ? "no" : s.Dashed ? "dash" : "solid"),
                    Prop("outline_width", StyleText.Number(s.StrokeWidthPx)), Prop("outline_width_unit", "Pixel"),
                ]));

    private static XElement Prop(string k, string v) => new("prop", new XAttribute("k", k), new XAttribute("v", v));

    /// <summary>"#1f6fb2" and an opacity as QGIS writes colours: "31,111,178,255".</summary>
    private static string Rgba(string? hex, double opacity)
    {
        if (hex is null) return "0,0,0,0";
        var rgb = Convert.FromHexString(hex.TrimStart('#'));
        return $"{rgb[0]},{rgb[1]},{rgb[2]},{(int)Math.Round(Math.Clamp(opacity, 0, 1) * 255)}";
    }
}
