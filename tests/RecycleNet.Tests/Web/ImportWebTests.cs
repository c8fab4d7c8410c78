using Microsoft.Playwright;
using MiniExcelLibs;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>A planner's own sheet into a layer from the page: previewed, checked, fixed, imported.</summary>
public partial class WebPageTests
{
    private static string Sheet(string dir, string name, params (string Name, object Households, double Lon, double Lat)[] rows)
    {
        var path = Path.Combine(dir, name);
        MiniExcel.SaveAs(path, rows.Select(r => new Dictionary<string, object> { ["小区名称"] = r.Name, ["户数"] = r.Households, ["经度"] = r.Lon, ["纬度"] = r.Lat }));
        return path;
    }

    [ChromiumFact]
    public async Task A_planner_imports_an_xlsx_sees_both_bad_rows_fixes_the_file_and_imports_it()
    {
        var page = await Browser.OpenAsync();
        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        await page.ClickAsync("[data-tab='import']");
        await page.SelectOptionAsync("#importForm select[name='layer']", "communities");
        var before = (await ApiAsync("/api/communities")).GetProperty("features").GetArrayLength();
        var dir = Directory.CreateTempSubdirectory("recyclenet-import-").FullName;
        var bad = Sheet(dir, "小区.xlsx", ("新小区甲", 300, 117.02, 36.66), ("新小区乙", -5, 117.03, 36.66), ("新小区丙", 200, 36.66, 117.03));
        await page.SetInputFilesAsync("#importFile", bad);
        await page.ClickAsync("#importForm button[type='submit']");
        await page.WaitForSelectorAsync("#importErrors");
        var errors = await page.Locator("#importErrors tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, errors.Count);
        Assert.Contains("3", errors[0]); // sheet row 3: the negative households, said in Chinese
        Assert.Contains("不能为负数", errors[0]);
        Assert.Contains("4", errors[1]); // sheet row 4: latitude and longitude swapped
        Assert.Contains("经纬度似乎写反了", errors[1]);
        Assert.StartsWith("数据被拒绝：2 处问题", await page.InnerTextAsync("#importResult"));
        Assert.Equal(4, await page.Locator("#importColumnTable tbody tr").CountAsync());
        Assert.Equal("households", await page.Locator("#importColumnTable select[data-header='户数']").InputValueAsync());
        Assert.Equal(3, await page.Locator("#importPreviewTable tbody tr").CountAsync());
        Assert.True(await page.Locator("#importConfirm").IsHiddenAsync());
        Assert.Equal(before, (await ApiAsync("/api/communities")).GetProperty("features").GetArrayLength());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "import-errors.png"), FullPage = true });

        var good = Sheet(dir, "小区-改.xlsx", ("新小区甲", 300, 117.02, 36.66), ("新小区乙", 5, 117.03, 36.66), ("新小区丙", 200, 117.03, 36.66));
        await page.SetInputFilesAsync("#importFile", good);
        await page.ClickAsync("#importForm button[type='submit']");
        await page.WaitForSelectorAsync("#importConfirm:not([hidden])");
        Assert.Equal(before, (await ApiAsync("/api/communities")).GetProperty("features").GetArrayLength());
        await page.ClickAsync("#importConfirm");
        await page.WaitForFunctionAsync("() => document.getElementById('importResult').innerText.includes('已导入')");
        Assert.Equal(before + 3, (await ApiAsync("/api/communities")).GetProperty("features").GetArrayLength());
    }
}
