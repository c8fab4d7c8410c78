using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace RecycleNet.Tests.Security;

/// <summary>One generated request: what it is, where it goes, and whether it asks to write.</summary>
public sealed record FuzzRequest(string Kind, HttpMethod Method, string Url, byte[]? Body, string? ContentType, bool Write, string? IfMatch = null)
{
    public override string ToString()
    {
        var preview = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)).Replace('\n', ' ');
        return $"[{Kind}] {Method} {Url} ({Body?.Length ?? 0} bytes, {ContentType}) {preview}";
    }
}

/// <summary>
/// Seeded generator of bad requests: valid requests of each kind (the seeds), then broken the ways a careless user or
/// an attacker breaks them — truncation, flipped and invalid UTF-8 bytes, wrong JSON types, duplicate keys, huge
/// numbers, NaN, deep nesting, long and control-character text, markup, swapped axes, far-away points, bad CRSs,
/// zip bombs, broken OSM — and unknown or malformed query parameters. The same seed gives the same requests.
/// </summary>
public sealed class BadRequests(int seed, long outletId, byte[]? pbf)
{
    private readonly Random _rng = new(seed);

    private static readonly string[] Payloads =
    [
        "<img src=x onerror=alert(1)>", "<script>alert(document.cookie)</script>", "\"><svg onload=alert(1)>", "=HYPERLINK(\"http://x\")",
        "\u0000", "名\u202E称", "\u001B[31m", "a\u0007b", "\uFEFF", "'; DROP TABLE Communities; --", "../../etc/passwd", "%00", "${jndi:ldap://x}",
    ];

    private static readonly JsonNode?[] Wrong =
    [
        JsonValue.Create(12345), JsonValue.Create(-1), JsonValue.Create(0.5), JsonValue.Create(true), null, new JsonArray(new JsonArray(1)),
        new JsonObject { ["x"] = 1 }, JsonValue.Create(""), JsonValue.Create("   "), JsonValue.Create(new string('长', 5000)),
        JsonValue.Create(1e300), JsonValue.Create(-1e300), JsonValue.Create(long.MaxValue), JsonValue.Create("1e400"), JsonValue.Create("2024-13-45"),
        new JsonArray(), new JsonObject(), JsonValue.Create(9.999999999999999e22),
    ];

    private static readonly string[] BadCrs = ["", "EPSG:9999", "GCJ-03", "BD09LL", "EPSG:4326x", "%00", "WGS84;DROP", "EPSG:-1", new string('x', 300), "CRS84\u0000"];

    public IEnumerable<FuzzRequest> Generate(int count)
    {
        var seeds = Seeds().ToList();
        for (var i = 0; i < count; i++)
        {
            var s = seeds[_rng.Next(seeds.Count)];
            if (s.Kind.Contains("import") && _rng.Next(10) == 0)
            {
                // A form's Content-Type over a body that is no form (or a form with a broken boundary).
                yield return s with { Kind = s.Kind + "/multipart", ContentType = Pick(["multipart/form-data", "multipart/form-data; boundary=zzz", "multipart/form-data; boundary=\"\""]) };
                continue;
            }
            var r = s.ContentType switch
            {
                "ogc" => Query(s),
                "get" => Get(s),
                _ when s.Kind.StartsWith("network") => Bytes(s),
                _ when s.Kind.StartsWith("xlsx") => Xlsx(s),
                _ when s.Kind.StartsWith("csv") => _rng.Next(3) == 0 ? Bytes(s) : Csv(s),
                _ => _rng.Next(4) switch { 0 => Bytes(s), 1 => Text(s), _ => Json(s) },
            };
            // Writes to an existing feature carry If-Match: mostly "*" (so their bodies are judged), sometimes none (428),
            // a stale version (412) or a malformed tag (400).
            yield return r.Method == HttpMethod.Put ? r with { IfMatch = Pick<string?>(["*", "*", "*", null, "\"999\"", "bogus", "W/\"1\""]) } : r;
        }
    }

