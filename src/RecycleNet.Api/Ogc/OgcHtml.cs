using System.Globalization;
using System.Net;
using System.Text;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Layers;

namespace RecycleNet.Api.Ogc;

/// <summary>
/// The HTML face of the OGC API, so a person can browse collections and features in a browser: plain pages,
/// Chinese first, every value encoded, each page with a small SVG sketch of its features (no base map needed).
/// </summary>
public static class OgcHtml
{
    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    private static IResult Page(string title, string crumbs, string body) => TypedResults.Content($$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>{{E(title)}}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="stylesheet" href="/css/ogc.css"></head>
        <body><nav>{{crumbs}}</nav><h1>{{E(title)}}</h1>
        {{body}}
        </body></html>
        """, "text/html; charset=utf-8");

    private static string Crumbs(HttpRequest req, params (string Text, string? Href)[] trail)
    {
        var b = OgcLinks.Base(req);
        var parts = new List<string> { $"<a href=\"{E(b)}?f=html\">OGC API 首页 Home</a>" };
        parts.AddRange(trail.Select(t => t.Href is null ? E(t.Text) : $"<a href=\"{E(t.Href)}\">{E(t.Text)}</a>"));
        return string.Join(" › ", parts);
    }

    public static IResult Landing(HttpRequest req)
    {
        var b = OgcLinks.Base(req);
        var city = Cities.CityContext.Of(req.HttpContext).City;
        return Page($"RecycleNet 再生资源回收网络 — OGC API – Features · {city.Name} {city.NameEn}", Crumbs(req), $"""
            <p>区县、小区、回收网点和分拣中心图层，可在 QGIS、ArcGIS、GDAL 与网页地图中使用。Districts, communities, recycling outlets and sorting centres for QGIS, ArcGIS, GDAL and web maps.</p>
            <ul>
              <li><a href="{E(b)}/collections?f=html">图层 Collections</a></li>
              <li><a href="{E(b)}/conformance?f=html">符合的标准类 Conformance</a></li>
              <li><a href="{E(RecycleNet.Api.Http.PublicAddress.Origin(req) + req.PathBase)}/openapi/ogc.json">API 定义 OpenAPI 3.0</a></li>
              <li><a href="{E(b)}?f=json">JSON</a></li>
            </ul>
            <p>QGIS：图层 › 添加图层 › 添加 WFS / OGC API – Features 图层，URL 填 <code>{E(b)}</code>。</p>
            """);
    }

    public static IResult Conformance(HttpRequest req, IEnumerable<string> classes) =>
        Page("符合的标准类 Conformance", Crumbs(req, ("Conformance", null)),
            "<ul>" + string.Concat(classes.Select(c => $"<li><code>{E(c)}</code></li>")) + "</ul>");

    public static IResult Collections(HttpRequest req, IEnumerable<FeatureTable> tables)
    {
        var b = OgcLinks.Base(req);
        var rows = string.Concat(tables.Select(t =>
            $"<tr><td><a href=\"{b}/collections/{t.Info.Id}?f=html\">{E(t.Info.Title)}</a></td><td><code>{t.Info.Id}</code></td>" +
            $"<td>{t.Count:N0}</td><td>{E(t.Info.Description)}</td><td><a href=\"{b}/collections/{t.Info.Id}/items?f=html\">要素 items</a> · " +
            $"<a href=\"{b}/collections/{t.Info.Id}/items?f=json\">GeoJSON</a></td></tr>"));
        return Page("图层 Collections", Crumbs(req, ("Collections", null)),
            $"<table><tr><th>图层 Title</th><th>id</th><th>要素数 Features</th><th>说明 Description</th><th></th></tr>{rows}</table>");
    }

    public static IResult Collection(HttpRequest req, FeatureTable t, IReadOnlyList<OutputCrs> crs)
    {
        var b = OgcLinks.Base(req);
        var c = t.Info;
        var extent = t.Extent.IsNull ? "—" : string.Create(CultureInfo.InvariantCulture, $"{t.Extent.MinX:F5}, {t.Extent.MinY:F5}, {t.Extent.MaxX:F5}, {t.Extent.MaxY:F5} (CRS84)");
        var fields = string.Concat(c.Fields.Select(f => $"<tr><td><code>{f.Name}</code></td><td>{f.Type}</td><td>{E(f.Description)}</td></tr>"));
        var crsList = string.Concat(crs.Select(x => $"<li><code>{E(x.Uri)}</code> — {E(x.Title)}</li>"));
        return Page(c.Title, Crumbs(req, ("Collections", $"{b}/collections?f=html"), (c.Id, null)), $"""
            <p>{E(c.Description)}</p>
            <p>要素数 Features: {t.Count:N0} · 范围 Extent: {extent}</p>
            {(c.IsComputed ? $"<p>按请求计算 Computed on request; 参数 parameters: <code>{string.Join("</code>, <code>", c.Parameters!)}</code> (e.g. <code>?minutes=10&amp;speedKmh=4</code>)</p>" : "")}
            <p><a href="{b}/collections/{c.Id}/items?f=html">浏览要素 Browse items</a> · <a href="{b}/collections/{c.Id}/items?f=json">GeoJSON</a> ·
               <a href="{b}/collections/{c.Id}/queryables">可查询属性 Queryables</a> · <a href="{b}/collections/{c.Id}?f=json">JSON</a></p>
            <h2>属性 Properties</h2><table><tr><th>name</th><th>type</th><th>说明</th></tr>{fields}</table>
            <h2>坐标系 CRS (<code>?crs=</code>)</h2><ul>{crsList}</ul>
            """);
    }

    public static IResult Items(HttpRequest req, CollectionInfo c, FeaturePage page, OgcItemsQuery q)
    {
        var b = OgcLinks.Base(req);
        var head = string.Concat(c.Fields.Select(f => $"<th>{E(f.Name)}</th>"));
        var rows = string.Concat(page.Features.Select(f =>
            $"<tr><td><a href=\"{b}/collections/{c.Id}/items/{f.Id}?f=html\">{f.Id}</a></td>" +
            string.Concat(c.Fields.Select(x => $"<td>{E(PropertyValues.Text(f[x.Name]))}</td>")) + "</tr>"));
        var (offset, limit) = (q.Query.Offset, q.Query.Limit);
        var pager = new StringBuilder("<p class=\"pager\">");
        if (offset > 0) pager.Append($"<a href=\"{E(OgcLinks.With(req, ("offset", Math.Max(0, offset - limit).ToString(CultureInfo.InvariantCulture))))}\">‹ 上一页 previous</a>");
        if (offset + page.Features.Count < page.NumberMatched) pager.Append($"<a href=\"{E(OgcLinks.With(req, ("offset", (offset + limit).ToString(CultureInfo.InvariantCulture))))}\">下一页 next ›</a>");
        pager.Append($"<a href=\"{E(OgcLinks.With(req, ("f", "json")))}\">GeoJSON</a>");
        pager.Append(" 下载全部 Download all: ");
        foreach (var format in OgcFormat.Downloads)
            pager.Append($"<a href=\"{E(OgcLinks.With(req, ("f", format), ("limit", null), ("offset", null)))}\">{OgcFormat.Describe(format).Title}</a>");
        pager.Append("</p>");
        var shown = page.Features.Count == 0 ? "0" : $"{offset + 1:N0}–{offset + page.Features.Count:N0}";
        return Page($"{c.Title} — 要素 items", Crumbs(req, ("Collections", $"{b}/collections?f=html"), (c.Id, $"{b}/collections/{c.Id}?f=html"), ("items", null)),
            $"<p>共 {page.NumberMatched:N0} 个要素，显示 {shown}。{page.NumberMatched:N0} matched, showing {shown}.</p>" +
            Sketch(page.Features.Select(f => f.Geometry)) + pager +
            $"<table><tr><th>id</th>{head}</tr>{rows}</table>" + pager);
    }

    public static IResult Item(HttpRequest req, CollectionInfo c, FeatureRecord f)
    {
        var b = OgcLinks.Base(req);
        var rows = string.Concat(f.Properties.Select(p => $"<tr><th>{E(p.Key)}</th><td>{E(PropertyValues.Text(p.Value))}</td></tr>"));
        return Page(f["name"] as string ?? $"{c.Id} {f.Id}",
            Crumbs(req, ("Collections", $"{b}/collections?f=html"), (c.Id, $"{b}/collections/{c.Id}?f=html"), ("items", $"{b}/collections/{c.Id}/items?f=html"), (f.Id.ToString(CultureInfo.InvariantCulture), null)),
            Sketch([f.Geometry]) + $"<table>{rows}</table><p><a href=\"{b}/collections/{c.Id}/items/{f.Id}?f=json\">GeoJSON</a></p>");
    }

    /// <summary>An SVG of the geometries in a local equirectangular view (north up), enough to see where things are.</summary>
    private static string Sketch(IEnumerable<Geometry> geometries)
    {
        var list = geometries.Where(g => !g.IsEmpty).ToList();
        if (list.Count == 0) return "";
        var env = new Envelope();
        foreach (var g in list) env.ExpandToInclude(g.EnvelopeInternal);
        var k = Math.Cos(env.Centre.Y * Math.PI / 180); // shrink longitudes so shapes keep their proportions
        var (w, h) = (Math.Max(env.Width * k, 1e-4), Math.Max(env.Height, 1e-4));
        var scale = 600 / Math.Max(w, h);
        string X(double lon) => ((lon - env.MinX) * k * scale + 10).ToString("F1", CultureInfo.InvariantCulture);
        string Y(double lat) => ((env.MaxY - lat) * scale + 10).ToString("F1", CultureInfo.InvariantCulture);
        var svg = new StringBuilder($"<svg viewBox=\"0 0 {w * scale + 20:F0} {h * scale + 20:F0}\" width=\"{Math.Min(720, w * scale + 20):F0}\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var g in list)
        {
            if (g is Point p) svg.Append($"<circle cx=\"{X(p.X)}\" cy=\"{Y(p.Y)}\" r=\"3\" fill=\"#0b6e4f\"/>");
            else
                for (var i = 0; i < g.NumGeometries; i++)
                    if (g.GetGeometryN(i) is Polygon poly)
                        svg.Append("<path fill-rule=\"evenodd\" fill=\"#0b6e4f33\" stroke=\"#0b6e4f\" d=\"")
                           .Append(string.Concat(poly.Holes.Prepend(poly.Shell).Select(ring =>
                               string.Concat(ring.Coordinates.Select((c, j) => $"{(j == 0 ? "M" : "L")}{X(c.X)} {Y(c.Y)} ")) + "Z ")))
                           .Append("\"/>");
        }
        return svg.Append("</svg>").ToString();
    }
}
