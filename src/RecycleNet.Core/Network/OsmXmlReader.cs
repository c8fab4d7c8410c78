using System.Globalization;
using System.Xml;

namespace RecycleNet.Core.Network;

/// <summary>Streams OSM XML (API 0.6, as written by JOSM, Overpass, osmium) with an XmlReader: O(1) memory beyond one way.</summary>
public static class OsmXmlReader
{
    public static void Read(Stream stream, IOsmHandler handler)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true };
        var refs = new List<long>();
        var tags = new List<KeyValuePair<string, string>>();
        using var xml = XmlReader.Create(stream, settings);
        var info = (IXmlLineInfo)xml;
        try
        {
            if (!xml.ReadToFollowing("osm")) throw new OsmFormatException("The XML has no <osm> root element.");
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.Depth != 1) continue;
                switch (xml.Name)
                {
                    case "node":
                        var id = Long(xml, "id", info);
                        var lat = Double(xml, "lat", info);
                        var lon = Double(xml, "lon", info);
                        if (lat is < -90 or > 90 || lon is < -180 or > 180)
                            throw new OsmFormatException($"Line {info.LineNumber}: node {id} has coordinates out of range (lat {lat}, lon {lon}).");
                        handler.Node(id, lon, lat);
                        break;
                    case "way":
                        var wayId = Long(xml, "id", info);
                        refs.Clear(); tags.Clear();
                        if (!xml.IsEmptyElement)
                        {
                            var depth = xml.Depth;
                            while (xml.Read() && xml.Depth > depth)
                            {
                                if (xml.NodeType != XmlNodeType.Element) continue;
                                if (xml.Name == "nd") refs.Add(Long(xml, "ref", info));
                                else if (xml.Name == "tag") tags.Add(new(xml.GetAttribute("k") ?? "", xml.GetAttribute("v") ?? ""));
                            }
                        }
                        handler.Way(wayId, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(refs), tags);
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            throw new OsmFormatException($"The OSM XML is malformed at line {e.LineNumber}, position {e.LinePosition}: {e.Message}", e);
        }
    }

    private static long Long(XmlReader xml, string name, IXmlLineInfo info) =>
        long.TryParse(xml.GetAttribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : throw new OsmFormatException($"Line {info.LineNumber}: <{xml.Name}> lacks a whole-number '{name}' attribute.");

    private static double Double(XmlReader xml, string name, IXmlLineInfo info) =>
        double.TryParse(xml.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw new OsmFormatException($"Line {info.LineNumber}: <{xml.Name}> lacks a numeric '{name}' attribute.");
}
