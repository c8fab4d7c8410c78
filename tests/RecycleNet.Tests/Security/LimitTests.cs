using System.Net;
using System.Text;
using MiniExcelLibs;
using RecycleNet.Core.Export;
using RecycleNet.Core.Import;
using RecycleNet.Core.Input;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Security;

/// <summary>Every request's resources are bounded: bombs, oversize siting, floods; and what leaves the service is safe to open.</summary>
public class LimitTests(SmallCity city) : IClassFixture<SmallCity>
{
    [Fact]
    public void A_512_MiB_cell_XLSX_is_refused_before_100_MB_are_allocated()
    {
        var bomb = BadRequests.Bomb(512L << 20);
        Assert.True(bomb.Length < 1_000_000, $"the bomb is {bomb.Length:N0} bytes");
        // Time is measured by bench/security/run.sh on the real process (36 ms); here what is allocated, which does not vary.
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ImportFormatException>(() => TableRowReader.ReadXlsx(bomb));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Contains("longer than 256 KiB", e.Message);
        Assert.True(allocated < 100L << 20, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void Parts_that_unpack_past_their_cap_are_refused_by_name()
    {
        var bomb = BadRequests.Bomb(4L << 20);
        var e = Assert.Throws<ImportFormatException>(() => XlsxGuard.Check(bomb, new XlsxLimits { MaxPartBytes = 1 << 20, MaxTextRunBytes = int.MaxValue }));
        Assert.Contains("xl/worksheets/sheet1.xml unpacks to more than 1 MiB", e.Message);
        // A real workbook passes the same guard untouched.
        XlsxGuard.Check(BadRequests.XlsxSeed(), new XlsxLimits());
    }

    [Fact]
    public async Task The_bomb_through_the_API_is_a_400_and_the_layer_is_unchanged()
    {
        var before = await city.FingerprintAsync();
        var content = new ByteArrayContent(BadRequests.Bomb(512L << 20));
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var r = await city.Planner.PostAsync("/api/import/communities?crs=WGS84", content);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("Excel's own cell limit", await r.Content.ReadAsStringAsync());
        Assert.Equal(before, await city.FingerprintAsync());
    }

    [Theory]
    [InlineData("""{"areaM2":35,"areaM2":5000}""", "areaM2", "appears twice")]
    [InlineData("""{"a":"\ud800"}""", "a", "lone surrogate")]
    public void Strict_JSON_names_the_path(string json, string field, string rule)
    {
        var e = Assert.Throws<JsonInputException>(() => StrictJson.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(field, StrictJson.Field(e.Path));
        Assert.Contains(rule, e.Rule);
    }

    [Fact]
    public void Invalid_UTF8_is_named_with_its_offset()
    {
        var e = Assert.Throws<JsonInputException>(() => StrictJson.Parse(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}' }));
        Assert.Contains("offset 6", e.Rule);
    }

    [Theory]
    [InlineData("泉城小区", null)]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("名\u202E称", "U+202E")]
    [InlineData("tab\there", "U+0009")]
    public void Names_refuse_control_and_bidi_characters(string name, string? named)
    {
        var why = TextRules.Check(name);
        if (named is null) Assert.Null(why); else Assert.Contains(named, why?.En);
    }

    [Fact]
    public async Task A_duplicate_key_in_an_estimate_is_refused_not_paid()
    {
        var body = """
            {"policy":"jinan-2024","applicationWindow":{"from":"2024-06-01","to":"2024-12-31"},
             "applicant":{"name":"甲","mofcomRegistered":true,"directOutletCount":12,"smallestDirectOutletAreaM2":12},
             "fixedOutlets":[{"id":"F1","areaM2":35,"areaM2":5000,"builtOn":"2024-08-01","directlyOperated":true}]}
            """;
        var r = await city.Public.PostAsync("/api/subsidies/estimate", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("fixedOutlets[0].areaM2", (await r.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("""{"name":[[1]]}""", "name", "must be text")]
    [InlineData("""{"name":12345}""", "name", "must be text")]
    [InlineData("""{"name":"<b>\u0000</b>"}""", "name", "U+0000")]
    public async Task Text_fields_take_strings_only(string properties, string field, string rule)
    {
        var body = $$$"""{"type":"Feature","properties":{{{properties}}},"geometry":{"type":"Point","coordinates":[117.05,36.65]}}""";
        var before = await city.FingerprintAsync();
        var r = await city.Planner.PostAsync("/api/communities", Json.GeoJson(body));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var error = (await r.ReadJsonAsync()).GetProperty("errors")[0];
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Contains(rule, error.GetProperty("reason").GetString());
        Assert.Equal(before, await city.FingerprintAsync());
    }

    [Fact]
    public async Task A_self_intersecting_CQL2_polygon_is_a_400()
    {
        var r = await city.Public.GetAsync("/ogc/collections/communities/items?filter=" +
            Uri.EscapeDataString("S_INTERSECTS(geometry,POLYGON((117 36,118 37,118 36,117 37,117 36)))"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var p = await r.ReadJsonAsync();
        Assert.Equal("filter", p.GetProperty("field").GetString());
        Assert.Contains("not valid", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_100_m_grid_over_Jinan_is_refused_before_any_work()
    {
        using var demo = new ServiceFactory();
        var r = await demo.Planner().PostAsync("/api/siting/outlets",
            new StringContent("""{"sites":5,"candidates":"grid","gridSpacingM":100,"timeLimitSeconds":15}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var p = await r.ReadJsonAsync();
        Assert.Equal("gridSpacingM", p.GetProperty("field").GetString());
        var detail = p.GetProperty("detail").GetString()!;
        Assert.Matches(@"about 1,0\d\d,\d{3} candidates; at most 200,000", detail);
        Assert.Contains("gridSpacingM ≥ 2", detail);
        // A 400 comes before a job is queued (bench/security/run.sh times it on the real process: 23 ms).
    }

    [Fact]
    public async Task A_full_siting_queue_answers_429_with_Retry_After()
    {
        using var f = new ServiceFactory(settings: new Dictionary<string, string>
        {
            ["RecycleNet:Siting:Concurrency"] = "1", ["RecycleNet:Siting:QueueLimit"] = "1",
        });
        var planner = f.Planner();
        var statuses = new List<HttpStatusCode>();
        var accepted = new List<string>();
        HttpResponseMessage? refused = null;
        // A 300 m grid over Jinan takes the worker seconds to build. The first is posted and claimed by the worker, then
        // three more come while it runs: one may wait, the others are refused.
        async Task<HttpResponseMessage> PostAsync() => await planner.PostAsync("/api/siting/outlets",
            new StringContent("""{"sites":30,"candidates":"grid","gridSpacingM":300,"timeLimitSeconds":30}""", Encoding.UTF8, "application/json"));
        var first = await PostAsync();
        accepted.Add(first.Headers.Location!.ToString());
        statuses.Add(first.StatusCode);
        for (var i = 0; i < 100 && (await (await planner.GetAsync(accepted[0])).ReadJsonAsync()).GetProperty("status").GetString() == "queued"; i++)
            await Task.Delay(50);
        for (var i = 0; i < 3; i++)
        {
            var r = await PostAsync();
            statuses.Add(r.StatusCode);
            if (r.StatusCode == HttpStatusCode.TooManyRequests) refused = r;
            else if (r.StatusCode == HttpStatusCode.Accepted) accepted.Add(r.Headers.Location!.ToString());
        }
        foreach (var href in accepted) await planner.DeleteAsync(href); // free the cores for the other tests
        // One runs, one waits, the rest are refused.
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.NotNull(refused);
        Assert.True(int.Parse(refused!.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal("queue", (await refused.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Headers_forbid_foreign_script_sniffing_and_framing_on_every_response()
    {
        foreach (var url in new[] { "/", "/js/app.js", "/css/app.css", "/api/districts", "/ogc?f=html", "/health" })
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, url);
            req.Headers.Accept.ParseAdd("text/html");
            var r = await city.Public.SendAsync(req);
            var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.Contains("base-uri 'none'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", r.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Theory]
    [InlineData("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org")]
    [InlineData("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}", "https://*.is.autonavi.com")]
    [InlineData("http://127.0.0.1:8080/{z}/{x}/{y}.png", "http://127.0.0.1:8080")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("https://evil.example; script-src *", null)]
    public void The_tile_host_is_allowed_for_images_only(string template, string? source)
    {
        Assert.Equal(source, RecycleNet.Api.Http.SecurityHeaders.TileSource(template));
        var csp = RecycleNet.Api.Http.SecurityHeaders.Policy(template);
        Assert.Contains("script-src 'self';", csp);
        if (source is not null) Assert.Contains($"img-src 'self' {source};", csp);
    }

    [Fact]
    public async Task Exported_text_never_opens_as_a_formula()
    {
        var body = """{"type":"Feature","properties":{"name":"=HYPERLINK(\"http://x\",\"点此\")","households":10},"geometry":{"type":"Point","coordinates":[117.06,36.61]}}""";
        var created = await city.Planner.PostAsync("/api/communities", Json.GeoJson(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt64();
        try
        {
            var csv = await city.Public.GetStringAsync("/ogc/collections/communities/items?f=csv&name=" + Uri.EscapeDataString("=HYPERLINK(\"http://x\",\"点此\")"));
            Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\"", csv);
            var xlsx = await city.Public.GetByteArrayAsync("/ogc/collections/communities/items?f=xlsx");
            var names = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["name"]?.ToString()).ToList();
            Assert.Contains("'=HYPERLINK(\"http://x\",\"点此\")", names);
            Assert.DoesNotContain(names, n => n is not null && n.StartsWith('='));
        }
        finally
        {
            await city.Planner.DeleteCurrentAsync($"/api/communities/{id}");
        }
        Assert.Equal("'+1", SpreadsheetText.Safe("+1"));
        Assert.Equal("'@SUM(A1)", SpreadsheetText.Safe("@SUM(A1)"));
        Assert.Equal("泉城", SpreadsheetText.Safe("泉城"));
    }
}
