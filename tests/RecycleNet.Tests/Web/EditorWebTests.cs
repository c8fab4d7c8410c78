using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>Editing an outlet's attributes beside the map, and a save over a colleague's change refused and explained.</summary>
public partial class WebPageTests
{
    [ChromiumFact]
    public async Task A_planner_edits_an_outlet_and_a_conflict_says_who_changed_it()
    {
        var page = await Browser.OpenAsync();
        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        var outlet = (await ApiAsync("/api/outlets")).GetProperty("features").EnumerateArray()
            .First(f => f.GetProperty("properties").GetProperty("status").GetString() == "operating" && f.GetProperty("properties").GetProperty("kind").GetString() == "fixed");
        var id = outlet.GetProperty("id").GetInt64();
        var coveredBefore = (await ApiAsync("/api/coverage")).GetProperty("city").GetProperty("coveredHouseholds").GetInt64();

        await page.EvaluateAsync($"() => {{ window.recyclenet.layers.outlets.getLayers().find(l => l.feature.id === {id}).openPopup(); }}");
        await page.ClickAsync($".edit-feature[data-id='{id}']");
        await page.WaitForSelectorAsync("#editForm");
        var area = outlet.GetProperty("properties").GetProperty("areaM2").GetDouble();
        await page.WaitForFunctionAsync($"() => document.getElementById('editSubsidy').innerText.includes('{Math.Min(10_000, Math.Round(area * 200)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}')");
        Assert.Equal("运营中", await page.Locator("#editForm select[name='status'] option:checked").InnerTextAsync()); // Chinese, not codes
        // A bad area is named under its field; nothing is saved.
        await page.FillAsync("#editForm input[name='areaM2']", "-3");
        await page.ClickAsync("#editForm button[type='submit']");
        await page.WaitForFunctionAsync("() => document.querySelector(\"#editForm .edit-field[data-field='areaM2'] .field-error\").innerText.length > 0");
        // The area and the status changed, saved with the key.
        await page.FillAsync("#editForm input[name='areaM2']", "77");
        await page.SelectOptionAsync("#editForm select[name='status']", "closed");
        await page.ClickAsync("#editForm button[type='submit']");
        await page.WaitForSelectorAsync("#editSaved");
        // The area's subsidy under the city's rule, said beside the form: 77 m² × 200 yuan, at most 10,000.
        await page.WaitForFunctionAsync("() => document.getElementById('editSubsidy').innerText.includes('10,000')");
        var saved = await ApiAsync($"/api/outlets/{id}");
        Assert.Equal((77.0, "closed"), (saved.GetProperty("properties").GetProperty("areaM2").GetDouble(), saved.GetProperty("properties").GetProperty("status").GetString()));
        Assert.True((await ApiAsync("/api/coverage")).GetProperty("city").GetProperty("coveredHouseholds").GetInt64() < coveredBefore);

        // A colleague saves a new name meanwhile; this page's save from its copy is refused and says who.
        var api = Browser.Service.Factory.Planner();
        var copy = JsonNode.Parse(await api.GetStringAsync($"/api/outlets/{id}"))!.AsObject();
        copy["properties"]!["name"] = "同事改的名字";
        Assert.True((await api.PutCurrentAsync($"/api/outlets/{id}", Json.GeoJson(copy.ToJsonString()))).IsSuccessStatusCode);
        await page.FillAsync("#editForm input[name='areaM2']", "80");
        await page.ClickAsync("#editForm button[type='submit']");
        await page.WaitForSelectorAsync("#editReload");
        Assert.Contains(ServiceFactory.KeyName, await page.InnerTextAsync("#editResult"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "edit-conflict.png") });
        await page.ClickAsync("#editReload");
        Assert.Equal("同事改的名字", await page.InputValueAsync("#editForm input[name='name']"));
        Assert.Equal(77.0, (await ApiAsync($"/api/outlets/{id}")).GetProperty("properties").GetProperty("areaM2").GetDouble());
    }
}
