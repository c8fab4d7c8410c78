using System.Globalization;
using System.Text.Json;
using RecycleNet.Api.Http;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Api.Services;

namespace RecycleNet.Api.Ogc;

/// <summary>
/// OGC API – Features under /ogc: Part 1 Core (landing page, conformance, collections, items, one item; JSON
/// and HTML), Part 2 CRS (crs, bbox-crs, Content-Crs; CRS84, EPSG:4326, EPSG:4490, EPSG:3857, the local
/// Gauss-Kruger zone, and GCJ-02 / BD-09 under our own URNs), and Part 3: queryables with equality query
/// parameters, and filters in CQL2 text (basic CQL2 and S_INTERSECTS with any geometry literal). The OpenAPI 3.0 document of these routes is /openapi/ogc.json.
/// </summary>
public static class OgcEndpoints
{
    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
    ];

    public static void MapOgc(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup(OgcLinks.Root).WithTags("OGC API – Features").WithGroupName("ogc");
        ogc.MapGet("/", Landing).WithName("ogc-landing").WithSummary("Landing page");
        ogc.MapGet("/conformance", Conformance).WithName("ogc-conformance").WithSummary("The conformance classes implemented");
        ogc.MapGet("/collections", CollectionsAsync).WithName("ogc-collections").WithSummary("The feature collections");
        ogc.MapGet("/collections/{collectionId}", CollectionAsync).WithName("ogc-collection").WithSummary("One collection: extent, CRSs, links");
        ogc.MapGet("/collections/{collectionId}/queryables", (string collectionId, HttpRequest req, FeatureCollections collections) => Schema(collectionId, req, "queryables", collections))
            .WithName("ogc-queryables").WithSummary("The properties that can be filtered with ?name=value (JSON Schema)");
        ogc.MapGet("/collections/{collectionId}/schema", (string collectionId, HttpRequest req, FeatureCollections collections) => Schema(collectionId, req, "schema", collections))
            .WithName("ogc-schema").WithSummary("The features' properties and their types (JSON Schema; GDAL builds its fields from it)");
        ogc.MapGet("/collections/{collectionId}/schema.xsd", GmlSchema).WithName("ogc-schema-gml")
            .WithSummary("The features as a GML application schema (XSD): geometry type and typed fields, for GDAL and QGIS, also of an empty collection");
        ogc.MapGet("/collections/{collectionId}/items", OgcItemsEndpoint.ItemsAsync).WithName("ogc-items")
            .WithSummary("Features: bbox, bbox-crs, crs, datetime, limit (≤ 10,000), offset, property=value")
            .RequireRateLimiting(RateLimitPolicies.Downloads);
        ogc.MapGet("/collections/{collectionId}/items/{featureId}", OgcItemsEndpoint.ItemAsync).WithName("ogc-item")
            .WithSummary("One feature by its id");
        OgcTilesEndpoint.MapTiles(ogc);
        OgcStylesEndpoint.MapStyles(ogc);
    }

    private static IResult Landing(HttpRequest req)
    {
        if (OgcFormat.TryRead(req, OgcFormat.Resources, out var format) is { } bad) return bad;
        var b = OgcLinks.Base(req);
        if (format == OgcFormat.Html) return OgcHtml.Landing(req);
        return Json(w =>
        {
            w.WriteStartObject();
            var city = Cities.CityContext.Of(req.HttpContext).City;
            w.WriteString("title", $"RecycleNet — 再生资源回收网络 OGC API – Features · {city.Name} {city.NameEn}");
            w.WriteString("description", $"The layers of {city.NameEn} ({city.Name}) — districts, communities, recycling outlets, sorting centres and, where the city has them, townships, villages, transfer stations and waste-sorting points — for QGIS, ArcGIS, GDAL and web maps. Other cities: GET /api/cities.");
            w.WriteStartArray("links");
            OgcLinks.Write(w, $"{b}?f=json", "self", OgcLinks.Json, "this document");
            OgcLinks.Write(w, $"{b}?f=html", "alternate", OgcLinks.Html, "this document as HTML");
            OgcLinks.Write(w, $"{RecycleNet.Api.Http.PublicAddress.Origin(req)}{req.PathBase}/openapi/ogc.json", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "the API definition (OpenAPI 3.0)");
            OgcLinks.Write(w, $"{b}/conformance", "conformance", OgcLinks.Json, "conformance classes");
            OgcLinks.Write(w, $"{b}/collections", "data", OgcLinks.Json, "the collections");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static IResult Conformance(HttpRequest req)
    {
        if (OgcFormat.TryRead(req, OgcFormat.Resources, out var format) is { } bad) return bad;
        if (format == OgcFormat.Html) return OgcHtml.Conformance(req, ConformanceClasses);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("conformsTo");
            foreach (var c in ConformanceClasses) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> CollectionsAsync(HttpRequest req, FeatureCache cache, CancellationToken ct)
    {
        if (OgcFormat.TryRead(req, OgcFormat.Resources, out var format) is { } bad) return bad;
        var tables = new List<FeatureTable>();
        foreach (var c in cache.Collections) tables.Add(await cache.GetAsync(c, ct));
        var crs = await SupportedCrsAsync(cache, ct);
        if (format == OgcFormat.Html) return OgcHtml.Collections(req, tables);
        var b = OgcLinks.Base(req);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("links");
            OgcLinks.Write(w, $"{b}/collections?f=json", "self", OgcLinks.Json, "this document");
            OgcLinks.Write(w, $"{b}/collections?f=html", "alternate", OgcLinks.Html, "this document as HTML");
            w.WriteEndArray();
            w.WriteStartArray("collections");
            foreach (var t in tables) WriteCollection(w, b, t, crs);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> CollectionAsync(string collectionId, HttpRequest req, FeatureCache cache, CancellationToken ct)
    {
        if (cache.Find(collectionId) is not { } c) return UnknownCollection(collectionId, cache.Collections);
        if (OgcFormat.TryRead(req, OgcFormat.Resources, out var format) is { } bad) return bad;
        if (OgcItemsQuery.TryWalk(req, c, out var walk) is { } badWalk) return badWalk;
        var table = await cache.GetAsync(c, walk, ct);
        var crs = await SupportedCrsAsync(cache, ct);
        if (format == OgcFormat.Html) return OgcHtml.Collection(req, table, crs);
        return Json(w => WriteCollection(w, OgcLinks.Base(req), table, crs));
    }

    /// <summary>Every property is queryable, so the queryables and the schema are one JSON Schema at two addresses.</summary>
    private static IResult Schema(string collectionId, HttpRequest req, string what, FeatureCollections collections)
    {
        if (collections.Find(collectionId) is not { } c) return UnknownCollection(collectionId, collections.All);
        var self = $"{OgcLinks.Base(req)}/collections/{c.Id}/{what}";
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            w.WriteString("$id", self);
            w.WriteString("type", "object");
            w.WriteString("title", c.Title);
            w.WriteStartObject("properties");
            w.WriteStartObject("geometry");
            w.WriteString("format", c.GeometryType == "point" ? "geometry-point" : "geometry-any");
            w.WriteString("x-ogc-role", "primary-geometry");
            w.WriteEndObject();
            foreach (var f in c.Fields)
            {
                w.WriteStartObject(f.Name);
                w.WriteString("title", f.Description);
                w.WriteString("type", f.Type);
                if (f.Name == c.DateField) w.WriteString("format", "date");
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteBoolean("additionalProperties", false);
            w.WriteEndObject();
        }, "application/schema+json");
    }

    private static IResult GmlSchema(string collectionId, HttpRequest req, FeatureCollections collections) =>
        collections.Find(collectionId) is not { } c ? UnknownCollection(collectionId, collections.All)
            : TypedResults.Text(GmlApplicationSchema.Write(c, $"{OgcLinks.Base(req)}/collections/{c.Id}"), "application/xml; charset=utf-8");

    internal static void WriteCollection(Utf8JsonWriter w, string b, FeatureTable t, IReadOnlyList<OutputCrs> crs)
    {
        var c = t.Info;
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("title", c.Title);
        w.WriteString("description", c.Description);
        w.WriteString("itemType", "feature");
        w.WriteStartArray("links");
        OgcLinks.Write(w, $"{b}/collections/{c.Id}?f=json", "self", OgcLinks.Json, c.Title);
        OgcLinks.Write(w, $"{b}/collections/{c.Id}?f=html", "alternate", OgcLinks.Html, c.Title);
        OgcLinks.Write(w, $"{b}/collections/{c.Id}/items?f=json", "items", OgcLinks.GeoJson, "the features");
        OgcLinks.Write(w, $"{b}/collections/{c.Id}/items?f=html", "items", OgcLinks.Html, "the features as HTML");
        OgcLinks.Write(w, $"{b}/collections/{c.Id}/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json", "queryables");
        OgcLinks.Write(w, $"{b}/collections/{c.Id}/schema", "describedby", "application/schema+json", "the features' schema");
        // Relation types compare case-insensitively (RFC 8288 §2.1.1); GDAL 3.6 looks for "describedBy" exactly, and takes
        // the geometry type only from a GML schema: this spelling is the one it reads.
        OgcLinks.Write(w, $"{b}/collections/{c.Id}/schema.xsd", "describedBy", "application/xml", "the features as a GML application schema");
        OgcLinks.Write(w, $"{b}/collections/{c.Id}/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", OgcLinks.Json, "vector tiles (XYZ URL template)");
        OgcStylesEndpoint.WriteLinks(w, b, c);
        w.WriteEndArray();
        w.WriteStartObject("extent");
        if (!t.Extent.IsNull)
        {
            w.WriteStartObject("spatial");
            w.WriteStartArray("bbox");
            w.WriteStartArray();
            foreach (var v in new[] { t.Extent.MinX, t.Extent.MinY, t.Extent.MaxX, t.Extent.MaxY }) w.WriteNumberValue(Math.Round(v, 7));
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteString("crs", OutputCrs.Crs84Uri);
            w.WriteEndObject();
        }
        if (t.DateExtent is { } dates)
        {
            w.WriteStartObject("temporal");
            w.WriteStartArray("interval");
            w.WriteStartArray();
            w.WriteStringValue(dates.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z");
            w.WriteStringValue(dates.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59Z");
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteString("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("crs");
        foreach (var x in crs) w.WriteStringValue(x.Uri);
        w.WriteEndArray();
        w.WriteString("storageCrs", OutputCrs.Crs84Uri);
        w.WriteEndObject();
    }

    /// <summary>The CRSs offered: the fixed ones and the Gauss-Kruger zone of the city's districts (Jinan: EPSG:4527).</summary>
    internal static async Task<IReadOnlyList<OutputCrs>> SupportedCrsAsync(FeatureCache cache, CancellationToken ct)
    {
        var districts = await cache.GetAsync(cache.Find("districts")!, ct);
        var lon = districts.Extent.IsNull ? 117.0 : districts.Extent.Centre.X;
        return OutputCrs.Supported(LocalProjection.ForLongitude(ChinaExtent.Contains(lon, 35) ? lon : 117.0));
    }

    internal static IResult UnknownCollection(string id, IEnumerable<CollectionInfo> collections) => Problems.Make(404, "not-found", $"collection '{id}' was not found",
        $"Collections: {string.Join(", ", collections.Select(c => c.Id))}.", field: "collectionId",
        detailZh: $"没有数据集“{id}”；可用：{string.Join("、", collections.Select(c => c.Id))}。");

    internal static IResult Json(Action<Utf8JsonWriter> write, string contentType = "application/json; charset=utf-8") =>
        new StreamedJsonResult(write, contentType);
}
