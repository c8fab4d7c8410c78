using System.Text.Json;
using Microsoft.Playwright;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>
/// Each city's page is its own: the map a planner can read (legend, scale, district labels, the offline base map when
/// no tile service is configured, no siting proposals until a run is opened), the siting and subsidy tabs made from the
/// city's policy, the dashboard with the city's targets — in both languages, on Jinan, Binzhou and Anqiu.
/// </summary>
public class CityPageTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    public static readonly TheoryData<string, string> CitiesAndLanguages = new()
    {
        { "jinan", "zh" }, { "jinan", "en" }, { "binzhou", "zh" }, { "binzhou", "en" }, { "anqiu", "zh" }, { "anqiu", "en" },
    };

    private async Task<JsonElement> ApiAsync(string url) =>
        JsonDocument.Parse(await browser.Service.Factory.CreateClient().GetStringAsync(url)).RootElement;

    private async Task<IPage> OpenMapAsync(string city, string language)
    {
        var page = await browser.OpenAsync(language, city == "jinan" ? "/" : $"/?city={city}");
        await page.WaitForSelectorAsync("#map[data-drawn='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        return page;
    }

    [ChromiumTheory]
    [MemberData(nameof(CitiesAndLanguages))]
    public async Task The_map_has_a_legend_a_scale_district_labels_the_offline_base_map_and_no_proposals(string city, string language)
    {
        var page = await OpenMapAsync(city, language);
        output.WriteLine($"{city} {language}: first draw {await page.EvaluateAsync<int>("() => window.recyclenet.firstDrawMs")} ms (the browser's own measure)");

        // No tile URL is configured in the tests: the service's own base map, painted from its vector tiles.
        Assert.Equal("offline", await page.GetAttributeAsync("#map", "data-basemap"));
        await page.WaitForSelectorAsync(".offline-basemap canvas[data-painted='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        // A label inside every district, named as the district layer names it.
        var districts = (await ApiAsync($"/cities/{city}/api/districts")).GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("name").GetString()!).Order().ToList();
        var labels = (await page.Locator(".district-label").AllInnerTextsAsync()).Order().ToList();
        Assert.Equal(districts, labels);

        // The scale bar, in metres or kilometres.
        Assert.Matches(@"^\d+ (m|km)$", (await page.InnerTextAsync(".leaflet-control-scale-line")).Trim());

        // The legend: the choropleth's classes with their breaks (ascending), and each visible point layer's symbols.
        var legend = page.Locator("#legend");
        Assert.True(await legend.IsVisibleAsync());
        var classes = await legend.Locator(".legend-layer[data-layer='districts'] > div:not(.legend-title)").AllInnerTextsAsync();
        // Quantile classes: at most five, at least two where there are two districts (Anqiu, a county-level city, is one).
        Assert.InRange(classes.Count, Math.Min(2, districts.Count), 5);
        // Each class its range; one district's single class its one share ("34.3%", not "34.3% – 34.3%").
        if (districts.Count == 1) Assert.Matches(@"^\d+(\.\d+)?%$", Assert.Single(classes).Trim());
        else Assert.All(classes, c => Assert.Matches(@"\d+(\.\d+)?%\s*–\s*\d+(\.\d+)?%", c));
        foreach (var layer in new[] { "communities", "outlets", "centers" })
            Assert.True(await legend.Locator($".legend-layer[data-layer='{layer}'] .swatch").CountAsync() >= 2, layer);
        // The Binzhou and Anqiu demos have the county layers: they are in the legend too.
        if (city != "jinan")
            Assert.True(await legend.Locator(".legend-layer[data-layer='villages'] .swatch").CountAsync() >= 2);

        // No siting proposals on first load, whatever runs other planners made.
        Assert.Equal(0, await page.Locator(".proposal").CountAsync());
        Assert.True(await page.Locator("#layers input[data-layer='proposals']").IsHiddenAsync());

        if (language == "zh")
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, $"map-{city}.png") });
        await page.Context.CloseAsync();
    }

    [ChromiumTheory]
    [MemberData(nameof(CitiesAndLanguages))]
    public async Task The_siting_subsidy_and_dashboard_tabs_follow_the_citys_policy(string city, string language)
    {
        var page = await OpenMapAsync(city, language);
        var profile = await ApiAsync($"/cities/{city}/api/ui/config");

        // Siting: the kinds and goals the city's policy gives, its own first.
        await page.ClickAsync("[data-tab='siting']");
        await page.WaitForSelectorAsync("#sitingForm[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var kinds = profile.GetProperty("siting").EnumerateArray().ToList();
        Assert.Equal(kinds.Select(k => k.GetProperty("kind").GetString()),
            await page.Locator("#sitingForm select[name='kind'] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        Assert.Equal(kinds[0].GetProperty("goals").EnumerateArray().Select(g => g.GetString()),
            await page.Locator("#sitingForm select[name='goal'] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        switch (city)
        {
            case "jinan": Assert.Equal("reachTarget", await page.InputValueAsync("#sitingForm select[name='goal']")); break;
            case "binzhou": Assert.True(await page.Locator("#sitingForm fieldset[data-for='chain']").IsVisibleAsync()); break;
            case "anqiu":
                await page.SelectOptionAsync("#sitingForm select[name='kind']", "outlets");
                Assert.Equal("wasteSortingPoints", await page.InputValueAsync("#sitingForm select[name='candidates']"));
                break;
        }

        // Subsidies: Jinan's form names Jinan's guideline; the other cities are told their policy sets none.
        await page.ClickAsync("[data-tab='subsidy']");
        await page.WaitForSelectorAsync("#subsidy-panel[data-rules]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var note = await page.InnerTextAsync("#subsidyPolicy");
        if (city == "jinan")
        {
            Assert.True(await page.Locator("#subsidyForm").IsVisibleAsync());
            Assert.Contains("济商务字〔2020〕63号", await page.InnerTextAsync("#mobileRows"));
        }
        else
        {
            Assert.Equal("none", await page.GetAttributeAsync("#subsidy-panel", "data-rules"));
            Assert.True(await page.Locator("#subsidyForm").IsHiddenAsync());
            Assert.Contains(language == "zh" ? profile.GetProperty("city").GetProperty("name").GetString()! : profile.GetProperty("city").GetProperty("nameEn").GetString()!, note);
            Assert.DoesNotContain("jinan", note, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("济南", note);
        }

        // The dashboard: one line per target of the city's policy, counts in whole numbers.
        await page.ClickAsync("[data-tab='scorecard']");
        await page.WaitForSelectorAsync("#dashTargets tbody tr");
        var card = await ApiAsync($"/cities/{city}/api/scorecard");
        var targets = card.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(targets.Select(t => t.GetProperty("id").GetString()),
            await page.Locator("#dashTargets tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.target)"));
        foreach (var t in targets.Where(t => t.GetProperty("kind").GetString() == "count"))
            Assert.Matches(@"^[\d,]+$", (await page.InnerTextAsync($"#dashTargets tr[data-target='{t.GetProperty("id").GetString()}'] td.target")).Trim());
        Assert.True(await page.Locator("#dashDistricts").IsVisibleAsync());
        if (language == "zh")
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, $"dashboard-{city}.png") });
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Jinans_communities_are_clustered_until_close_and_the_page_stays_responsive()
    {
        var page = await OpenMapAsync("jinan", "zh");
        var communities = (await ApiAsync("/ogc/collections/communities/items?limit=1")).GetProperty("numberMatched").GetInt32();
        Assert.True(communities > 5_000, $"{communities} communities in the demo");
        // At the city's zoom the communities are a few hundred clusters with their counts, not five thousand dots.
        var clusters = await page.Locator(".cluster-count").CountAsync();
        Assert.InRange(clusters, 10, 1_000);
        var first = await page.EvaluateAsync<int>("() => window.recyclenet.firstDrawMs");
        // Responsive: a zoom into the centre redraws, measured by the browser and reported, not asserted on.
        var ms = await page.EvaluateAsync<double>("""
            () => new Promise(resolve => {
              const map = window.recyclenet.map, t0 = performance.now();
              map.once('zoomend', () => requestAnimationFrame(() => resolve(performance.now() - t0)));
              map.setView([36.6512, 117.1201], 16, { animate: false });
            })
            """);
        output.WriteLine($"Jinan demo, {communities} communities: first draw {first} ms; zoom to street level and redraw {ms:F0} ms");
        // Close up, single communities are drawn: the cluster counts go (Leaflet fades them out first).
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.cluster-count').length === 0");
        Assert.True(await page.EvaluateAsync<bool>("() => Object.keys(window.recyclenet.layers.communities._layers).length > 0"));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_tier_run_opened_in_Binzhou_shows_its_proposals_by_tier_and_the_view_exports_as_a_png()
    {
        var page = await OpenMapAsync("binzhou", "zh");
        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        await page.ClickAsync("[data-tab='siting']");
        await page.WaitForSelectorAsync("#sitingForm[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.FillAsync("#sitingForm input[name='villageOutlets']", "5");
        await page.FillAsync("#sitingForm input[name='transferStations']", "2");
        await page.FillAsync("#sitingForm input[name='countyCentres']", "1");
        await page.FillAsync("#sitingForm input[name='time']", "15"); // a bound, not a target: the run ends when its search does
        await page.ClickAsync("#sitingForm button[type='submit']");
        await page.WaitForSelectorAsync("#sitingTable tbody tr", new PageWaitForSelectorOptions { Timeout = 120_000 });
        var kinds = (await page.Locator("#sitingTable tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.kind)")).Distinct().ToList();
        Assert.Contains("villageOutlet", kinds);

        await page.ClickAsync("[data-tab='map']");
        foreach (var kind in kinds) Assert.True(await page.Locator($".proposal.tier-{kind}").CountAsync() > 0, kind);
        var legend = await page.InnerTextAsync("#legend .legend-layer[data-layer='proposals']");
        Assert.Contains("村级回收网点", legend);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#mapPng"));
        var file = Path.Combine(BrowserFixture.Artifacts, "map-export-binzhou.png");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 20_000, $"{bytes.Length} bytes");
        await page.Context.CloseAsync();
    }
}
