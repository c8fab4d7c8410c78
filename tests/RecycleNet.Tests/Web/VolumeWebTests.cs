using System.Globalization;
using Microsoft.Playwright;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>Volume targets, a facility's chart and the monthly report upload, in Debian's Chromium (the page tests' browser and service).</summary>
public partial class WebPageTests
{
    private static long WholeDigits(string text) => long.Parse(new string([.. text.TakeWhile(c => c != '.').Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);

    [ChromiumFact]
    public async Task Each_volume_target_shows_its_figures_and_a_trend_chart()
    {
        var page = await Browser.OpenAsync();
        await page.ClickAsync("[data-tab='scorecard']");
        var card = await ApiAsync("/api/scorecard");
        foreach (var id in new[] { "appliance-recycling-2025", "appliance-recycling-2027", "scrapped-vehicles-2027" })
        {
            var api = card.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id).GetProperty("volume");
            var canvas = $"canvas.trend[data-target='{id}'][data-drawn]";
            await page.WaitForSelectorAsync(canvas);
            var box = page.Locator($".target[data-target='{id}']");
            Assert.Equal((long)Math.Round(api.GetProperty("city").GetProperty("baseline").GetDecimal()), WholeDigits(await box.Locator(".baseline").InnerTextAsync()));
            // The chart holds the API's months from the baseline year on, and the baseline and target lines.
            var baselineYear = api.GetProperty("city").GetProperty("baselineYear").GetInt32();
            var months = api.GetProperty("series").EnumerateArray().Count(p => string.CompareOrdinal(p.GetProperty("month").GetString(), $"{baselineYear}-01") >= 0);
            var drawn = await page.EvaluateAsync<int[]>($"() => Chart.getChart(document.querySelector(\"{canvas}\")).data.datasets.map(d => d.data.length)");
            Assert.Equal([months, months, months], drawn);
            Assert.True(await page.EvaluateAsync<bool>($"() => {{ const c = document.querySelector(\"{canvas}\"); return c.width > 100 && c.height > 100; }}"));
        }
        await page.Locator(".target[data-target='appliance-recycling-2027']").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "volume-targets.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task An_outlets_popup_charts_its_reported_volumes()
    {
        var page = await Browser.OpenAsync();
        var id = await page.EvaluateAsync<long>("() => window.recyclenet.layers.outlets.getLayers().find(l => l.feature.properties.status === 'operating' && l.feature.properties.kind === 'fixed').feature.id");
        await page.EvaluateAsync($"() => {{ window.recyclenet.layers.outlets.getLayers().find(l => l.feature.id === {id}).openPopup(); }}");
        await page.WaitForSelectorAsync($"canvas.facility-chart[data-facility='outlets/{id}'][data-drawn]");
        var months = await page.EvaluateAsync<int>($"() => Chart.getChart(document.querySelector(\"canvas.facility-chart[data-facility='outlets/{id}']\")).data.labels.length");
        Assert.InRange(months, 12, 25);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "facility-volumes-popup.png") });
    }

    [ChromiumFact]
    public async Task A_planner_sees_row_errors_before_anything_is_saved_then_imports_the_fixed_report()
    {
        var page = await Browser.OpenAsync();
        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        await page.ClickAsync("[data-tab='volumes']");
        var outlet = (await ApiAsync("/api/outlets")).GetProperty("features").EnumerateArray()
            .First(f => f.GetProperty("properties").GetProperty("status").GetString() == "operating"
                        && string.CompareOrdinal(f.GetProperty("properties").GetProperty("openedOn").GetString(), "2024-01-01") < 0)
            .GetProperty("properties").GetProperty("name").GetString();
        var before = (await ApiAsync("/api/volumes?limit=1")).GetProperty("numberMatched").GetInt32();
        var dir = Directory.CreateTempSubdirectory("recyclenet-upload-").FullName;
        var bad = Path.Combine(dir, "report.csv");
        File.WriteAllText(bad, $"单位名称,统计月份,废纸(吨),废弃电器电子产品(台)\n{outlet},2024-06,-2,30\n{outlet},2024-07,3,2.5\n");
        await page.SetInputFilesAsync("#volumeFile", bad);
        await page.ClickAsync("#volumeForm button[type='submit']");
        await page.WaitForSelectorAsync("#volumeErrors");
        var rows = await page.Locator("#volumeErrors tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains("废纸(吨)", rows[0]);
        Assert.Contains("废弃电器电子产品(台)", rows[1]);
        // Said in Chinese, the title too: the volume import's own rules as well as the generic ones.
        Assert.Contains("不能为负数，实际为 -2", rows[0]);
        Assert.Contains("台是计数单位：须为整数，实际为 2.5", rows[1]);
        var shown = await page.InnerTextAsync("#volumeResult");
        Assert.StartsWith("数据被拒绝：2 处问题", shown);
        Assert.DoesNotContain("must", shown);
        Assert.DoesNotContain("refused", shown);
        Assert.True(await page.Locator("#volumeConfirm").IsHiddenAsync());
        Assert.Equal(before, (await ApiAsync("/api/volumes?limit=1")).GetProperty("numberMatched").GetInt32());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "volume-upload-errors.png") });

        var good = Path.Combine(dir, "report-fixed.csv");
        File.WriteAllText(good, $"单位名称,统计月份,废纸(吨),废弃电器电子产品(台)\n{outlet},2024-06,2,30\n{outlet},2024-07,3,25\n");
        await page.SetInputFilesAsync("#volumeFile", good);
        await page.ClickAsync("#volumeForm button[type='submit']");
        await page.WaitForSelectorAsync("#volumeConfirm:not([hidden])");
        Assert.Equal(before, (await ApiAsync("/api/volumes?limit=1")).GetProperty("numberMatched").GetInt32()); // checked, not saved
        await page.ClickAsync("#volumeConfirm");
        await page.WaitForFunctionAsync("() => document.getElementById('volumeResult').innerText.includes('已导入')");
        var figures = await ApiAsync($"/api/volumes?from=2024-06&to=2024-07&category=paper&limit=1000");
        Assert.Contains(figures.GetProperty("figures").EnumerateArray(), f => f.GetProperty("facilityLabel").GetString() == outlet && f.GetProperty("quantity").GetDecimal() == 2m);
        // The demo had figures for that outlet and month: what changed is in the corrections table.
        await page.WaitForSelectorAsync("#correctionsTable tbody tr");
        Assert.Contains(outlet!, await page.InnerTextAsync("#correctionsTable"));
    }
}
