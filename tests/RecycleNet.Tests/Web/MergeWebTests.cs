using Microsoft.Playwright;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>两网融合 on Binzhou's map: a waste-sorting point clicked in the what-if is merged, and kept in a plan as a merge.</summary>
public partial class WebPageTests
{
    [ChromiumFact]
    public async Task A_Binzhou_planner_merges_a_waste_sorting_point_on_the_map_and_keeps_it_as_a_plan()
    {
        var page = await Browser.OpenAsync(path: "/?city=binzhou");
        await page.WaitForSelectorAsync("body[data-city='binzhou']");
        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        Assert.True(await page.Locator("#whatifMergeHint").IsVisibleAsync());
        var points = (await ApiAsync("/cities/binzhou/api/waste-sorting-points")).GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("status").GetString() == "operating" && !f.GetProperty("properties").GetProperty("takesRecyclables").GetBoolean())
            .ToList();
        Assert.NotEmpty(points);
        // The point whose merge brings the most community households within the walk: the what-if must show them.
        var best = (await ApiAsync("/cities/binzhou/api/two-networks?limit=500")).GetProperty("candidates").EnumerateArray()
            .MaxBy(c => c.GetProperty("communityHouseholds").GetInt64()).GetProperty("id").GetInt64();
        var point = points.Single(p => p.GetProperty("id").GetInt64() == best);
        var at = point.GetProperty("geometry").GetProperty("coordinates");

        // Show the points, centre the map on the one chosen, and click it as a planner would.
        await page.CheckAsync("input[data-layer='wastePoints']");
        await page.EvaluateAsync($"() => {{ window.recyclenet.map.setView([{at[1].GetRawText()}, {at[0].GetRawText()}], 18, {{ animate: false }}); }}");
        var box = await page.Locator("#map").BoundingBoxAsync();
        await page.Mouse.ClickAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        await page.WaitForSelectorAsync("#whatifResult[data-after]");
        var shown = long.Parse((await page.GetAttributeAsync("#whatifResult", "data-after"))!, System.Globalization.CultureInfo.InvariantCulture);
        var expected = await (await Browser.Service.Factory.CreateClient().PostAsync("/cities/binzhou/api/coverage/what-if", Json.Body(new { merge = new[] { best } }))).ReadJsonAsync();
        Assert.Equal(expected.GetProperty("after").GetProperty("city").GetProperty("coveredHouseholds").GetInt64(), shown);
        Assert.True(shown > expected.GetProperty("before").GetProperty("city").GetProperty("coveredHouseholds").GetInt64());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "binzhou-merge.png") });

        // Kept as a plan: one merge, listed as 两网融合 in the plans tab.
        await page.FillAsync("#planName", "滨州两网融合方案");
        await page.ClickAsync("#whatifPlan");
        await page.WaitForFunctionAsync("() => document.getElementById('whatifResult').innerText.includes('已保存为方案')");
        var plan = (await ApiAsync("/cities/binzhou/api/plans")).EnumerateArray().First(p => p.GetProperty("name").GetString() == "滨州两网融合方案");
        Assert.Equal(1, plan.GetProperty("counts").GetProperty("merge").GetInt32());
        await page.ClickAsync("[data-tab='plans']");
        var row = page.Locator($"#planTable tr[data-plan='{plan.GetProperty("id").GetInt64()}']");
        await row.WaitForAsync();
        Assert.Contains("两网融合 1", await row.InnerTextAsync());
    }
}
