using System.Text.Json;
using RecycleNet.Api.Http;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;

namespace RecycleNet.Api.Ogc;

/// <summary>Pages of features as GeoJSON in the requested CRS (coordinates in its axis order, as Part 2 requires).</summary>
public static class OgcFeatureJson
{
    /// <summary>
    /// Besides the Content-Crs header, an EPSG CRS is also named in the pre-RFC 7946 "crs" member, so a page saved
    /// to a file still says what its numbers are (GDAL and QGIS read it; RFC 7946 readers ignore unknown members).
    /// </summary>
    public static void WriteLegacyCrs(Utf8JsonWriter w, OutputCrs crs)
    {
        if (crs.Epsg is not { } code) return;
        w.WriteStartObject("crs");
        w.WriteString("type", "name");
        w.WriteStartObject("properties");
        w.WriteString("name", $"urn:ogc:def:crs:EPSG::{code}");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WritePage(Utf8JsonWriter w, HttpRequest req, CollectionInfo c, FeaturePage page, OgcItemsQuery q)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteNumber("numberMatched", page.NumberMatched);
        w.WriteNumber("numberReturned", page.Features.Count);
        w.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        WriteLegacyCrs(w, q.Crs);
        w.WriteStartArray("links");
        OgcLinks.Write(w, OgcLinks.With(req, ("f", "json")), "self", OgcLinks.GeoJson, "this page");
        OgcLinks.Write(w, OgcLinks.With(req, ("f", "html")), "alternate", OgcLinks.Html, "this page as HTML");
        // Downloads take every matching feature unless a limit is given: the links drop this page's limit and offset.
        foreach (var format in OgcFormat.Downloads)
        {
            var (mediaType, _, title) = OgcFormat.Describe(format);
            OgcLinks.Write(w, OgcLinks.With(req, ("f", format), ("limit", null), ("offset", null)), "alternate", mediaType.Split(';')[0], $"all matching features as {title}");
        }
        var (offset, limit) = (q.Query.Offset, q.Query.Limit);
        if (offset + page.Features.Count < page.NumberMatched)
            OgcLinks.Write(w, OgcLinks.With(req, ("offset", (offset + limit).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("f", "json")), "next", OgcLinks.GeoJson, "next page");
        if (offset > 0)
            OgcLinks.Write(w, OgcLinks.With(req, ("offset", Math.Max(0, offset - limit).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("f", "json")), "prev", OgcLinks.GeoJson, "previous page");
        OgcLinks.Write(w, $"{OgcLinks.Base(req)}/collections/{c.Id}", "collection", OgcLinks.Json, c.Title);
        w.WriteEndArray();
        w.WriteStartArray("features");
        foreach (var f in page.Features) FeatureJson.WriteFeature(w, f, q.Crs);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
