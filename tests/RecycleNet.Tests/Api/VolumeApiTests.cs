using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace RecycleNet.Tests.Api;

/// <summary>Monthly volume reports through the API: import, corrections, targets measured, totals, export and the OGC collection.</summary>
public class VolumeApiTests(DemoService demo) : IClassFixture<DemoService>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>Jinan's districts and two outlets (甲 in 历下, 乙 in 市中), nothing else.</summary>
    private static async Task<ServiceFactory> SmallCityAsync()
    {
        var f = new ServiceFactory(seedDemo: false);
        var planner = f.Planner();
        var districts = await planner.PostAsync("/api/import/districts?crs=WGS84", Json.GeoJson(File.ReadAllText(Path.Combine(RepoPaths.DemoData, "districts.geojson"))));
        Assert.Equal(HttpStatusCode.OK, districts.StatusCode);
        var outlets = await planner.PostAsync("/api/import/outlets?crs=WGS84",
            Csv("name,kind,lon,lat\n甲回收站,fixed,117.03,36.665\n乙回收站,fixed,116.99,36.64\n"));
        Assert.True(outlets.StatusCode == HttpStatusCode.OK, await outlets.Content.ReadAsStringAsync());
        return f;
    }

    /// <summary>甲 100 台 a month in 2023 and 120 in 2025; 乙 50 and 60 (long layout).</summary>
    private static string Reports()
    {
        var sb = new StringBuilder("单位名称,统计月份,品类,数量,计量单位\n");
        for (var m = 1; m <= 12; m++)
        {
            sb.Append($"甲回收站,2023-{m:00},废弃电器电子产品,100,台\n乙回收站,2023-{m:00},废弃电器电子产品,50,台\n");
            sb.Append($"甲回收站,2025-{m:00},废弃电器电子产品,120,台\n乙回收站,2025-{m:00},废弃电器电子产品,60,台\n");
        }
        return sb.ToString();
    }

    private static async Task<JsonElement> ApplianceTargetAsync(HttpClient c)
    {
        var card = await (await c.GetAsync("/api/scorecard?year=2025")).ReadJsonAsync();
        return card.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "appliance-recycling-2025");
    }

    [Fact]
    public async Task A_corrected_report_changes_the_figures_and_leaves_its_history()
    {
        await using var f = await SmallCityAsync();
        var planner = f.Planner();
        var before = await ApplianceTargetAsync(planner);
        Assert.Equal("notMeasured", before.GetProperty("status").GetString()); // no reports: not measured, never zero
        Assert.Equal(JsonValueKind.Null, before.GetProperty("current").ValueKind);

        var r = await planner.PostAsync("/api/import/volumes", Csv(Reports()));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        Assert.Equal(48, (await r.ReadJsonAsync()).GetProperty("figures").GetInt32());

        var target = await ApplianceTargetAsync(planner);
        var city = target.GetProperty("volume").GetProperty("city");
        Assert.Equal(1800m, city.GetProperty("baseline").GetDecimal());          // 12 × (100 + 50)
        Assert.Equal(2160m, city.GetProperty("targetYearTotal").GetDecimal());   // 12 × (120 + 60)
        Assert.Equal(0.2m, target.GetProperty("current").GetDecimal());          // 2160 / 1800 − 1
        Assert.Equal("met", target.GetProperty("status").GetString());
        var districts = target.GetProperty("volume").GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Equal(2, districts.Count);

        // 甲 resubmits March 2025: 20 instead of 120.
        var fix = await planner.PostAsync("/api/import/volumes", Csv("单位名称,统计月份,废弃电器电子产品(台),备注\n甲回收站,2025-03,20,更正\n"));
        Assert.True(fix.StatusCode == HttpStatusCode.OK, await fix.Content.ReadAsStringAsync());
        var answer = await fix.ReadJsonAsync();
        Assert.Equal((1, 1, 1), (answer.GetProperty("resubmitted").GetInt32(), answer.GetProperty("replacedFigures").GetInt32(), answer.GetProperty("correctionCount").GetInt32()));

        var after = await ApplianceTargetAsync(planner);
        Assert.Equal(2060m, after.GetProperty("volume").GetProperty("city").GetProperty("targetYearTotal").GetDecimal());
        Assert.Equal(0.1444m, after.GetProperty("current").GetDecimal());        // 2060 / 1800 − 1
        Assert.Equal("missed", after.GetProperty("status").GetString());

        var history = await (await planner.GetAsync("/api/volumes/corrections")).ReadJsonAsync();
        var c = Assert.Single(history.GetProperty("corrections").EnumerateArray());
        Assert.Equal(("2025-03", 120m, 20m, "更正"), (c.GetProperty("month").GetString(), c.GetProperty("oldQuantity").GetDecimal(),
            c.GetProperty("newQuantity").GetDecimal(), c.GetProperty("note").GetString()));
        Assert.Equal(ServiceFactory.KeyName, c.GetProperty("planner").GetString());
        Assert.Equal("甲回收站", c.GetProperty("facilityLabel").GetString());
        var audit = await (await planner.GetAsync("/api/audit")).ReadJsonAsync();
        Assert.Equal(2, audit.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("target").GetString() == "volumes"));
    }

    [Fact]
    public async Task Two_resubmissions_of_one_facility_month_at_once_leave_one_whole_report()
    {
        await using var f = await SmallCityAsync();
        var planner = f.Planner();
        var mix = 0;
        var outcomes = new SortedDictionary<string, int>();
        for (var trial = 0; trial < 10; trial++)
        {
            var month = $"2024-{trial + 1:00}";
            var first = await planner.PostAsync("/api/import/volumes", Csv($"单位名称,统计月份,废纸(吨),废钢铁(吨)\n甲回收站,{month},1,2\n"));
            Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
            // A resends paper only, B steel only, both replacing the month whole, at the same moment.
            var a = planner.PostAsync("/api/import/volumes?mode=replace", Csv($"单位名称,统计月份,废纸(吨)\n甲回收站,{month},10\n"));
            var b = planner.PostAsync("/api/import/volumes?mode=replace", Csv($"单位名称,统计月份,废钢铁(吨)\n甲回收站,{month},5\n"));
            var answers = await Task.WhenAll(a, b);
            foreach (var r in answers)
                Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            var figures = (await (await planner.GetAsync($"/api/volumes?from={month}&to={month}")).ReadJsonAsync())
                .GetProperty("figures").EnumerateArray().ToDictionary(x => x.GetProperty("category").GetString()!, x => x.GetProperty("quantity").GetDecimal());
            var shown = string.Join(",", figures.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"));
            outcomes[shown] = outcomes.GetValueOrDefault(shown) + 1;
            // Exactly one report, whole: A's (paper 10) or B's (steel 5) — never paper 10 + steel 5, never the first report.
            if (shown is not ("paper=10" or "scrap-steel=5")) mix++;
        }
        Assert.True(mix == 0, string.Join("; ", outcomes.Select(kv => $"{kv.Key} × {kv.Value}")));
    }

    [Fact]
    public async Task A_resubmission_that_leaves_out_categories_needs_a_mode_and_merge_keeps_them()
    {
        await using var f = await SmallCityAsync();
        var planner = f.Planner();
        // 甲's May 2025: three categories.
        var first = await planner.PostAsync("/api/import/volumes", Csv("单位名称,统计月份,废纸(吨),废钢铁(吨),废塑料(吨)\n甲回收站,2025-05,10,5,2\n"));
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        async Task<Dictionary<string, decimal>> MayAsync() => (await (await planner.GetAsync("/api/volumes?from=2025-05&to=2025-05")).ReadJsonAsync())
            .GetProperty("figures").EnumerateArray().ToDictionary(x => x.GetProperty("category").GetString()!, x => x.GetProperty("quantity").GetDecimal());
        var resend = "单位名称,统计月份,废纸(吨)\n甲回收站,2025-05,12\n";

        // No mode: the dry run says what would go; the import is refused, naming the figures, and changes nothing.
        var dry = await (await planner.PostAsync("/api/import/volumes?dryRun=true", Csv(resend))).ReadJsonAsync();
        Assert.Equal((true, 2), (dry.GetProperty("needsMode").GetBoolean(), dry.GetProperty("removedCount").GetInt32()));
        var refused = await planner.PostAsync("/api/import/volumes", Csv(resend));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("mode", problem.GetProperty("field").GetString());
        Assert.Contains("mode=merge", problem.GetProperty("detailZh").GetString());
        Assert.Equal(2, problem.GetProperty("removed").GetArrayLength());
        Assert.Equal(3, (await MayAsync()).Count);

        // Merge: paper changes, steel and plastic stay.
        var merged = await planner.PostAsync("/api/import/volumes?mode=merge", Csv(resend));
        Assert.True(merged.StatusCode == HttpStatusCode.OK, await merged.Content.ReadAsStringAsync());
        Assert.Equal(0, (await merged.ReadJsonAsync()).GetProperty("removedCount").GetInt32());
        var may = await MayAsync();
        Assert.Equal((3, 12m), (may.Count, may.Values.Max()));

        // Replace: the month is the report, whole; the removed figures are kept as corrections.
        var replaced = await planner.PostAsync("/api/import/volumes?mode=replace", Csv("单位名称,统计月份,废纸(吨)\n甲回收站,2025-05,13\n"));
        Assert.True(replaced.StatusCode == HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        Assert.Equal(2, (await replaced.ReadJsonAsync()).GetProperty("removedCount").GetInt32());
        Assert.Equal(13m, Assert.Single(await MayAsync()).Value);
        var history = await (await planner.GetAsync("/api/volumes/corrections")).ReadJsonAsync();
        Assert.Equal(2, history.GetProperty("corrections").EnumerateArray().Count(c => c.GetProperty("newQuantity").ValueKind == JsonValueKind.Null));

        // A mode that is neither is a 400 naming it.
        var bad = await planner.PostAsync("/api/import/volumes?mode=sum", Csv(resend));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("mode", (await bad.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_bad_report_or_a_dry_run_saves_nothing()
    {
        await using var f = await SmallCityAsync();
        var planner = f.Planner();
        var bad = await planner.PostAsync("/api/import/volumes", Csv("单位名称,统计月份,废纸(吨)\n甲回收站,2025-01,3\n乙回收站,2025-01,-1\n丙回收站,2025-01,2\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "废纸(吨)"), (4, "facility")], errors);
        var dry = await planner.PostAsync("/api/import/volumes?dryRun=true", Csv("单位名称,统计月份,废纸(吨)\n甲回收站,2025-01,3\n"));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.True((await dry.ReadJsonAsync()).GetProperty("dryRun").GetBoolean());
        var list = await (await planner.GetAsync("/api/volumes")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("numberMatched").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.CreateClient().PostAsync("/api/import/volumes", Csv("单位名称,统计月份,废纸(吨)\n甲回收站,2025-01,3\n"))).StatusCode);
        var json = await planner.PostAsync("/api/import/volumes", Json.GeoJson("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("format", (await json.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Totals_an_export_that_imports_back_unchanged_and_the_ogc_collection()
    {
        await using var f = await SmallCityAsync();
        var planner = f.Planner();
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync("/api/import/volumes", Csv(Reports()))).StatusCode);

        var byYear = await (await planner.GetAsync("/api/volumes?by=year,facility&category=appliances")).ReadJsonAsync();
        var rows = byYear.GetProperty("totals").EnumerateArray()
            .Select(t => (t.GetProperty("year").GetInt32(), t.GetProperty("facilityLabel").GetString(), t.GetProperty("quantity").GetDecimal())).ToList();
        Assert.Equal([(2023, "甲回收站", 1200m), (2023, "乙回收站", 600m), (2025, "甲回收站", 1440m), (2025, "乙回收站", 720m)], rows);

        var export = await planner.GetAsync("/api/volumes?f=xlsx");
        Assert.Equal(Xlsx, export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        using (var s = new MemoryStream(bytes)) Assert.Equal(48, s.Query(useHeaderRow: true).Count());
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        var again = await planner.PostAsync("/api/import/volumes", content);
        Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        var a = await again.ReadJsonAsync();
        Assert.Equal((48, 48, 0), (a.GetProperty("figures").GetInt32(), a.GetProperty("resubmitted").GetInt32(), a.GetProperty("correctionCount").GetInt32()));

        var items = await (await planner.GetAsync("/ogc/collections/facility-volumes/items")).ReadJsonAsync();
        Assert.Equal(2, items.FeatureCount());
        Assert.All(items.GetProperty("features").EnumerateArray(), x => Assert.Equal("outlets", x.GetProperty("properties").GetProperty("facilityType").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, (await planner.GetAsync("/api/volumes?by=week")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.GetAsync("/api/volumes?category=gold")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.GetAsync("/api/volumes?from=2025-05&to=2025-01")).StatusCode);
    }

    [Fact]
    public async Task The_demo_scorecard_measures_appliances_and_vehicles_in_every_city()
    {
        var c = demo.Factory.CreateClient();
        foreach (var city in new[] { "jinan", "binzhou", "anqiu" })
        {
            var card = await (await c.GetAsync($"/cities/{city}/api/scorecard")).ReadJsonAsync();
            foreach (var t in card.GetProperty("targets").EnumerateArray().Where(t => t.GetProperty("metric").GetString()!.StartsWith("appliance")
                                                                                 || t.GetProperty("metric").GetString()!.StartsWith("scrappedVehicles")))
            {
                Assert.True(t.GetProperty("status").GetString() != "notMeasured", $"{city} {t.GetProperty("id")}: {t.GetProperty("counted")}");
                Assert.Equal(JsonValueKind.Number, t.GetProperty("current").ValueKind);
                Assert.Contains("monthly volume reports", t.GetProperty("counted").GetString());
            }
            Assert.Contains(card.GetProperty("haul").GetProperty("centers").EnumerateArray(), x => x.GetProperty("loadSource").GetString() != "assumed");
        }
    }

    [Fact]
    public async Task A_facility_of_another_city_is_unknown_here()
    {
        var c = demo.Factory.CreateClient();
        var binzhou = await (await c.GetAsync("/cities/binzhou/api/outlets")).ReadJsonAsync();
        var id = binzhou.GetProperty("features").EnumerateArray()
            .First(x => x.GetProperty("properties").GetProperty("status").GetString() == "operating").GetProperty("id").GetInt64();
        var r = await demo.Factory.Planner().PostAsync("/api/import/volumes?dryRun=true", Csv($"facility,统计月份,废纸(吨)\noutlets/{id},2025-01,1\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Contains("not a facility of this city", (await r.Content.ReadAsStringAsync()));
        var ok = await demo.Factory.Planner().PostAsync("/cities/binzhou/api/import/volumes?dryRun=true", Csv($"facility,统计月份,废纸(吨)\noutlets/{id},2025-01,1\n"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
