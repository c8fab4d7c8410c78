using System.Text.RegularExpressions;

namespace RecycleNet.Tests.Web;

/// <summary>The new tabs in English: their labels, volume targets, plans and the import form, with no Chinese label left over.</summary>
public partial class WebPageTests
{
    [ChromiumFact]
    public async Task The_new_tabs_speak_English_on_the_switch()
    {
        var page = await Browser.OpenAsync("en");
        Assert.Equal(["Plans", "Volumes", "Import data"], new[]
        {
            await page.InnerTextAsync("[data-tab='plans']"), await page.InnerTextAsync("[data-tab='volumes']"), await page.InnerTextAsync("[data-tab='import']"),
        });
        await page.ClickAsync("[data-tab='scorecard']");
        await page.WaitForSelectorAsync("canvas.trend[data-drawn]");
        var volume = await page.InnerTextAsync(".target[data-target='appliance-recycling-2025'] .volume");
        Assert.Contains("baseline", volume);
        Assert.Matches(new Regex("\\b(met|missed|on track|off track)\\b"), volume);
        await page.ClickAsync("[data-tab='import']");
        var form = await page.InnerTextAsync("#import-panel");
        Assert.Contains("Preview and check", form);
        Assert.Contains("picked on Amap or Tencent", form);
        Assert.DoesNotContain("预览并检查", form);
        await page.ClickAsync("[data-tab='volumes']");
        Assert.Contains("Upload a monthly volume report", await page.InnerTextAsync("#volumes-panel"));
        await page.ClickAsync("[data-tab='plans']");
        Assert.Contains("Compare the plans ticked", await page.InnerTextAsync("#plans-panel"));
        await page.ClickAsync("[data-tab='subsidy']");
        Assert.Contains("Place on the map", await page.InnerTextAsync("#fixedRows"));
    }
}
