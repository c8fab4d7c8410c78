using System.Text.Json;
using RecycleNet.Api.Http;
using RecycleNet.Api.Services;
using RecycleNet.Core.Features;
using RecycleNet.Core.Styles;

namespace RecycleNet.Api.Ogc;

/// <summary>
/// Each collection's style, the page's symbols, in the two forms GIS tools load (OGC API – Styles' shape, one style named
/// "default"): /collections/{id}/styles lists it, /styles/default?f=qml is QGIS's QML, ?f=sld10 an SLD 1.0. A computed
/// collection's style takes its walk (?minutes=&amp;speedKmh=): district-coverage's classes are the districts' shares of that walk.
/// </summary>
public static class OgcStylesEndpoint
{
    public const string StylesRel = "http://www.opengis.net/def/rel/ogc/1.0/styles";
    private static readonly string[] Formats = ["qml", "sld10"];

    public static void MapStyles(RouteGroupBuilder ogc)
    {
        ogc.MapGet("/collections/{collectionId}/styles", StylesAsync).WithName("ogc-styles")
            .WithSummary("The collection's styles: one, \"default\", the page's symbols, as QML (QGIS) and SLD 1.0");
        ogc.MapGet("/collections/{collectionId}/styles/{styleId}", StyleAsync).WithName("ogc-style")
            .WithSummary("A style of the collection: ?f=qml (QGIS) or ?f=sld10 (SLD 1.0, GeoServer, MapServer)");
    }

    /// <summary>The links a collection carries to its styles (written in its own links).</summary>
    public static void WriteLinks(Utf8JsonWriter w, string b, CollectionInfo c)
    {
        OgcLinks.Write(w, $"{b}/collections/{c.Id}/styles", StylesRel, OgcLinks.Json, "the collection's styles");
        WriteStylesheets(w, b, c);
    }

    // The default style's two files: in the collection's links and in the styles list alike.
    private static void WriteStylesheets(Utf8JsonWriter w, string b, CollectionInfo c)
    {
        OgcLinks.Write(w, $"{b}/collections/{c.Id}/styles/default?f=qml", "stylesheet", QmlWriter.MediaType, "the page's symbols for QGIS (QML)");
        OgcLinks.Write(w, $"{b}/collections/{c.Id}/styles/default?f=sld10", "stylesheet", $"{SldWriter.MediaType};version=1.0", "the page's symbols as SLD 1.0");
    }

    private static IResult StylesAsync(string collectionId, HttpRequest req, FeatureCache cache)
    {
        if (cache.Find(collectionId) is not { } c) return OgcEndpoints.UnknownCollection(collectionId, cache.Collections);
        var b = OgcLinks.Base(req);
        return OgcEndpoints.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("styles");
            w.WriteStartObject();
            w.WriteString("id", "default");
            w.WriteString("title", $"{c.Title}: 页面符号 the page's symbols");
            w.WriteStartArray("links");
            WriteStylesheets(w, b, c);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("links");
            OgcLinks.Write(w, $"{b}/collections/{c.Id}/styles", "self", OgcLinks.Json, "this document");
            OgcLinks.Write(w, $"{b}/collections/{c.Id}", "collection", OgcLinks.Json, c.Title);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> StyleAsync(string collectionId, string styleId, HttpRequest req, FeatureCache cache, CancellationToken ct)
    {
        if (cache.Find(collectionId) is not { } c) return OgcEndpoints.UnknownCollection(collectionId, cache.Collections);
        if (styleId != "default")
            return Problems.NotFound($"style '{Core.Input.JsonFieldReader.Clip(styleId)}' of {c.Id} (there is one: default)", $"{c.Id} 的样式“{Core.Input.JsonFieldReader.Clip(styleId)}”（只有 default）");
        var f = req.Query["f"].ToString();
        if (!Formats.Contains(f))
            return Problems.BadParameter("f", $"a style is offered as {string.Join(" or ", Formats)}, not '{Core.Input.JsonFieldReader.Clip(f)}'",
                $"样式提供 {string.Join(" 或 ", Formats)} 格式，不提供“{Core.Input.JsonFieldReader.Clip(f)}”");
        IEnumerable<double>? shares = null;
        if (c == CoverageFeatures.DistrictCoverage)
        {
            if (OgcItemsQuery.TryWalk(req, c, out var walk) is { } badWalk) return badWalk;
            shares = (await cache.GetAsync(c, walk, ct)).Rows.Select(x => Convert.ToDouble(x["share"], System.Globalization.CultureInfo.InvariantCulture));
        }
        var style = CollectionStyles.For(c, shares);
        return f == "qml"
            ? TypedResults.Text(QmlWriter.Write(style), $"{QmlWriter.MediaType}; charset=utf-8")
            : TypedResults.Text(SldWriter.Write(style), $"{SldWriter.MediaType}; charset=utf-8");
    }
}
