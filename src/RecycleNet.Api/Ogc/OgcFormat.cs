using RecycleNet.Api.Http;

namespace RecycleNet.Api.Ogc;

/// <summary>Which encoding a request wants: ?f= first, then the Accept header; JSON unless HTML is preferred.</summary>
public static class OgcFormat
{
    public const string Json = "json", Html = "html", Csv = "csv", Xlsx = "xlsx", GeoPackage = "gpkg", Shapefile = "shp";

    public static readonly string[] Resources = [Json, Html];
    public static readonly string[] Items = [Json, Html, Csv, Xlsx, GeoPackage, Shapefile];

    /// <summary>The download formats: whole files, by default every matching feature rather than a page.</summary>
    public static readonly string[] Downloads = [Csv, Xlsx, GeoPackage, Shapefile];

    /// <summary>Media type and file extension of a download.</summary>
    public static (string MediaType, string Extension, string Title) Describe(string format) => format switch
    {
        Csv => ("text/csv; charset=utf-8", "csv", "CSV (UTF-8 with BOM)"),
        Xlsx => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel workbook"),
        GeoPackage => ("application/geopackage+sqlite3", "gpkg", "GeoPackage"),
        Shapefile => ("application/zip", "zip", "zipped Shapefile"),
        _ => throw new ArgumentException(format, nameof(format)),
    };

    public static IResult? TryRead(HttpRequest req, string[] allowed, out string format)
    {
        format = Json;
        if (req.Query.TryGetValue("f", out var f))
        {
            var wanted = f.ToString().ToLowerInvariant() switch { "geojson" => Json, "geopackage" => GeoPackage, "shapefile" or "zip" => Shapefile, var x => x };
            if (!allowed.Contains(wanted)) return Problems.BadParameter("f", $"'{f}' is not offered here; use one of {string.Join(", ", allowed)}", $"此处不提供“{f}”格式；可用：{string.Join("、", allowed)}");
            format = wanted;
            return null;
        }
        // Browsers send text/html first; GDAL and scripts send JSON types or */*.
        var accept = req.Headers.Accept.ToString();
        if (accept.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) format = Html;
        return null;
    }
}