    private IEnumerable<FuzzRequest> Seeds()
    {
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        const string gj = "application/geo+json", js = "application/json";
        var post = HttpMethod.Post;
        yield return new("geojson-import", post, "/api/import/communities?crs=WGS84", U("""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"新小区","households":420,"population":1100},
            "geometry":{"type":"Point","coordinates":[117.03,36.63]}},{"type":"Feature","properties":{"name":"又一小区","households":120},
            "geometry":{"type":"Point","coordinates":[117.12,36.66]}}]}
            """), gj, true);
        yield return new("geojson-import-districts", post, "/api/import/districts?crs=WGS84&mode=append", U("""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"丙区","adcode":"370192","population":1000},
            "geometry":{"type":"Polygon","coordinates":[[[117.2,36.6],[117.3,36.6],[117.3,36.7],[117.2,36.7],[117.2,36.6]]]}}]}
            """), gj, true);
        yield return new("csv-import", post, "/api/import/outlets?crs=GCJ02", U("名称,类型,状态,面积,经度,纬度\n新网点,固定,运营,30,117.04,36.64\n流动站,流动,operating,,117.11,36.62\n"), "text/csv", true);
        yield return new("xlsx-import", post, "/api/import/communities?crs=WGS84&format=xlsx", XlsxSeed(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true);
        yield return new("feature-post", post, "/api/outlets", U("""{"type":"Feature","properties":{"name":"单点","kind":"fixed","status":"planned","areaM2":12},"geometry":{"type":"Point","coordinates":[117.05,36.65]}}"""), gj, true);
        yield return new("feature-put", HttpMethod.Put, $"/api/outlets/{outletId}?crs=WGS84", U("""{"type":"Feature","properties":{"name":"网点一","kind":"fixed","status":"operating","modern":true,"areaM2":30},"geometry":{"type":"Point","coordinates":[117.02,36.62]}}"""), gj, true);
        yield return new("enterprise", post, "/api/enterprises", U("""{"name":"泉城回收","creditCode":"91350100M000100Y43","mofcomRegistered":true,"directOutletCount":3}"""), js, true);
        yield return new("estimate", post, "/api/subsidies/estimate", U("""
            {"policy":"jinan-2024","applicationWindow":{"from":"2024-06-01","to":"2024-12-31"},
             "applicant":{"name":"泉城再生资源回收有限公司","mofcomRegistered":true,"directOutletCount":12,"smallestDirectOutletAreaM2":12,"boxTrucks":6},
             "fixedOutlets":[{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true,"location":{"lon":117.05,"lat":36.66}}],
             "mobileStations":[{"id":"M1","communitiesServed":19,"operatingMonths":14,"meetsGuideline":true,"investmentYuan":300000}],
             "facilities":[{"id":"C1","kind":"provincialSortingCenter","recognizedOn":"2024-09-01"}]}
            """), js, false);
        yield return new("what-if", post, "/api/coverage/what-if?minutes=15", U($$"""{"crs":"WGS84","add":[{"lon":117.09,"lat":36.68,"name":"假设"}],"move":[{"id":{{outletId}},"lon":117.03,"lat":36.63}],"close":[{{outletId}}]}"""), js, false);
        yield return new("siting-outlets", post, "/api/siting/outlets", U("""{"sites":2,"candidates":"grid","gridSpacingM":1000,"timeLimitSeconds":1}"""), js, false);
        yield return new("siting-centers", post, "/api/siting/sorting-centers", U("""{"centers":1,"gridSpacingM":5000,"timeLimitSeconds":1,"haulLimitKm":20}"""), js, false);
        yield return new("network-xml", post, "/api/network?name=small.osm", U(SmallCity.OsmXml), "application/xml", true);
        if (pbf is not null) yield return new("network-pbf", post, "/api/network?name=small.osm.pbf", pbf, "application/octet-stream", true);
        // Road centrelines in each form a surveying institute delivers (HostileFiles builds their hostile variants too).
        yield return new("network-centreline-geojson", post, "/api/network?format=geojson&crs=EPSG:4527&name=roads.geojson", HostileFiles.ValidGeoJson(), "application/geo+json", true);
        yield return new("network-shapefile", post, "/api/network?format=shapefile&crs=EPSG:4527&name=roads.zip", HostileFiles.ValidShapefile(), "application/zip", true);
        yield return new("network-gpkg", post, "/api/network?format=gpkg&crs=EPSG:4527&name=roads.gpkg", HostileFiles.ValidGeoPackage(), "application/geopackage+sqlite3", true);
        yield return new("xlsx-volumes", post, "/api/import/volumes?mode=replace", XlsxOf([new() { ["单位名称"] = "网点一", ["统计月份"] = "2024-03", ["品类"] = "废纸", ["数量"] = 3, ["计量单位"] = "吨" }]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true);
        foreach (var c in new[] { "communities", "outlets", "districts", "sorting-centers", "life-circles", "coverage-gaps" })
            yield return new("ogc-" + c, HttpMethod.Get, $"/ogc/collections/{c}/items", null, "ogc", false);
        foreach (var path in new[] { "/api/coverage", "/api/coverage/gaps", "/api/life-circles", "/api/scorecard", "/ogc/collections/outlets/tiles/WebMercatorQuad/12/3410/1570",
                                     "/api/policies/jinan-2024/subsidy-rules", "/ogc/collections/communities", "/api/communities", "/ogc" })
            yield return new("get" + path, HttpMethod.Get, path, null, "get", false);
    }

    /// <summary>Byte-level damage: truncation, flipped bytes, invalid UTF-8 sequences, a BOM in the wrong place, NULs.</summary>
    private FuzzRequest Bytes(FuzzRequest s)
    {
        var b = s.Body!.ToList();
        switch (_rng.Next(7))
        {
            case 0: b = b.Take(_rng.Next(b.Count)).ToList(); break;
            case 1: for (var i = 0; i < 1 + _rng.Next(8); i++) b[_rng.Next(b.Count)] ^= (byte)(1 << _rng.Next(8)); break;
            case 2: b.InsertRange(_rng.Next(b.Count), Pick<byte[]>([[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80], [0xF5, 0x80, 0x80, 0x80], [0xE4, 0xB8]])); break;
            case 3: b = Encoding.Convert(Encoding.UTF8, CodePages.Gbk, b.ToArray()).ToList(); break;
            case 4: b.InsertRange(_rng.Next(b.Count), new byte[] { 0, 0, 0 }); break;
            case 5: b.AddRange(Enumerable.Repeat((byte)'[', 5000)); break;
            default: b.Reverse(_rng.Next(b.Count / 2), Math.Min(20, b.Count / 2)); break;
        }
        return s with { Kind = s.Kind + "/bytes", Body = [.. b], Url = MaybeBadQuery(s.Url) };
    }

    /// <summary>Textual JSON damage the parser must name: duplicate keys, NaN, deep nesting, comments, lone escapes.</summary>
    private FuzzRequest Text(FuzzRequest s)
    {
        var text = Encoding.UTF8.GetString(s.Body!);
        var brace = text.IndexOf('{', _rng.Next(Math.Max(1, text.Length / 2)));
        if (brace < 0) brace = text.IndexOf('{');
        string Key() { var m = System.Text.RegularExpressions.Regex.Matches(text, "\"(\\w+)\":"); return m.Count == 0 ? "name" : m[_rng.Next(m.Count)].Groups[1].Value; }
        text = _rng.Next(8) switch
        {
            0 => text.Insert(brace + 1, $"\"{Key()}\":5000,"), // duplicate key (the same name appears later in some object)
            1 => text.Insert(brace + 1, "\"areaM2\":NaN,"),
            2 => text.Insert(brace + 1, "\"x\":" + new string('[', 3000) + new string(']', 3000) + ","),
            3 => text.Insert(brace + 1, "/* comment */"),
            4 => text.Insert(brace + 1, "\"name\":\"\\ud800\","),
            5 => text.Insert(brace + 1, "\"name\":\"\\u0000\\u202e\","),
            6 => _rng.Next(2) == 0 ? text.Replace("}", "},", StringComparison.Ordinal) : text.Insert(brace + 1, $"\"pad\":\"{new string('x', 300_000)}\","),
            _ => _rng.Next(2) == 0 ? text.Insert(brace + 1, "\"n\":1" + new string('0', 400) + ",")
                : System.Text.RegularExpressions.Regex.Replace(text, @"(?<=[:\[,])\s*-?\d+(\.\d+)?(?=[,\]}])", _rng.Next(2) == 0 ? "1e400" : "-1e400"),
        };
        return s with { Kind = s.Kind + "/text", Body = Encoding.UTF8.GetBytes(text), Url = MaybeBadQuery(s.Url) };
    }

    /// <summary>Structural damage: one value somewhere replaced by a wrong type, an extreme number, markup or control text, swapped or far-away coordinates.</summary>
    private FuzzRequest Json(FuzzRequest s)
    {
        var root = JsonNode.Parse(s.Body!)!;
        var nodes = new List<(JsonNode Parent, object Key)>();
        Walk(root, nodes);
        for (var n = 0; n < 1 + _rng.Next(3) && nodes.Count > 0; n++)
        {
            var (parent, key) = nodes[_rng.Next(nodes.Count)];
            var current = key is string k ? parent[k] : parent[(int)key];
            JsonNode? replacement = _rng.Next(6) switch
            {
                0 => JsonValue.Create(Pick(Payloads)),
                1 when current is JsonArray { Count: 2 } a && a[0] is JsonValue => new JsonArray(a[1]!.DeepClone(), a[0]!.DeepClone()), // swapped axes
                1 => new JsonArray(JsonValue.Create(-74.0), JsonValue.Create(40.7)), // New York
                2 => JsonValue.Create(Pick(BadCrs)),
                _ => Pick(Wrong)?.DeepClone(),
            };
            if (key is string name) ((JsonObject)parent)[name] = replacement;
            else ((JsonArray)parent)[(int)key] = replacement;
        }
        if (root is JsonObject o && _rng.Next(5) == 0) o["unexpected" + _rng.Next(100)] = 1;
        return s with { Kind = s.Kind + "/json", Body = Encoding.UTF8.GetBytes(root.ToJsonString()), Url = MaybeBadQuery(s.Url) };
    }

    private static void Walk(JsonNode node, List<(JsonNode, object)> into)
    {
        if (node is JsonObject o) foreach (var (k, v) in o.ToList()) { into.Add((o, k)); if (v is not null) Walk(v, into); }
        else if (node is JsonArray a) for (var i = 0; i < a.Count; i++) { into.Add((a, i)); if (a[i] is { } v) Walk(v, into); }
    }

    /// <summary>Table damage: ragged rows, markup and control text, swapped or far-away coordinates, huge numbers.</summary>
    private FuzzRequest Csv(FuzzRequest s)
    {
        var lines = Encoding.UTF8.GetString(s.Body!).Split('\n').ToList();
        var row = 1 + _rng.Next(Math.Max(1, lines.Count - 2));
        lines[row] = _rng.Next(6) switch
        {
            0 => $"{Pick(Payloads).Replace(",", "，")},固定,运营,30,117.04,36.64",
            1 => "x,fixed,operating,30,36.64,117.04", // swapped
            2 => "x,fixed,operating,1e400,117.04,36.64",
            3 => "x,fixed,operating,-5,-74.0,40.7",
            4 => "\"unclosed,fixed,operating,30,117,36",
            _ => string.Join(",", Enumerable.Repeat("9", 200)),
        };
        if (_rng.Next(4) == 0) lines[0] = lines[0].Replace("经度", "lon").Replace("纬度", "lon");
        return s with { Kind = s.Kind + "/csv", Body = Encoding.UTF8.GetBytes(string.Join('\n', lines)), Url = MaybeBadQuery(s.Url) };
    }

    private FuzzRequest Xlsx(FuzzRequest s) => _rng.Next(5) switch
    {
        0 => s with { Kind = "xlsx/bomb", Body = Bomb(8 << 20) },
        1 => s with { Kind = "xlsx/not-a-zip", Body = [.. Encoding.UTF8.GetBytes("PK\u0003\u0004 not really a zip")] },
        2 => s with { Kind = "xlsx/cells", Body = XlsxSeed(Pick(Payloads), _rng.Next(2) == 0 ? "abc" : (object)double.MaxValue) },
        3 => Bytes(s),
        _ => s with { Kind = "xlsx/empty-sheet", Body = XlsxOf([]) },
    };

    /// <summary>Unknown, repeated and malformed query parameters of /ogc items.</summary>
    private FuzzRequest Query(FuzzRequest s)
    {
        string[] bad =
        [
            "limit=-1", "limit=abc", "limit=1e9", "offset=-5", "offset=99999999999999999999", "bbox=1,2,3", "bbox=117,36,116,35", "bbox=a,b,c,d",
            "bbox=NaN,1,2,3", "bbox-crs=EPSG:9999", "crs=foo", "datetime=2024-99-01", "datetime=2025-01-01/2024-01-01", "f=exe", "f=",
            "filter=name%20%3D", "filter=(((((", "filter=" + string.Concat(Enumerable.Repeat("NOT%20", 500)) + "name%3D'x'",
            "filter=S_INTERSECTS(geometry,POLYGON((0%200,10%2010,10%200,0%2010,0%200)))", "filter=S_INTERSECTS(geometry,POINT(1e400%200))",
            "filter=households%3E'abc'", "filter=nosuch%3D1", "filter-lang=cql2-json", "filter-crs=EPSG:1", "minutes=-3", "speedKmh=0",
            "minutes=NaN", "unknown=1", "name=%FF", "households=%00", "limit=10&limit=20", "bbox=117,36,118,37&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4490x",
        ];
        var q = string.Join("&", Enumerable.Range(0, 1 + _rng.Next(2)).Select(_ => Pick(bad)));
        return s with { Kind = s.Kind + "/query", Url = $"{s.Url}?{q}" };
    }

    /// <summary>The other readers of query strings and paths: walking parameters, policy and year, tile numbers, ids.</summary>
    private FuzzRequest Get(FuzzRequest s)
    {
        string[] values = ["-1", "0", "abc", "NaN", "Infinity", "1e400", "99999999999999999999", "", "%FF", "%00", "<script>", "15,15", "2027.5"];
        string[] names = ["minutes", "speedKmh", "snapDistanceM", "policy", "year", "f", "haulLimitKm", "haulCircuity", "kgPerHouseholdPerDay", "limit", "crs", "zzz"];
        var q = string.Join("&", Enumerable.Range(0, 1 + _rng.Next(3)).Select(_ => $"{Pick(names)}={Pick(values)}"));
        var url = s.Url;
        if (_rng.Next(4) == 0)
            url = url.Replace("/12/3410/1570", Pick(["/99/1/1", "/-1/0/0", "/a/b/c", "/12/999999/1", "/3/8/8"]))
                     .Replace("jinan-2024", Pick(["nope", "%2e%2e", "jinan-2024%20x"])).Replace("/collections/communities", Pick(["/collections/%3Cscript%3E", "/collections/communities"]));
        return s with { Kind = s.Kind + "/query", Url = $"{url}?{q}" };
    }

    private string MaybeBadQuery(string url)
    {
        if (_rng.Next(6) != 0) return url;
        var extra = Pick(["crs=" + Uri.EscapeDataString(Pick(BadCrs)), "mode=sideways", "mode=1", "format=exe", "wait=maybe", "minutes=abc", "speedKmh=-1", "name=" + new string('n', 300)]);
        return url + (url.Contains('?') ? "&" : "?") + extra;
    }

    private T Pick<T>(T[] items) => items[_rng.Next(items.Length)];

    public static byte[] XlsxSeed(object? name = null, object? households = null) => XlsxOf(
    [
        new Dictionary<string, object?> { ["名称"] = name ?? "表格小区", ["户数"] = households ?? 250, ["经度"] = 117.06, ["纬度"] = 36.67 },
        new Dictionary<string, object?> { ["名称"] = "表格小区二", ["户数"] = 180, ["经度"] = 117.14, ["纬度"] = 36.64 },
    ]);

    private static byte[] XlsxOf(List<Dictionary<string, object?>> rows)
    {
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, rows.Count == 0 ? [new Dictionary<string, object?> { ["名称"] = null }] : rows);
        return ms.ToArray();
    }

    /// <summary>An XLSX whose only cell unpacks to <paramref name="cellBytes"/> bytes of 'A' (the zip holds about a thousandth of that).</summary>
    public static byte[] Bomb(long cellBytes)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"""u8);
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)'A');
            for (long left = cellBytes; left > 0; left -= block.Length) sheet.Write(block, 0, (int)Math.Min(block.Length, left));
            sheet.Write("</t></is></c></row></sheetData></worksheet>"u8);
        }
        return ms.ToArray();
    }
}

/// <summary>GBK, the encoding a Chinese Windows saves "ANSI" text in; .NET needs the code-pages provider for it.</summary>
internal static class CodePages
{
    public static readonly Encoding Gbk = Init();

    private static Encoding Init()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }
}
