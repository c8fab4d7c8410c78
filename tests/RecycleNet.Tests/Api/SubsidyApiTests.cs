using System.Net;
using System.Text.Json;
using MiniExcelLibs;

namespace RecycleNet.Tests.Api;

/// <summary>POST /api/subsidies/estimate and GET /api/policies/{id}/subsidy-rules over the running service.</summary>
public class SubsidyApiTests(DemoService demo) : IClassFixture<DemoService>
{
    /// <summary>The README's request: F2 was built a day before the window; M1 and C1 qualify.</summary>
    public const string Example = """
    { "policy": "jinan-2024",
      "applicationWindow": { "from": "2024-06-01", "to": "2024-12-31" },
      "applicant": { "name": "泉城再生资源回收有限公司", "mofcomRegistered": true, "directOutletCount": 12,
                     "smallestDirectOutletAreaM2": 12, "boxTrucks": 6 },
      "fixedOutlets": [ { "id": "F1", "areaM2": 35, "builtOn": "2024-08-01", "directlyOperated": true },
                        { "id": "F2", "areaM2": 60, "builtOn": "2024-05-31", "directlyOperated": true } ],
      "mobileStations": [ { "id": "M1", "communitiesServed": 25, "operatingMonths": 14,
                            "meetsGuideline": true, "investmentYuan": 300000 } ],
      "facilities": [ { "id": "C1", "kind": "provincialSortingCenter", "recognizedOn": "2024-09-01" } ] }
    """;


    private Task<HttpResponseMessage> PostAsync(string json, string? accept = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/subsidies/estimate") { Content = Json.Body(json) };
        if (accept is not null) req.Headers.Add("Accept", accept);
        return demo.Factory.CreateClient().SendAsync(req);
    }

