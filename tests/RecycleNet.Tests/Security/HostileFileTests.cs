using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Network;
using RecycleNet.Core.Volumes;

namespace RecycleNet.Tests.Security;

/// <summary>
/// Each hostile file of <see cref="HostileFiles"/> read as the service reads an upload: refused with the rule it broke in
/// both languages, within a stated allocation bound (the bombs unpack to gigabytes; the reader allocates megabytes),
/// and — through the service — a 4xx problem with nothing stored and the network in use unchanged. The valid twin of
/// each form loads, so the refusals are the files' and not the forms'.
/// </summary>
public class HostileFileTests(SmallCity city) : IClassFixture<SmallCity>
{
    private static readonly ConcurrentDictionary<string, HostileFile> Built = new();

    /// <summary>The files, built once per run (the bombs take a few seconds to deflate).</summary>
    private static HostileFile File_(string name) =>
        Built.GetOrAdd(name, n => HostileFiles.All().First(f => f.Name == n));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var f in HostileFiles.GeoPackages().Select(f => f.Name)) data.Add(f);
        foreach (var f in new[]
        {
            ".shp cut to 150 bytes", "record says numParts = 0x7fffffff", "record says numPoints = 0x7fffffff", "part starts past its points",
            ".dbf header says 2^31 records", "corrupt deflate stream", "zip bomb: a .dbf of 1 GiB of zeros", "zip bomb: a .shp of 1 GiB of zeros",
            "zip bomb: a .cpg of 256 MiB of spaces", "a zip listing 20,000 members", "not a zip",
            "1,000 × 1,000 lines crossing without shared vertices", "geometry collection nested 20,000 deep", "coordinates of 1e400",
        }) data.Add(f);
        return data;
    }

    /// <summary>Runs <paramref name="read"/> on <paramref name="bytes"/> written to a file of a temporary folder, removed afterwards.</summary>
    private static void WithFile(byte[] bytes, Action<string> read)
    {
        var dir = Directory.CreateTempSubdirectory("recyclenet-hostile-").FullName;
        try
        {
            var path = Path.Combine(dir, "upload");
            File.WriteAllBytes(path, bytes);
            read(path);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static readonly DeclaredCrs Zone39 = DeclaredCrs.TryParse("EPSG:4527", out var crs) ? crs : throw new InvalidOperationException();

    /// <summary>Bytes a refused read may allocate: a bomb that unpacks to 1 GiB is stopped with a few 64 KiB buffers.</summary>
    private const long AllocationBound = 64L << 20;

    [Theory]
    [MemberData(nameof(Names))]
    public void A_hostile_network_file_is_refused_by_rule_within_its_allocation_bound(string name)
    {
        var file = File_(name);
        WithFile(file.Bytes, path =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var e = Assert.Throws<OsmFormatException>(() => NetworkFile.Read(path, "hostile", new NetworkFileSpec(file.Format, Zone39)));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < AllocationBound, $"{file}: {allocated:N0} bytes allocated before the refusal");
            Assert.False(string.IsNullOrWhiteSpace(e.Zh), $"{file}: no Chinese reason for '{e.Message}'");
            Assert.DoesNotContain("   at ", e.Message);
            Assert.DoesNotContain("System.", e.Message);
        });
    }

    [Theory]
    [InlineData("gpkg")]
    [InlineData("shapefile")]
    [InlineData("geojson")]
    public void The_valid_twin_of_each_form_loads(string format)
    {
        var bytes = format switch { "gpkg" => HostileFiles.ValidGeoPackage(), "shapefile" => HostileFiles.ValidShapefile(), _ => HostileFiles.ValidGeoJson() };
        WithFile(bytes, path =>
        {
            var load = NetworkFile.Read(path, "twin", new NetworkFileSpec(format, Zone39));
            Assert.Equal(2, load.Centrelines!.Lines);
            Assert.Equal(1, load.Centrelines.CrossingsNoded); // the two roads cross without a shared vertex
        });
    }

    [Fact]
    public void A_grid_just_inside_the_crossing_limit_is_read_and_one_past_it_is_not()
    {
        // 140 × 140 lines cross 19,600 times, under the 20,000 floor; 142 × 142 cross 20,164 times.
        WithFile(HostileFiles.Grid(140), path =>
            Assert.Equal(19_600, NetworkFile.Read(path, "grid", new NetworkFileSpec("geojson", Zone39)).Centrelines!.CrossingsNoded));
        WithFile(HostileFiles.Grid(142), path =>
            Assert.Contains("20,000", Assert.Throws<OsmFormatException>(() => NetworkFile.Read(path, "grid", new NetworkFileSpec("geojson", Zone39))).Message));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Through_the_service_a_hostile_file_is_a_named_4xx_and_nothing_is_stored(string name)
    {
        var file = File_(name);
        var fingerprint = await city.FingerprintAsync();
        using var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new("application/octet-stream");
        using var r = await city.Planner.PostAsync($"/api/network?format={file.Format}&crs=EPSG:4527&name=hostile", content);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True((int)r.StatusCode is >= 400 and < 500, $"{file}: {(int)r.StatusCode} {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("body", doc.RootElement.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("detailZh").GetString()));
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        Assert.Equal(fingerprint, await city.FingerprintAsync());
    }

    [Theory]
    [InlineData("geometry column holds TEXT", "TEXT")]
    [InlineData("geometry column holds INTEGER", "INTEGER")]
    [InlineData("zip bomb: a .cpg of 256 MiB of spaces", "64 bytes")]
    public void The_refusal_names_what_the_file_holds(string name, string named)
    {
        var file = File_(name);
        WithFile(file.Bytes, path => { Assert.Contains(named, Assert.Throws<OsmFormatException>(() => NetworkFile.Read(path, "hostile", new NetworkFileSpec(file.Format, Zone39))).Message); });
    }

    [Theory]
    [InlineData("gpkg")]
    [InlineData("shapefile")]
    [InlineData("geojson")]
    public void A_read_past_its_time_limit_is_refused_by_the_clock(string format)
    {
        // A clock already run out: each reader looks at it (SQLite's progress handler, the row loops, the noder) and stops.
        var bytes = format switch { "gpkg" => HostileFiles.ValidGeoPackage(), "shapefile" => HostileFiles.ValidShapefile(), _ => HostileFiles.ValidGeoJson() };
        WithFile(bytes, path =>
        {
            var limits = new RecycleNet.Core.Network.Centrelines.CentrelineLimits { TimeLimit = TimeSpan.FromSeconds(-1) };
            var e = Assert.Throws<OsmFormatException>(() => NetworkFile.Read(path, "late", new NetworkFileSpec(format, Zone39), limits: limits));
            Assert.Contains("took longer than", e.Message);
            Assert.Contains("上限", e.Zh);
        });
    }

    [Fact]
    public void A_CSV_past_the_row_limit_is_refused_while_it_is_parsed()
    {
        // 2,160,000 tiny rows (64 MiB as the probe sent): the parse stops at row 200,001 instead of building them all.
        var csv = new StringBuilder("name,households,lon,lat\n", 30 << 20);
        for (var i = 0; i < 2_160_000; i++) csv.Append("a,1,1,1\n");
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        csv.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ImportFormatException>(() => TableRowReader.ReadCsv(bytes));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("200,000", e.Message);
        Assert.Contains("200,000", e.MessageZh);
        // The text itself (2 bytes a character: 35 MB) plus 200,000 rows of 4 fields; parsing all 2.16 M rows took 2.2 GB.
        Assert.True(allocated < 160L << 20, $"{allocated:N0} bytes allocated");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e300)]
    [InlineData(-202403.0)]
    public void A_month_cell_that_is_no_number_of_a_month_is_no_month(double cell) => Assert.False(ReportMonth.TryParse(cell, out _));

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public async Task A_volume_workbook_whose_month_cell_is_NaN_or_1e400_is_a_422_naming_the_month(string cell)
    {
        var xlsx = Workbook(("单位名称", "网点一", true), ("统计月份", cell, false), ("品类", "废钢铁", true), ("数量", "3", false), ("计量单位", "吨", true));
        using var content = new ByteArrayContent(xlsx);
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var r = await city.Planner.PostAsync("/api/import/volumes", content);
        var body = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Contains("month", body);
        Assert.Equal(0, (await city.Public.GetFromJsonAsyncSafe("/api/volumes")).GetProperty("count").GetInt32());
    }

    /// <summary>A one-row workbook written by hand, so a number cell can hold exactly the text given (NaN, 1e400).</summary>
    private static byte[] Workbook(params (string Header, string Value, bool Text)[] cells)
    {
        static string Col(int i) => ((char)('A' + i)).ToString();
        static string X(string s) => System.Security.SecurityElement.Escape(s)!;
        var head = string.Concat(cells.Select((c, i) => $"<c r=\"{Col(i)}1\" t=\"inlineStr\"><is><t>{X(c.Header)}</t></is></c>"));
        var row = string.Concat(cells.Select((c, i) => c.Text ? $"<c r=\"{Col(i)}2\" t=\"inlineStr\"><is><t>{X(c.Value)}</t></is></c>" : $"<c r=\"{Col(i)}2\"><v>{X(c.Value)}</v></c>"));
        return HostileFiles.Zip(
            ("[Content_Types].xml", s => s.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""u8)),
            ("_rels/.rels", s => s.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""u8)),
            ("xl/workbook.xml", s => s.Write("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""u8)),
            ("xl/_rels/workbook.xml.rels", s => s.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""u8)),
            ("xl/worksheets/sheet1.xml", s => s.Write(Encoding.UTF8.GetBytes(
                $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{head}</row><row r="2">{row}</row></sheetData></worksheet>"""))));
    }
}

internal static class PublicReads
{
    public static async Task<JsonElement> GetFromJsonAsyncSafe(this HttpClient client, string url)
    {
        var text = await client.GetStringAsync(url);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
