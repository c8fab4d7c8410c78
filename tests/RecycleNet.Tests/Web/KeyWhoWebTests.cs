using Microsoft.Extensions.DependencyInjection;
using RecycleNet.Core.Access;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>Beside the key field the page says whose key it holds and its role, or that the key is not valid.</summary>
public partial class WebPageTests
{
    [ChromiumFact]
    public async Task The_page_says_whose_key_it_holds_and_its_role()
    {
        var page = await Browser.OpenAsync();
        await EnterKeyAsync(page, ServiceFactory.Key);
        await page.WaitForFunctionAsync($"() => document.getElementById('keyWho').innerText.includes('{ServiceFactory.KeyName} · 规划人员')");
        await EnterKeyAsync(page, "not-a-key-of-this-service");
        await page.WaitForFunctionAsync("() => document.getElementById('keyWho').innerText.includes('密钥无效')");
    }

    [ChromiumFact]
    public async Task A_viewers_key_shows_no_write_it_would_be_refused()
    {
        // A director's read-only key, stored as `keys add 局长 --role viewer` would store it.
        var secret = $"viewer-web-{Guid.NewGuid():N}";
        using (var scope = Browser.Service.Factory.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<RecycleNet.Core.Storage.PlannerKeyStore>()
                .AddAsync(new Caller($"王局长 {secret[^6..]}", Role.Viewer), RecycleNet.Api.Auth.PlannerKeys.Hash(secret), CancellationToken.None));
        var page = await Browser.OpenAsync();
        const string visible = "id => { const e = document.getElementById(id); return !!e && e.offsetParent !== null; }";
        string[] writes = ["whatifSave", "whatifPlan"];
        Assert.True(await page.EvaluateAsync<bool>($"() => ({visible})('whatifSave')"), "a page without a key offers the save (it asks for the key)");

        await EnterKeyAsync(page, secret);
        await page.WaitForFunctionAsync("() => document.getElementById('keyWho').innerText.includes('查看人员 · 只读')");
        foreach (var id in writes) Assert.False(await page.EvaluateAsync<bool>($"() => ({visible})('{id}')"), id);
        Assert.False(await page.IsVisibleAsync("#tabs button[data-tab='import']"), "the import tab");
        await page.ClickAsync("#tabs button[data-tab='siting']");
        Assert.False(await page.IsVisibleAsync("#sitingForm"), "the siting form");
        Assert.True(await page.IsVisibleAsync("#siting-panel .readonly-note"), "the note that says why");
        await page.ClickAsync("#tabs button[data-tab='volumes']");
        Assert.False(await page.IsVisibleAsync("#volumeForm"), "the volume report form");
        Assert.True(await page.IsVisibleAsync("#volumesXlsx"), "the figures stay readable and exportable");
        await page.ClickAsync("#tabs button[data-tab='plans']");
        await page.WaitForSelectorAsync("#planTable tr");
        Assert.Equal(0, await page.Locator(".plan-adopt:visible, .plan-revert:visible").CountAsync());

        // The planner's key again: everything is back.
        await EnterKeyAsync(page, ServiceFactory.Key);
        await page.WaitForFunctionAsync("() => !('readonly' in document.body.dataset)");
        Assert.True(await page.IsVisibleAsync("#tabs button[data-tab='import']"));
    }

    // The key typed in, then the change event leaving the field fires (the page checks the key on it).
    private static async Task EnterKeyAsync(Microsoft.Playwright.IPage page, string key)
    {
        await page.FillAsync("#plannerKey", key);
        await page.DispatchEventAsync("#plannerKey", "change");
    }
}
