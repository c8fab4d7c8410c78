using Microsoft.Playwright;

namespace RecycleNet.Tests.Web;

/// <summary>The subsidy form with several outlets, each placed on the map, answered with its coverage gain.</summary>
public partial class WebPageTests
{
    [ChromiumFact]
    public async Task An_applicant_places_two_new_outlets_on_the_map_and_sees_each_ones_gain_and_errors_by_their_fields()
    {
        var page = await Browser.OpenAsync();
        var gap = (await ApiAsync("/api/coverage/gaps")).GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        await page.ClickAsync("[data-tab='subsidy']");
        await page.ClickAsync("#addFixed");
        Assert.Equal(2, await page.Locator("#fixedRows .subsidy-row").CountAsync());
        await page.Locator("#fixedRows .subsidy-row").Nth(1).Locator("input[name='areaM2']").FillAsync("20");
        // Both new outlets placed on the map at the largest gap.
        for (var i = 0; i < 2; i++)
        {
            await page.Locator("#fixedRows .subsidy-row").Nth(i).Locator("button.pick").ClickAsync();
            await page.EvaluateAsync($"() => {{ window.recyclenet.map.setView([{gap[1].GetRawText()}, {gap[0].GetRawText()}], 14, {{ animate: false }}); }}");
            var box = await page.Locator("#map").BoundingBoxAsync();
            await page.Mouse.ClickAsync(box!.X + box.Width / 2 + 40 * i, box.Y + box.Height / 2);
            await page.WaitForSelectorAsync("#subsidy-panel:not([hidden])");
        }
        Assert.DoesNotContain("未选位置", await page.InnerTextAsync("#fixedRows"));
        await page.ClickAsync("#subsidyForm button[type='submit']");
        await page.WaitForSelectorAsync("#subsidyResult .item[data-id='F2'] .gain");
        Assert.Contains("户", await page.InnerTextAsync("#subsidyResult .item[data-id='F1'] .gain"));
        Assert.Contains("4,000", await page.InnerTextAsync("#subsidyResult .item[data-id='F2'] .amount")); // 20 m² × 200
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "subsidy-two-outlets.png"), FullPage = true });

        // A bad area on the second row is said under that row's area; a removed row is gone from the request.
        await page.Locator("#fixedRows .subsidy-row").Nth(1).Locator("input[name='areaM2']").FillAsync("-1");
        await page.ClickAsync("#subsidyForm button[type='submit']");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#fixedRows .subsidy-row')[1].querySelector(\"[data-field='areaM2'] .field-error\").innerText.length > 0");
        Assert.Equal("", await page.Locator("#fixedRows .subsidy-row").Nth(0).Locator("[data-field='areaM2'] .field-error").InnerTextAsync());
        await page.Locator("#fixedRows .subsidy-row").Nth(1).Locator("button.remove").ClickAsync();
        await page.ClickAsync("#subsidyForm button[type='submit']");
        await page.WaitForFunctionAsync("() => !document.querySelector(\"#subsidyResult .item[data-id='F2']\") && document.querySelector(\"#subsidyResult .item[data-id='F1']\")");
        Assert.Equal(1, await page.Locator("#fixedRows .subsidy-row").CountAsync());
    }
}