    private static JsonElement Item(JsonElement answer, string id) =>
        answer.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    [Fact]
    public async Task A_fixed_outlets_amount_under_the_citys_rule_follows_its_area_and_cap()
    {
        var c = demo.Factory.CreateClient();
        var small = await (await c.GetAsync("/api/subsidies/fixed-outlet?areaM2=30")).ReadJsonAsync();
        Assert.Equal((6000m, "fixed-outlet"), (small.GetProperty("amountYuan").GetDecimal(), small.GetProperty("rule").GetString())); // 30 m² × 200
        var large = await (await c.GetAsync("/api/subsidies/fixed-outlet?areaM2=77")).ReadJsonAsync();
        Assert.Equal(10000m, large.GetProperty("amountYuan").GetDecimal()); // 15,400 capped at 10,000 per outlet
        foreach (var bad in new[] { "", "?areaM2=-1", "?areaM2=abc" })
        {
            var r = await c.GetAsync($"/api/subsidies/fixed-outlet{bad}");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("areaM2", (await r.ReadJsonAsync()).GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task The_readme_example_is_answered_clause_by_clause_without_a_key()
    {
        var r = await PostAsync(Example);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var a = await r.ReadJsonAsync();
        Assert.Equal((267_000m, 67_000m, 200_000m, true), (a.GetProperty("totalYuan").GetDecimal(), a.GetProperty("outletSubsidyYuan").GetDecimal(),
            a.GetProperty("facilityRewardUpToYuan").GetDecimal(), a.GetProperty("totalIsUpperBound").GetBoolean()));
        Assert.Equal(7000m, Item(a, "F1").GetProperty("amountYuan").GetDecimal());
        Assert.Equal("35 m² × 200 yuan/m² = 7,000 yuan", Item(a, "F1").GetProperty("calculation").GetProperty("en").GetString());
        var f2 = Item(a, "F2");
        Assert.False(f2.GetProperty("eligible").GetBoolean());
        var reason = f2.GetProperty("reasons")[0];
        Assert.Equal(("built-in-window", "fixedOutlets[1].builtOn"), (reason.GetProperty("condition").GetString(), reason.GetProperty("field").GetString()));
        Assert.Equal("built on 2024-05-31, 1 day before the application window (2024-06-01 to 2024-12-31)", reason.GetProperty("reason").GetString());
        Assert.Equal("申报期内新建直营网点", reason.GetProperty("citation").GetProperty("quote").GetString());
        Assert.Equal(60_000m, Item(a, "M1").GetProperty("amountYuan").GetDecimal());
        var c1 = Item(a, "C1");
        Assert.Equal((200_000m, true), (c1.GetProperty("amountYuan").GetDecimal(), c1.GetProperty("upTo").GetBoolean()));
        Assert.Equal("第22项（二）再生资源产业园、回收分拣中心", c1.GetProperty("citation").GetProperty("item").GetString());
        Assert.Equal(0, a.GetProperty("capsApplied").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("coverageGain").ValueKind);
        Assert.True(a.GetProperty("assumptions").GetArrayLength() >= 5);
    }

    [Fact]
    public async Task Caps_are_reported_with_their_cut()
    {
        var outlets = string.Join(",", Enumerable.Range(1, 15).Select(i => $$"""{"id":"F{{i}}","areaM2":80,"builtOn":"2024-07-01","directlyOperated":true}"""));
        var json = $$"""
        {"policy":"jinan-2024","applicationWindow":{"from":"2024-06-01","to":"2024-12-31"},
         "applicant":{"mofcomRegistered":true,"directOutletCount":15,"smallestDirectOutletAreaM2":20,"boxTrucks":5},
         "fixedOutlets":[{{outlets}}],
         "mobileStations":[{"id":"M1","communitiesServed":20,"operatingMonths":12,"meetsGuideline":true,"investmentYuan":600000.50}]}
        """;
        var a = await (await PostAsync(json)).ReadJsonAsync();
        var caps = a.GetProperty("capsApplied").EnumerateArray().ToList();
        Assert.Equal(["mobile-stations-per-applicant", "outlets-per-applicant"], caps.Select(c => c.GetProperty("cap").GetString()));
        Assert.Equal((120_000.1m, 20_000.1m), (caps[0].GetProperty("beforeYuan").GetDecimal(), caps[0].GetProperty("cutYuan").GetDecimal()));
        Assert.Equal((250_000m, 50_000m, 200_000m), (caps[1].GetProperty("beforeYuan").GetDecimal(), caps[1].GetProperty("cutYuan").GetDecimal(),
            caps[1].GetProperty("limitYuan").GetDecimal()));
        Assert.Equal(120_000.1m, Item(a, "M1").GetProperty("amountYuan").GetDecimal()); // before the caps, exact
        Assert.Equal(200_000m, a.GetProperty("totalYuan").GetDecimal());
    }

    [Theory]
    [InlineData("""{"id":"F1","areaM2":-5,"builtOn":"2024-08-01","directlyOperated":true}""", "", "fixedOutlets[0].areaM2", "must not be negative")]
    [InlineData("""{"id":"F1","areaM2":"35","builtOn":"2024-08-01","directlyOperated":true}""", "", "fixedOutlets[0].areaM2", "must be a number, not the string \"35\"")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-8-1","directlyOperated":true}""", "", "fixedOutlets[0].builtOn", "'2024-8-1' is not a date written yyyy-MM-dd")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-02-30","directlyOperated":true}""", "", "fixedOutlets[0].builtOn", "'2024-02-30' is not a date")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":"yes"}""", "", "fixedOutlets[0].directlyOperated", "must be true or false")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true,"area":35}""", "", "fixedOutlets[0].area", "is not a known field")]
    [InlineData("""{"id":"F1","areaM2":35,"directlyOperated":true}""", "", "fixedOutlets[0].builtOn", "is required by rule fixed-outlet")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true,"location":{"lon":36.66,"lat":117.05}}""", "", "fixedOutlets[0].location", "looks like latitude, longitude")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true}""", ""","mobileStations":[{"id":"F1","communitiesServed":20,"operatingMonths":12,"meetsGuideline":true,"investmentYuan":1}]""", "mobileStations[0].id", "'F1' is already the id of fixedOutlets[0]")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true}""", ""","mobileStations":[{"id":"M1","communitiesServed":"twenty","operatingMonths":12,"meetsGuideline":true,"investmentYuan":1}]""", "mobileStations[0].communitiesServed", "must be a number")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true}""", ""","mobileStations":[{"id":"M1","communitiesServed":20.5,"operatingMonths":12,"meetsGuideline":true,"investmentYuan":1}]""", "mobileStations[0].communitiesServed", "must be a whole number")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true}""", ""","mobileStations":[{"id":"M1","communitiesServed":20,"operatingMonths":12,"meetsGuideline":true,"investmentYuan":-1}]""", "mobileStations[0].investmentYuan", "must not be negative")]
    [InlineData("""{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true}""", ""","facilities":[{"id":"P","kind":"park","recognizedOn":"2024-09-01"}]""", "facilities[0].kind", "'park' is not a facility kind of this policy; use one of provincialIndustrialPark, provincialSortingCenter")]
    public async Task Bad_items_are_a_400_naming_the_field(string fixedOutlet, string more, string field, string rule)
    {
        var json = $$"""
        {"policy":"jinan-2024","applicationWindow":{"from":"2024-06-01","to":"2024-12-31"},
         "applicant":{"mofcomRegistered":true,"directOutletCount":12,"smallestDirectOutletAreaM2":12,"boxTrucks":6},
         "fixedOutlets":[{{fixedOutlet}}]{{more}}}
        """;
        await AssertRefused(json, field, rule);
    }

    [Theory]
    [InlineData("""{"from":"2024-12-31","to":"2024-06-01"}""", """{"mofcomRegistered":true,"directOutletCount":12,"smallestDirectOutletAreaM2":12,"boxTrucks":6}""", "applicationWindow.to", "2024-06-01 is before the window's start 2024-12-31")]
    [InlineData("""{"from":"2024-06-01"}""", """{"mofcomRegistered":true,"directOutletCount":12,"smallestDirectOutletAreaM2":12,"boxTrucks":6}""", "applicationWindow.to", "is required")]
    [InlineData("""{"from":"2024-06-01","to":"2024-12-31"}""", """{"mofcomRegistered":true,"directOutletCount":"12","smallestDirectOutletAreaM2":12,"boxTrucks":6}""", "applicant.directOutletCount", "must be a number, not the string \"12\"")]
    [InlineData("""{"from":"2024-06-01","to":"2024-12-31"}""", """{"mofcomRegistered":true,"directOutletCount":-3,"smallestDirectOutletAreaM2":12,"boxTrucks":6}""", "applicant.directOutletCount", "must not be negative")]
    [InlineData("""{"from":"2024-06-01","to":"2024-12-31"}""", """{"mofcomRegistered":true,"directOutletCount":0,"smallestDirectOutletAreaM2":12,"boxTrucks":6}""", "applicant.directOutletCount", "counts the new outlets too, and 1 directly operated outlets are listed")]
    [InlineData("""{"from":"2024-06-01","to":"2024-12-31"}""", """{"mofcomRegistered":true,"directOutletCount":12,"smallestDirectOutletAreaM2":-1,"boxTrucks":6}""", "applicant.smallestDirectOutletAreaM2", "must not be negative")]
    [InlineData("""{"from":"2024-06-01","to":"2024-12-31"}""", """{"directOutletCount":12,"smallestDirectOutletAreaM2":12}""", "applicant.mofcomRegistered", "is required by rule fixed-outlet (true or false)")]
    public async Task Bad_windows_and_applicants_are_a_400_naming_the_field(string window, string applicant, string field, string rule)
    {
        var json = $$"""
        {"policy":"jinan-2024","applicationWindow":{{window}},"applicant":{{applicant}},
         "fixedOutlets":[{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true}]}
        """;
        await AssertRefused(json, field, rule);
    }

    private async Task AssertRefused(string json, string field, string rule)
    {
        var r = await PostAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var p = await r.ReadJsonAsync();
        var errors = p.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("reason").GetString())).ToList();
        Assert.Contains(errors, e => e.Item1 == field && e.Item2!.Contains(rule));
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once()
    {
        var p = await (await PostAsync("""{"policy":"jinan-2024","applicationWindow":{"from":"x","to":"2024-01-01"},"fixedOutlets":[{"areaM2":-1}]}""")).ReadJsonAsync();
        var fields = p.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["applicationWindow.from", "fixedOutlets[0].id", "fixedOutlets[0].areaM2", "applicant.mofcomRegistered"], fields.Take(4));
        Assert.Equal("applicationWindow.from", p.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("""{"policy":"shanghai-2030"}""", 404, "The policy was not found")]
    // Another city's policy is refused here, whether or not it has rules (CityContextTests covers every route).
    [InlineData("""{"policy":"anqiu-2024"}""", 400, "Invalid value for 'policy'")]
    // No policy: the city's own (Jinan's), so what is wrong is the window.
    [InlineData("""{"applicationWindow":{}}""", 400, "The request has 2 problems")]
    [InlineData("""{"policy":"jinan-2024",""", 400, "The request body could not be read")]
    [InlineData("""[1,2]""", 400, "The request body could not be read")]
    public async Task Unknown_policies_and_unreadable_bodies(string json, int status, string title)
    {
        var r = await PostAsync(json);
        Assert.Equal(status, (int)r.StatusCode);
        Assert.Equal(title, (await r.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_rules_are_listed_with_their_citations()
    {
        var client = demo.Factory.CreateClient();
        var rules = await (await client.GetAsync("/api/policies/jinan-2024/subsidy-rules")).ReadJsonAsync();
        var list = rules.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["fixed-outlet", "mobile-station", "provincial-industrial-park", "provincial-sorting-center"], list.Select(r => r.GetProperty("id").GetString()));
        Assert.All(list, r => Assert.StartsWith("第22项", r.GetProperty("citation").GetProperty("item").GetString()));
        var fixedRule = list[0];
        Assert.Equal((200m, 10_000m), (fixedRule.GetProperty("amount").GetProperty("rateYuan").GetDecimal(), fixedRule.GetProperty("amount").GetProperty("maxYuanPerItem").GetDecimal()));
        var area = fixedRule.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "new-outlet-area");
        Assert.Equal(("fixedOutlets[].areaM2", "atLeast", 10m), (area.GetProperty("field").GetString(), area.GetProperty("test").GetString(), area.GetProperty("value").GetDecimal()));
        Assert.Equal([100_000m, 200_000m], rules.GetProperty("caps").EnumerateArray().Select(c => c.GetProperty("maxYuan").GetDecimal()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/policies/anqiu-2024/subsidy-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/policies/nowhere/subsidy-rules")).StatusCode);
        var policies = await (await client.GetAsync("/api/policies")).ReadJsonAsync();
        Assert.Equal("/api/policies/jinan-2024/subsidy-rules", policies.EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == "jinan-2024").GetProperty("subsidyRulesHref").GetString());
    }

    [Fact]
    public async Task An_xlsx_workbook_is_returned_on_request()
    {
        var r = await PostAsync(Example, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("subsidy-estimate-jinan-2024.xlsx", r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName);
        using var xlsx = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        Assert.Equal(["汇总 Summary", "明细 Items", "封顶 Caps", "依据 Citations", "说明 Assumptions"], xlsx.GetSheetNames());
        var items = xlsx.Query(useHeaderRow: true, sheetName: "明细 Items").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["F1", "F2", "M1", "C1"], items.Select(i => i["编号 (id)"].ToString()));
        Assert.Equal([7000m, 0m, 60000m, 200000m], items.Select(i => Convert.ToDecimal(i["金额，封顶前 (amount before caps), 元"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("之前 1 天", items[1]["不符合原因 (reasons)"].ToString());
        var summary = xlsx.Query(useHeaderRow: true, sheetName: "汇总 Summary").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(267000m, Convert.ToDecimal(summary.Single(s => s["项目 (item)"].ToString()!.StartsWith("合计"))["值 (value)"], System.Globalization.CultureInfo.InvariantCulture));
        var cited = xlsx.Query(useHeaderRow: true, sheetName: "依据 Citations").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(cited, c => c["原文 (quote)"].ToString() == "时间不低于一年");

        // Bad input is still problem+json, whatever was asked for.
        var bad = await PostAsync("""{"policy":"jinan-2024"}""", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_workbook_opens_the_applicants_text_as_text_never_as_a_formula()
    {
        Assert.Contains("\"F1\"", Example);
        var json = Example.Replace("泉城再生资源回收有限公司", "=HYPERLINK(\\\"http://x\\\")").Replace("\"F1\"", "\"@SUM(1)\"");
        var r = await PostAsync(json, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var xlsx = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        var summary = xlsx.Query(useHeaderRow: true, sheetName: "汇总 Summary").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("'=HYPERLINK(\"http://x\")", summary.Single(x => x["项目 (item)"].ToString()!.StartsWith("申报主体"))["值 (value)"].ToString());
        var items = xlsx.Query(useHeaderRow: true, sheetName: "明细 Items").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("'@SUM(1)", items[0]["编号 (id)"].ToString());
    }
}
