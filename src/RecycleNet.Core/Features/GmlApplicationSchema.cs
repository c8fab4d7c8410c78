using System.Text;
using System.Xml;

namespace RecycleNet.Core.Features;

/// <summary>
/// A collection's features as a GML 3.2 application schema (XSD): one feature type with its geometry property and its
/// fields, typed. GDAL's OAPIF driver (QGIS's reader underneath) reads it before the first page, so a collection states
/// its geometry type and fields even when it holds no feature (siting proposals before a run); GDAL 3.6 takes neither
/// from the JSON Schema. Points are gml:PointPropertyType; areas are gml:GeometryPropertyType, since a layer holds
/// Polygons and MultiPolygons both and a narrower type would make GDAL's writers refuse the other kind.
/// </summary>
public static class GmlApplicationSchema
{
    private const string Xs = "http://www.w3.org/2001/XMLSchema", Gml = "http://www.opengis.net/gml/3.2";

    /// <param name="targetNamespace">The namespace of the feature type: the collection's own address.</param>
    public static string Write(CollectionInfo c, string targetNamespace)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("xs", "schema", Xs);
            w.WriteAttributeString("xmlns", "gml", null, Gml);
            w.WriteAttributeString("xmlns", "rn", null, targetNamespace);
            w.WriteAttributeString("targetNamespace", targetNamespace);
            w.WriteAttributeString("elementFormDefault", "qualified");
            w.WriteAttributeString("version", "1.0");
            w.WriteStartElement("import", Xs);
            // No schemaLocation: a reader that has GML's schema knows it, and none is sent looking for it on the internet
            // (a bureau's network may have no way out).
            w.WriteAttributeString("namespace", Gml);
            w.WriteEndElement();
            var type = TypeName(c.Id);
            w.WriteStartElement("element", Xs);
            w.WriteAttributeString("name", type);
            w.WriteAttributeString("type", $"rn:{type}Type");
            w.WriteAttributeString("substitutionGroup", "gml:AbstractFeature");
            w.WriteEndElement();
            w.WriteStartElement("complexType", Xs);
            w.WriteAttributeString("name", $"{type}Type");
            w.WriteStartElement("complexContent", Xs);
            w.WriteStartElement("extension", Xs);
            w.WriteAttributeString("base", "gml:AbstractFeatureType");
            w.WriteStartElement("sequence", Xs);
            Element(w, "geometry", c.GeometryType == "point" ? "gml:PointPropertyType" : "gml:GeometryPropertyType", many: false);
            foreach (var f in c.Fields.Where(f => IsName(f.Name)))
                Element(w, f.Name, f.Name == c.DateField ? "xs:date" : XsType(f.Type), many: f.Type == "array");
            w.WriteEndElement(); // sequence
            w.WriteEndElement(); // extension
            w.WriteEndElement(); // complexContent
            w.WriteEndElement(); // complexType
            w.WriteEndElement(); // schema
        }
        return sb.ToString();
    }

    private static void Element(XmlWriter w, string name, string type, bool many)
    {
        w.WriteStartElement("element", Xs);
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("minOccurs", "0");
        if (many) w.WriteAttributeString("maxOccurs", "unbounded");
        w.WriteAttributeString("nillable", "true");
        w.WriteEndElement();
    }

    /// <summary>The XML Schema type of a field's JSON type (an array's items are written as text).</summary>
    private static string XsType(string jsonType) => jsonType switch
    {
        "integer" => "xs:integer",
        "number" => "xs:double",
        "boolean" => "xs:boolean",
        _ => "xs:string",
    };

    /// <summary>The feature type's name: the collection id (life-circles → LifeCircles), an XML name whatever the id.</summary>
    private static string TypeName(string id)
    {
        var name = string.Concat(id.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return IsName(name) ? name : "Feature";
    }

    private static bool IsName(string name)
    {
        try { XmlConvert.VerifyNCName(name); return true; }
        catch (XmlException) { return false; }
    }
}
