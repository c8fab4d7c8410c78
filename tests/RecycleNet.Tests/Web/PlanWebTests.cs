using Microsoft.Playwright;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>Plans in the page: made from a what-if and from a siting run, compared, evaluated and adopted.</summary>
public partial class WebPageTests
{
    [ChromiumFact]
    public async Task A_planner_builds_plans_from_a_what_if_and_a_siting_run_compares_them_and_adopts_one()
    {
        var page = await Browser.OpenAsync();
        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        var plansBefore = (await ApiAsync("/api/plans")).GetArrayLength();
        var outletsBefore = (await ApiAsync("/api/outlets")).GetProperty("features").GetArrayLength();

        // A what-if outlet on the largest gap, kept as a plan.
        var gap = (await ApiAsync("/api/coverage/gaps")).GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        await page.EvaluateAsync($"() => {{ window.recyclenet.map.setView([{gap[1].GetRawText()}, {gap[0].GetRawText()}], 14, {{ animate: false }}); }}");
        var box = await page.Locator("#map").BoundingBoxAsync();
        await page.ClickAsync("#whatifAdd");
        await page.Mouse.ClickAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        await page.WaitForSelectorAsync("#whatifResult[data-after]");
        await page.FillAsync("#planName", "浏览器方案");
        await page.ClickAsync("#whatifPlan");
        await page.WaitForFunctionAsync("() => document.getElementById('whatifResult').innerText.includes('已保存为方案')");

        // A siting run's proposals, kept as a plan from the siting tab.
        await page.ClickAsync("[data-tab='siting']");
        await page.SelectOptionAsync("#sitingForm select[name='goal']", "sites");
        await page.FillAsync("#sitingForm input[name='value']", "3");
        await page.FillAsync("#sitingForm input[name='time']", "3");
        await page.ClickAsync("#sitingForm button[type='submit']");
        await page.WaitForSelectorAsync("#sitingPlan", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.ClickAsync("#sitingPlan");
        await page.WaitForFunctionAsync("() => document.getElementById('sitingStatus').innerText.includes('已保存为方案')");
        Assert.Equal(plansBefore + 2, (await ApiAsync("/api/plans")).GetArrayLength());

        // Both listed; compared side by side; the what-if plan evaluated and adopted.
        await page.ClickAsync("[data-tab='plans']");
        await page.WaitForSelectorAsync($"#planTable tbody tr:nth-child({plansBefore + 2})");
        var ids = (await ApiAsync("/api/plans")).EnumerateArray().Take(2).Select(p => p.GetProperty("id").GetInt64()).ToList();
        foreach (var id in ids) await page.CheckAsync($"#planTable tr[data-plan='{id}'] .plan-pick");
        await page.ClickAsync("#planCompare");
        await page.WaitForSelectorAsync("#planCompareTable");
        Assert.Equal(5, await page.Locator("#planCompareTable tbody tr").CountAsync());
        Assert.Contains("浏览器方案", await page.InnerTextAsync("#planCompareTable thead"));
        var compared = await ApiAsync($"/api/plans/compare?ids={string.Join(',', ids)}");
        Assert.All(compared.GetProperty("plans").EnumerateArray(), p => Assert.True(p.GetProperty("householdsGained").GetInt64() > 0));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "plans-compare.png") });

        // The compared plans' sites on the map, in the colours of the table's swatches.
        await page.ClickAsync("#planCompareMap");
        await page.WaitForSelectorAsync("#map-panel:not([hidden])");
        await page.WaitForFunctionAsync("() => window.recyclenet.planSites?.getLayers().length === 2");
        var drawn = await page.EvaluateAsync<int[]>("() => window.recyclenet.planSites.getLayers().map(g => g.getLayers().length)");
        Assert.Equal([3, 1], drawn); // the siting plan's three sites, the what-if's one
        await page.ClickAsync("[data-tab='plans']");
        await page.WaitForSelectorAsync($"#planTable tbody tr:nth-child({plansBefore + 2})");

        var whatIfPlan = ids[1]; // newest first: the siting plan, then the what-if's
        await page.ClickAsync($"#planTable tr[data-plan='{whatIfPlan}'] .plan-evaluate");
        await page.WaitForSelectorAsync($".evaluation[data-plan='{whatIfPlan}'] .plan-districts tbody tr");
        var evaluation = await ApiAsync($"/api/plans/{whatIfPlan}/evaluation");
        Assert.Contains(evaluation.GetProperty("householdsGained").GetInt64().ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")),
            await page.InnerTextAsync(".evaluation"));
        // The printable page: A4, the evaluation alone.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header')).display"));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('planTable')).display"));
        Assert.True(await page.Locator(".evaluation").IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Path = Path.Combine(BrowserFixture.Artifacts, "plan-a4.pdf") });
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.Contains($"/api/plans/{whatIfPlan}/evaluation?f=docx", await page.GetAttributeAsync($"#planTable tr[data-plan='{whatIfPlan}'] .plan-docx", "href"));

        await page.ClickAsync($"#planTable tr[data-plan='{whatIfPlan}'] .plan-adopt");
        await page.WaitForFunctionAsync("() => document.getElementById('planResult').innerText.includes('已采纳')");
        await page.WaitForSelectorAsync($"#planTable tr[data-plan='{whatIfPlan}'][data-status='adopted']");
        Assert.Equal(outletsBefore + 1, (await ApiAsync("/api/outlets")).GetProperty("features").GetArrayLength());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "plans-adopted.png") });
    }
}
