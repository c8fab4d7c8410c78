using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>Beside the key field the page says whose key it holds and its role, or that the key is not valid.</summary>
public partial class WebPageTests
{
    [ChromiumFact]
    public async Task The_page_says_whose_key_it_holds_and_its_role()
    {
        var page = await Browser.OpenAsync();
        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        await page.DispatchEventAsync("#plannerKey", "change"); // as leaving the field does
        await page.WaitForFunctionAsync($"() => document.getElementById('keyWho').innerText.includes('{ServiceFactory.KeyName} · 规划人员')");
        await page.FillAsync("#plannerKey", "not-a-key-of-this-service");
        await page.DispatchEventAsync("#plannerKey", "change");
        await page.WaitForFunctionAsync("() => document.getElementById('keyWho').innerText.includes('密钥无效')");
    }
}
