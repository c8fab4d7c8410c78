using System.Globalization;
using MiniExcelLibs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Import;

/// <summary>
/// Reads CSV (UTF-8 or GB18030, comma-separated, header row) and XLSX (first sheet, header row) into import rows.
/// Coordinates come from lon/lat (or x/y, 经度/纬度) columns, one combined "lng,lat" column (经纬度),
/// or a WKT column for polygons.
/// </summary>
public static class TableRowReader
{
    private static readonly string[] LonKeys = ["lon", "lng", "longitude", "x", "经度", "easting"];
    private static readonly string[] LatKeys = ["lat", "latitude", "y", "纬度", "northing"];
    private static readonly string[] PairKeys = ["lnglat", "lonlat", "经纬度", "coordinates"];
    private static readonly string[] WktKeys = ["wkt", "geometry", "geom"];
    private static readonly GeometryFactory Factory = new();

    /// <summary>Rows a table (CSV or XLSX: a layer's import or a volume report) may hold at once, checked while it is read.</summary>
    public const int MaxRows = 200_000;

    /// <summary>Deepest parenthesis nesting of a WKT cell: a polygon needs 2, a multipolygon 3; a reader recursing 50,000 deep would overflow the stack.</summary>
    public const int MaxWktDepth = 8;

    /// <summary>Column names read as geometry, so an import does not report them as ignored properties.</summary>
    public static readonly IReadOnlySet<string> GeometryColumns =
        new HashSet<string>([.. LonKeys, .. LatKeys, .. PairKeys, .. WktKeys], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The rows of an upload in <paramref name="format"/> (<see cref="ImportFormat"/>: geojson, csv or xlsx), a CSV read in
    /// the <paramref name="charset"/> declared or as it was saved; <paramref name="encoding"/> says which (null: not a CSV).
    /// </summary>
    /// <exception cref="ImportFormatException">The file cannot be read as <paramref name="format"/>.</exception>
    public static List<ImportRow> Read(string format, ReadOnlyMemory<byte> body, string? charset, out string? encoding)
    {
        encoding = null;
        if (format != "csv") return format == "xlsx" ? ReadXlsx(body) : GeoJsonRowReader.Read(body);
        var rows = ReadCsv(body, charset, out var read);
        encoding = read;
        return rows;
    }

    /// <summary>A CSV in UTF-8 or, failing that, GB18030 (<see cref="CsvText"/>).</summary>
    public static List<ImportRow> ReadCsv(ReadOnlyMemory<byte> body, int maxRows = MaxRows) => ReadCsv(body, null, out _, maxRows);

    /// <param name="charset">The charset the request declared, honoured strictly; null: UTF-8, else GB18030 (<see cref="CsvText"/>).</param>
    /// <param name="encoding">The encoding the file was read in, for the answer to say.</param>
    public static List<ImportRow> ReadCsv(ReadOnlyMemory<byte> body, string? charset, out string encoding, int maxRows = MaxRows)
    {
        var text = CsvText.Decode(body.Span, charset, out encoding);
        var table = CsvParser.Parse(text, maxRows);
        if (table.Count == 0 || table[0].All(string.IsNullOrWhiteSpace)) throw new ImportFormatException(new("the CSV has no header row", "CSV 文件没有表头行"));
        var header = table[0].Select(h => h.Trim()).ToList();
        var rows = new List<ImportRow>();
        for (var r = 1; r < table.Count; r++)
        {
            var props = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
                if (header[i].Length > 0) props[header[i]] = i < table[r].Count ? table[r][i].Trim() : null;
            if (props.Values.All(v => v is null or "")) continue;
            rows.Add(ToRow(r + 1, props)); // header is line 1
        }
        return rows;
    }

    public static List<ImportRow> ReadXlsx(ReadOnlyMemory<byte> body, XlsxLimits? limits = null, int maxRows = MaxRows)
    {
        XlsxGuard.Check(body, limits ?? new XlsxLimits());
        List<IDictionary<string, object?>> sheet;
        try
        {
            using var stream = new MemoryStream(body.ToArray());
            // Rows are streamed: the one past the limit stops the read there.
            sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Take(maxRows == int.MaxValue ? maxRows : maxRows + 1).ToList();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or ImportFormatException))
        {
            throw new ImportFormatException(new($"the body is not a readable XLSX workbook: {e.Message}", $"文件不是可读的 XLSX 工作簿：{e.Message}"));
        }
        if (sheet.Count > maxRows)
            throw new ImportFormatException(new($"the sheet holds more than {maxRows:N0} rows; at most {maxRows:N0} are accepted at once (split the sheet)",
                $"工作表超过 {maxRows:N0} 行；一次最多接受 {maxRows:N0} 行（请拆分工作表）"));
        var rows = new List<ImportRow>();
        for (var i = 0; i < sheet.Count; i++)
        {
            var props = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in sheet[i]) props[k.Trim()] = v;
            if (props.Values.All(v => v is null || v is string s && s.Length == 0)) continue;
            rows.Add(ToRow(i + 2, props)); // header is sheet row 1
        }
        return rows;
    }

    /// <summary>A table row from its cells, its geometry read from the coordinate columns (what a column mapping reads again).</summary>
    public static ImportRow Row(int index, Dictionary<string, object?> props) => ToRow(index, props);

    private static ImportRow ToRow(int index, Dictionary<string, object?> props)
    {
        var (geometry, error) = ReadGeometry(props);
        return new ImportRow(index, geometry, props) { GeometryError = error };
    }

    private static (Geometry?, Reason?) ReadGeometry(Dictionary<string, object?> props)
    {
        var wkt = First(props, WktKeys);
        if (wkt is not null)
        {
            var text = Convert.ToString(wkt.Value.Value, CultureInfo.InvariantCulture)!;
            if (NestingOf(text) > MaxWktDepth)
                return (null, new($"column '{wkt.Value.Key}' nests its WKT deeper than {MaxWktDepth} levels, the limit", $"“{wkt.Value.Key}”列的 WKT 嵌套超过 {MaxWktDepth} 层的上限"));
            try { return (new WKTReader().Read(text), null); }
            catch (Exception e) when (e is ParseException or ArgumentException) { return (null, new($"column '{wkt.Value.Key}' is not valid WKT: {e.Message}", $"“{wkt.Value.Key}”列不是有效的 WKT：{e.Message}")); }
        }
        var pair = First(props, PairKeys);
        if (pair is not null)
        {
            var parts = Convert.ToString(pair.Value.Value, CultureInfo.InvariantCulture)!.Split([',', ' ', '，'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && Num(parts[0]) is { } a && Num(parts[1]) is { } b) return (Factory.CreatePoint(new Coordinate(a, b)), null);
            return (null, new($"column '{pair.Value.Key}' must hold \"lon,lat\", got '{pair.Value.Value}'", $"“{pair.Value.Key}”列须为“经度,纬度”，实际为“{pair.Value.Value}”"));
        }
        var lon = First(props, LonKeys);
        var lat = First(props, LatKeys);
        if (lon is null && lat is null) return (null, new("is missing: add lon/lat (or x/y) columns", "缺少坐标：请加上 经度/纬度（或 x/y）两列"));
        if (lon is null || lat is null) return (null, new($"needs both columns: found '{(lon ?? lat)!.Value.Key}' only", $"经度和纬度两列都要有：只找到“{(lon ?? lat)!.Value.Key}”"));
        var x = Num(lon.Value.Value);
        var y = Num(lat.Value.Value);
        if (x is null) return (null, new($"column '{lon.Value.Key}' must be a number, got '{lon.Value.Value}'", $"“{lon.Value.Key}”列须为数字，实际为“{lon.Value.Value}”"));
        if (y is null) return (null, new($"column '{lat.Value.Key}' must be a number, got '{lat.Value.Value}'", $"“{lat.Value.Key}”列须为数字，实际为“{lat.Value.Value}”"));
        return (Factory.CreatePoint(new Coordinate(x.Value, y.Value)), null);
    }

    private static int NestingOf(string text)
    {
        int depth = 0, max = 0;
        foreach (var c in text)
            if (c == '(') max = Math.Max(max, ++depth);
            else if (c == ')') depth--;
        return max;
    }

    private static KeyValuePair<string, object?>? First(Dictionary<string, object?> props, string[] keys)
    {
        foreach (var k in keys)
            if (props.TryGetValue(k, out var v) && v is not null && !(v is string s && s.Length == 0))
                return new KeyValuePair<string, object?>(props.Keys.First(x => x.Equals(k, StringComparison.OrdinalIgnoreCase)), v);
        return null;
    }

    private static double? Num(object? v) => v switch
    {
        double d => d,
        int or long or decimal or float => Convert.ToDouble(v, CultureInfo.InvariantCulture),
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
