using System.Xml.Linq;

namespace RecycleNet.Core.Styles;

/// <summary>
/// A collection's style as an OGC Styled Layer Descriptor 1.0 (the version GeoServer, MapServer and QGIS all read): a
/// named layer of one user style, a rule per symbol, filters in OGC Filter Encoding 1.0.
/// </summary>
public static class SldWriter
{
    public const string MediaType = "application/vnd.ogc.sld+xml";
    private static readonly XNamespace Sld = "http://www.opengis.net/sld", Ogc = "http://www.opengis.net/ogc", Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static string Write(CollectionStyle style)
    {
        var doc = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Sld + "StyledLayerDescriptor", new XAttribute("version", "1.0.0"),
                new XAttribute(XNamespace.Xmlns + "ogc", Ogc), new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute(Xsi + "schemaLocation", "http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd"),
                new XElement(Sld + "NamedLayer", new XElement(Sld + "Name", style.CollectionId),
                    new XElement(Sld + "UserStyle", new XElement(Sld + "Name", "default"), new XElement(Sld + "Title", style.Title),
                        new XElement(Sld + "FeatureTypeStyle", style.Rules.Select((r, i) => Rule(r, style.Rules.Take(i), style.IsPoint)))))));
        return doc.Declaration + "\n" + doc.Root;
    }

    /// <summary>
    /// A rule, its filter in Filter Encoding. The rule for the rest is written as "none of the rules before it", not as an
    /// ElseFilter: QGIS 3.22 reads an ElseFilter as no filter at all, and would draw those features twice.
    /// </summary>
    private static XElement Rule(StyleRule r, IEnumerable<StyleRule> before, bool point)
    {
        var earlier = before.Where(b => b.Test is not null).Select(b => Filter(b.Test!)).ToList();
        var filter = r.Test is not null ? Filter(r.Test)
            : earlier.Count == 0 ? null
            : new XElement(Ogc + "Not", earlier.Count == 1 ? earlier[0] : new XElement(Ogc + "Or", earlier));
        return new XElement(Sld + "Rule", new XElement(Sld + "Name", r.Label), new XElement(Sld + "Title", StyleRule.Both(r)),
            filter is null ? null : new XElement(Ogc + "Filter", filter),
            point ? PointSymbolizer(r.Symbol) : PolygonSymbolizer(r.Symbol));
    }

    private static XElement Filter(StyleTest t) => t switch
    {
        StyleTest.Equal e => Compare(e.Not ? "PropertyIsNotEqualTo" : "PropertyIsEqualTo", e.Property, StyleText.Value(e.Value)),
        StyleTest.All a => new XElement(Ogc + "And", a.Tests.Select(Filter)),
        StyleTest.Range g => new XElement(Ogc + "And", Compare("PropertyIsGreaterThanOrEqualTo", g.Property, StyleText.Number(g.From)),
            Compare(g.IncludeTo ? "PropertyIsLessThanOrEqualTo" : "PropertyIsLessThan", g.Property, StyleText.Number(g.To))),
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    private static XElement Compare(string op, string property, string literal) =>
        new(Ogc + op, new XElement(Ogc + "PropertyName", property), new XElement(Ogc + "Literal", literal));

    private static XElement PointSymbolizer(Symbol s) => new(Sld + "PointSymbolizer", new XElement(Sld + "Graphic",
        new XElement(Sld + "Mark", new XElement(Sld + "WellKnownName", "circle"), Fill(s), Stroke(s)),
        new XElement(Sld + "Size", StyleText.Number(s.SizePx))));

    private static XElement PolygonSymbolizer(Symbol s) => new(Sld + "PolygonSymbolizer", Fill(s), Stroke(s));

    private static XElement? Fill(Symbol s) => s.Fill is null ? null : new XElement(Sld + "Fill",
        Css("fill", s.Fill), Css("fill-opacity", StyleText.Number(s.FillOpacity)));

    private static XElement? Stroke(Symbol s) => s.Stroke is null || s.StrokeWidthPx <= 0 ? null : new XElement(Sld + "Stroke",
        Css("stroke", s.Stroke), Css("stroke-width", StyleText.Number(s.StrokeWidthPx)), s.Dashed ? Css("stroke-dasharray", "4 4") : null);

    private static XElement Css(string name, string value) => new(Sld + "CssParameter", new XAttribute("name", name), value);
}
