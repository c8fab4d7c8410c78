using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>The planners' and applicants' web page, used as a person would in Debian's Chromium.</summary>
public partial class WebPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private BrowserFixture Browser => browser;

    private async Task<JsonElement> ApiAsync(string url) => await (await browser.Service.Factory.CreateClient().GetAsync(url)).ReadJsonAsync();

    private static long Digits(string text) => long.Parse(new string([.. text.Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);

    [ChromiumFact]
    public async Task The_scorecard_shows_the_APIs_numbers_with_citations()
    {
        var page = await browser.OpenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "map.png") });
        await page.ClickAsync("[data-tab='scorecard']");
        await page.WaitForSelectorAsync(".target[data-metric='modernOutlets'] .current");
        var card = await ApiAsync("/api/scorecard?policy=jinan-2024&year=2027");
        foreach (var metric in new[] { "modernOutlets", "greenSortingCenters" })
        {
            var api = card.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("metric").GetString() == metric);
            var box = page.Locator($".target[data-metric='{metric}']");
            Assert.Equal((long)api.GetProperty("current").GetDecimal(), Digits(await box.Locator(".current").InnerTextAsync()));
            Assert.Equal((long)api.GetProperty("target").GetDecimal(), Digits(await box.Locator(".target-value").InnerTextAsync()));
            Assert.Equal((long)api.GetProperty("remaining").GetDecimal(), Digits(await box.Locator(".remaining").InnerTextAsync()));
            Assert.Contains("第42项", await box.Locator(".cite").InnerTextAsync());
        }
        Assert.Equal(12, await page.Locator("#districtTable tbody tr").CountAsync());
        // Sorting by households puts the largest district first.
        await page.ClickAsync("#districtTable th[data-key='households']");
        var first = await page.Locator("#districtTable tbody tr").First.Locator("td").Nth(1).InnerTextAsync();
        var largest = card.GetProperty("districts").EnumerateArray().Max(d => d.GetProperty("households").GetInt64());
        Assert.Equal(largest, Digits(first));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "scorecard.png") });
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#districtsXlsx"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
    }

    [ChromiumFact]
    public async Task Switching_to_Binzhou_shows_its_three_tiers_on_the_map_and_the_scorecard()
    {
        var page = await browser.OpenAsync();
        Assert.Equal("jinan", await page.GetAttributeAsync("body", "data-city"));
        // Jinan has no county network: its switches stay hidden.
        Assert.True(await page.Locator("input[data-layer='villages']").IsHiddenAsync());
        await Task.WhenAll(page.WaitForURLAsync("**/?city=binzhou"), page.SelectOptionAsync("#city", "binzhou"));
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await page.WaitForSelectorAsync("body[data-city='binzhou']");
        async Task<int> Drawn(string layer) => await page.EvaluateAsync<int>(
            $"() => window.recyclenet.map.hasLayer(window.recyclenet.layers['{layer}']) ? (window.recyclenet.layers['{layer}'].points ?? window.recyclenet.layers['{layer}'].getLayers()).length : -1");
        var tiers = await ApiAsync("/cities/binzhou/api/tiers");
        Assert.Equal(tiers.GetProperty("villages").GetArrayLength(), await Drawn("villages"));
        Assert.Equal(tiers.GetProperty("townships").GetArrayLength(), await Drawn("townships"));
        var stations = await ApiAsync("/cities/binzhou/ogc/collections/transfer-stations/items?limit=1");
        Assert.Equal(stations.GetProperty("numberMatched").GetInt32(), await Drawn("stations"));
        // Served villages are green, unserved red, as the tier rules say (each as it is drawn close up; clustered further out).
        var colours = await page.EvaluateAsync<string[]>("() => window.recyclenet.layers.villages.points.map(p => window.recyclenet.layers.villages.single(p).options.fillColor)");
        var served = tiers.GetProperty("villages").EnumerateArray().Count(v => v.GetProperty("served").GetBoolean());
        Assert.Equal(served, colours.Count(c => c == "#1e8449"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "binzhou-map.png") });

        await page.ClickAsync("[data-tab='scorecard']");
        await page.WaitForSelectorAsync("#tierTable tbody tr");
        Assert.Equal(8, await page.Locator("#tierTable tbody tr").CountAsync()); // 7 counties and the city
        var city = tiers.GetProperty("summary").GetProperty("city");
        var last = await page.Locator("#tierTable tbody tr").Last.Locator("td").Nth(1).InnerTextAsync();
        Assert.StartsWith($"{city.GetProperty("villagesServed").GetInt32():N0} / {city.GetProperty("villages").GetInt32():N0}", last);
        Assert.Contains("村级回收网点", await page.InnerTextAsync("#tiers"));
        Assert.Contains("两网融合", await page.InnerTextAsync(".target[data-metric='mergedPoints']"));
        Assert.Equal(7, await page.Locator("#districtTable tbody tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "binzhou-scorecard.png") });

        // The city's own address opens its page too.
        await page.GotoAsync(browser.Service.BaseUrl + "/cities/anqiu/");
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        Assert.Equal("anqiu", await page.GetAttributeAsync("body", "data-city"));
        var anqiuTownships = await ApiAsync("/cities/anqiu/ogc/collections/townships/items?limit=1");
        Assert.Equal(anqiuTownships.GetProperty("numberMatched").GetInt32(), await Drawn("townships"));
    }

    [ChromiumFact]
    public async Task Layers_switch_on_and_off()
    {
        var page = await browser.OpenAsync();
        async Task<bool> Shown(string layer) => await page.EvaluateAsync<bool>($"() => window.recyclenet.map.hasLayer(window.recyclenet.layers['{layer}'])");
        Assert.True(await Shown("communities"));
        Assert.False(await Shown("circles"));
        await page.UncheckAsync("input[data-layer='communities']");
        await page.CheckAsync("input[data-layer='circles']");
        Assert.False(await Shown("communities"));
        Assert.True(await Shown("circles"));
    }

    [ChromiumFact]
    public async Task A_what_if_outlet_dropped_on_a_gap_raises_coverage_within_a_second()
    {
        var page = await browser.OpenAsync();
        var logs = new List<string>();
        page.Console += (_, m) => logs.Add(m.Text);
        page.PageError += (_, m) => logs.Add("ERROR " + m);
        var gap = (await ApiAsync("/api/coverage/gaps")).GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        var before = (await ApiAsync("/api/coverage")).GetProperty("city").GetProperty("coveredHouseholds").GetInt64();
        // Centre the map on the largest gap, then click the middle of the map: the gap itself.
        await page.EvaluateAsync($"() => {{ window.recyclenet.map.setView([{gap[1].GetRawText()}, {gap[0].GetRawText()}], 14, {{ animate: false }}); }}");
        var point = await page.EvaluateAsync<JsonElement>($"() => window.recyclenet.map.latLngToContainerPoint([{gap[1].GetRawText()}, {gap[0].GetRawText()}])");
        var box = await page.Locator("#map").BoundingBoxAsync();
        await page.ClickAsync("#whatifAdd");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await page.Mouse.ClickAsync((float)(box!.X + point.GetProperty("x").GetDouble()), (float)(box.Y + point.GetProperty("y").GetDouble()));
        try { await page.WaitForSelectorAsync("#whatifResult[data-after]", new PageWaitForSelectorOptions { Timeout = 60_000 }); }
        catch (TimeoutException) { throw new Xunit.Sdk.XunitException(string.Join("\n", logs) + "\nresult: " + await page.InnerTextAsync("#whatifResult") + "\nmessage: " + await page.InnerTextAsync("#message")); }
        watch.Stop();
        var after = long.Parse(await page.GetAttributeAsync("#whatifResult", "data-after") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(after > before, $"coverage {before} → {after}");
        Assert.Contains("户", await page.InnerTextAsync("#whatifResult"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "what-if.png") });
        // Nothing was saved.
        Assert.Equal(before, (await ApiAsync("/api/coverage")).GetProperty("city").GetProperty("coveredHouseholds").GetInt64());
        // Reported, not asserted on: the what-if's speed is measured by the benchmark in the README.
        Console.WriteLine($"what-if in the browser: {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [ChromiumFact]
    public async Task A_planner_saves_a_what_if_with_the_key()
    {
        var page = await browser.OpenAsync();
        var gap = (await ApiAsync("/api/coverage/gaps")).GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        var outletsBefore = (await ApiAsync("/api/outlets")).GetProperty("features").GetArrayLength();
        var coveredBefore = (await ApiAsync("/api/coverage")).GetProperty("city").GetProperty("coveredHouseholds").GetInt64();
        await page.EvaluateAsync($"() => {{ window.recyclenet.map.setView([{gap[1].GetRawText()}, {gap[0].GetRawText()}], 14, {{ animate: false }}); }}");
        var box = await page.Locator("#map").BoundingBoxAsync();
        await page.ClickAsync("#whatifAdd");
        await page.Mouse.ClickAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        await page.WaitForSelectorAsync("#whatifResult[data-after]");
        // Without the key the save is refused and the page says why.
        await page.ClickAsync("#whatifSave");
        await page.WaitForSelectorAsync("#message:not([hidden])");
        Assert.Equal(outletsBefore, (await ApiAsync("/api/outlets")).GetProperty("features").GetArrayLength());
        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        await page.ClickAsync("#whatifSave");
        await page.WaitForFunctionAsync("() => document.getElementById('whatifResult').innerText.includes('已保存')");
        Assert.Equal(outletsBefore + 1, (await ApiAsync("/api/outlets")).GetProperty("features").GetArrayLength());
        Assert.True((await ApiAsync("/api/coverage")).GetProperty("city").GetProperty("coveredHouseholds").GetInt64() > coveredBefore);
    }

    [ChromiumFact]
    public async Task A_save_over_someone_elses_change_is_refused_and_said_plainly()
    {
        var page = await browser.OpenAsync();
        var id = await page.EvaluateAsync<long>("() => window.recyclenet.layers.outlets.getLayers().find(l => l.feature.properties.status === 'operating').feature.id");
        // The planner picks the outlet to close it; the page keeps the version it saw.
        var picked = page.WaitForResponseAsync(r => r.Url.EndsWith($"/api/outlets/{id}"));
        await page.EvaluateAsync($"() => {{ window.recyclenet.layers.outlets.getLayers().find(l => l.feature.id === {id}).fire('click'); }}");
        await picked;
        await page.WaitForSelectorAsync("#whatifResult[data-after]");
        // Meanwhile a colleague renames it.
        var api = browser.Service.Factory.Planner();
        var feature = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync($"/api/outlets/{id}"))!.AsObject();
        feature["properties"]!["name"] = "同事改过的网点";
        feature.Remove("version");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.PutCurrentAsync($"/api/outlets/{id}", Json.GeoJson(feature.ToJsonString()))).StatusCode);

        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        await page.ClickAsync("#whatifSave");
        await page.WaitForSelectorAsync("#message:not([hidden])");
        var message = await page.InnerTextAsync("#message");
        Assert.Contains("同事改过的网点", message);
        Assert.Contains("已被他人修改", message);
        // The colleague's change stands and the planner's close was not applied over it.
        var now = await ApiAsync($"/api/outlets/{id}");
        Assert.Equal("同事改过的网点", now.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("operating", now.GetProperty("properties").GetProperty("status").GetString());
    }

    [ChromiumFact]
    public async Task The_subsidy_calculator_answers_a_valid_request_and_explains_an_invalid_one()
    {
        var page = await browser.OpenAsync();
        await page.ClickAsync("[data-tab='subsidy']");
        await page.ClickAsync("#subsidyForm button[type='submit']");
        await page.WaitForSelectorAsync("#subsidyResult .total");
        Assert.Contains("67,000", await page.InnerTextAsync("#subsidyResult .total")); // 35 m² × 200 + 20 % of 300,000
        Assert.Contains("7,000", await page.InnerTextAsync("#subsidyResult .item[data-id='F1'] .amount"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "subsidy.png") });

        // A sorting-centre recognition adds a reward "up to" 200,000 outside the outlet cap.
        await page.SelectOptionAsync("select[name='facilityKind']", "provincialSortingCenter");
        await page.ClickAsync("#subsidyForm button[type='submit']");
        await page.WaitForFunctionAsync("() => document.querySelector('#subsidyResult .total')?.innerText.includes('267,000')");

        await page.FillAsync("input[name='areaM2']", "-5");
        await page.ClickAsync("#subsidyForm button[type='submit']");
        await page.WaitForSelectorAsync("#message:not([hidden])");
        Assert.Contains("fixedOutlets[0].areaM2", await page.InnerTextAsync("#message"));
        // The page stays usable: a corrected request answers again.
        await page.FillAsync("input[name='areaM2']", "60");
        await page.ClickAsync("#subsidyForm button[type='submit']");
        await page.WaitForFunctionAsync("() => document.querySelector(\"#subsidyResult .item[data-id='F1'] .amount\")?.innerText.includes('10,000')");
    }

    [ChromiumFact]
    public async Task Gaps_zoom_the_map_and_siting_shows_its_proposals_and_gap()
    {
        var page = await browser.OpenAsync();
        await page.ClickAsync("[data-tab='gaps']");
        await page.WaitForSelectorAsync("#gapsTable tbody tr");
        var largest = (await ApiAsync("/api/coverage/gaps")).GetProperty("features")[0].GetProperty("properties").GetProperty("name").GetString();
        Assert.Equal(largest, await page.Locator("#gapsTable tbody tr").First.Locator("td").First.InnerTextAsync());
        await page.Locator("#gapsTable tbody tr a").First.ClickAsync();
        Assert.False(await page.Locator("#map-panel").IsHiddenAsync());
        Assert.Equal(15, await page.EvaluateAsync<int>("() => window.recyclenet.map.getZoom()"));

        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        await page.ClickAsync("[data-tab='siting']");
        await page.SelectOptionAsync("select[name='goal']", "sites");
        await page.FillAsync("input[name='value']", "5");
        await page.FillAsync("input[name='time']", "1");
        await page.ClickAsync("#sitingForm button[type='submit']");
        await page.WaitForSelectorAsync("#sitingTable tbody tr", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Equal(5, await page.Locator("#sitingTable tbody tr").CountAsync());
        var status = await page.InnerTextAsync("#sitingStatus");
        Assert.Contains("最优性差距", status);
        Assert.Contains("贪心", status); // the solver named in Chinese, not as the service's "greedy+local search"
        Assert.DoesNotContain("greedy", status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "siting.png") });
        // The page reloads its layers after a run; the proposals layer fills when that is done.
        await page.WaitForFunctionAsync("() => window.recyclenet.layers.proposals.getLayers().length >= 5", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
    }

    [ChromiumFact]
    public async Task The_page_switches_to_English()
    {
        var page = await browser.OpenAsync();
        Assert.Equal("再生资源回收网络规划", await page.InnerTextAsync("h1"));
        await page.ClickAsync("#lang");
        Assert.Equal("Recycling-network planning", await page.InnerTextAsync("h1"));
        Assert.Equal("Targets", await page.InnerTextAsync("[data-tab='scorecard']"));
        var english = await browser.OpenAsync("en");
        Assert.Equal("Recycling-network planning", await english.InnerTextAsync("h1"));
    }
}
