using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Web;

/// <summary>
/// The demo with names that are markup and script in every layer: a district, the largest gap's community, an outlet,
/// a sorting centre, and a siting proposal (an uploaded site's name). Renamed through the API, as an attacker with an
/// import would.
/// </summary>
public sealed class PayloadCity : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new();

    /// <summary>Each payload, if it ever became markup, would set window.__xss; the CSP would also report it.</summary>
    public static string Payload(string where) => $"<img src=x onerror=\"window.__xss='{where}'\"><script>window.__xss='{where}'</script>{where}";

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        if (Browser.Browser is null) return;
        var api = Browser.Service.Factory.Planner();
        var gap = (await (await api.GetAsync("/api/coverage/gaps")).ReadJsonAsync()).GetProperty("features")[0].GetProperty("id").GetInt64();
        await RenameAsync(api, "communities", gap, "community");
        await RenameAsync(api, "districts", await FirstIdAsync(api, "districts"), "district");
        await RenameAsync(api, "outlets", await FirstIdAsync(api, "outlets"), "outlet");
        await RenameAsync(api, "sorting-centers", await FirstIdAsync(api, "sorting-centers"), "centre");
        var siting = JsonSerializer.Serialize(new
        {
            sites = 1, timeLimitSeconds = 2,
            uploadedSites = new { type = "FeatureCollection", features = new[] { new { type = "Feature", properties = new { name = Payload("proposal") },
                geometry = new { type = "Point", coordinates = new[] { 117.0, 36.65 } } } } },
        });
        var r = await api.PostAsync("/api/siting/outlets?wait=true", new StringContent(siting, Encoding.UTF8, "application/json"));
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException(await r.Content.ReadAsStringAsync());
    }

    private static async Task<long> FirstIdAsync(HttpClient api, string layer) =>
        (await (await api.GetAsync($"/api/{layer}")).ReadJsonAsync()).GetProperty("features")[0].GetProperty("id").GetInt64();

    public static async Task RenameAsync(HttpClient api, string layer, long id, string where)
    {
        var feature = JsonNode.Parse(await api.GetStringAsync($"/api/{layer}/{id}"))!.AsObject();
        var props = feature["properties"]!.AsObject();
        props["name"] = Payload(where);
        // Derived and read-only members are not part of a write.
        foreach (var k in props.Select(p => p.Key).ToList()) if (k is "district" or "id") props.Remove(k);
        feature.Remove("links");
        var put = await api.PutCurrentAsync($"/api/{layer}/{id}", new StringContent(feature.ToJsonString(), Encoding.UTF8, "application/geo+json"));
        if (!put.IsSuccessStatusCode) throw new InvalidOperationException($"{layer} {id}: {await put.Content.ReadAsStringAsync()}");
    }

    public Task DisposeAsync() => Browser.DisposeAsync();
}

/// <summary>Names that are markup show as text on every tab and in every popup, and nothing runs.</summary>
public class XssTests(PayloadCity city) : IClassFixture<PayloadCity>
{
    [ChromiumFact]
    public async Task Markup_in_every_layer_shows_as_text_on_every_tab_and_popup_and_runs_nothing()
    {
        var page = await city.Browser.OpenAsync();
        // Any markup that reached the DOM would either run (window.__xss) or be blocked by the CSP (an event).
        await page.EvaluateAsync("() => { window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI)); }");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        // Map: open the popup of every renamed feature.
        foreach (var (layer, where) in new[] { ("communities", "community"), ("districts", "district"), ("outlets", "outlet"), ("centers", "centre") })
        {
            var text = await page.EvaluateAsync<string>($$"""
                () => {
                  const layer = window.recyclenet.layers['{{layer}}'];
                  if (!window.recyclenet.map.hasLayer(layer)) layer.addTo(window.recyclenet.map);
                  // A clustered layer draws its points one by one only close up: go there first.
                  const point = layer.points?.find(p => (p.feature.properties.name ?? '').includes('{{where}}'));
                  if (point) window.recyclenet.map.setView(point.latlng, 17, { animate: false });
                  const hit = layer.getLayers().find(l => (l.feature.properties.name ?? l.feature.properties.label ?? '').includes('{{where}}'));
                  if (!hit) return 'no feature named {{where}}';
                  hit.openPopup(hit.getLatLng ? hit.getLatLng() : hit.getBounds().getCenter());
                  return hit.getPopup().getElement().querySelector('.leaflet-popup-content').innerText;
                }
                """);
            Assert.Contains($"<img src=x onerror=\"window.__xss='{where}'\">", text);
        }

        // Targets: the district table; gaps: the community at the top.
        await page.ClickAsync("[data-tab='scorecard']");
        await page.WaitForSelectorAsync("#districtTable tbody tr");
        Assert.Contains("<script>window.__xss='district'</script>", await page.InnerTextAsync("#districtTable"));
        await page.ClickAsync("[data-tab='gaps']");
        await page.WaitForSelectorAsync("#gapsTable tbody tr");
        Assert.Contains("<script>window.__xss='community'</script>", await page.InnerTextAsync("#gapsTable"));

        // Siting from the page: communities are the candidates and the proposals carry their names. Run once, rename the
        // first proposal's community to a payload, run again (the solver is seeded, so the same sites come back).
        await page.FillAsync("#plannerKey", ServiceFactory.Key);
        await page.ClickAsync("[data-tab='siting']");
        await page.SelectOptionAsync("select[name='goal']", "sites");
        await page.FillAsync("input[name='value']", "3");
        await page.FillAsync("input[name='time']", "1");
        async Task<string> RunAsync()
        {
            await page.EvaluateAsync("() => document.getElementById('sitingTable').replaceChildren()");
            await page.ClickAsync("#sitingForm button[type='submit']");
            await page.WaitForSelectorAsync("#sitingTable tbody tr", new PageWaitForSelectorOptions { Timeout = 60_000 });
            return await page.Locator("#sitingTable tbody tr").First.Locator("td").Nth(1).InnerTextAsync();
        }
        var label = await RunAsync();
        var api = city.Browser.Service.Factory.Planner();
        var proposed = (await (await api.GetAsync("/api/communities")).ReadJsonAsync()).GetProperty("features").EnumerateArray()
            .First(f => f.GetProperty("properties").GetProperty("name").GetString() == label).GetProperty("id").GetInt64();
        await PayloadCity.RenameAsync(api, "communities", proposed, "siting");
        Assert.Equal(PayloadCity.Payload("siting"), await RunAsync());
        // The run just opened is on the map (and only it): its proposal's popup shows the payload as text.
        await page.ClickAsync("[data-tab='map']");
        await page.WaitForSelectorAsync(".proposal");
        var proposalText = await page.EvaluateAsync<string>("""
            () => {
              const hit = window.recyclenet.layers.proposals.getLayers().find(l => (l.feature.properties.label ?? '').includes('siting'));
              if (!hit) return 'no proposal named siting';
              hit.openPopup();
              return hit.getPopup().getElement().querySelector('.leaflet-popup-content').innerText;
            }
            """);
        Assert.Contains("<img src=x onerror=\"window.__xss='siting'\">", proposalText);

        Assert.Equal(0, await page.Locator("img[src='x'], #map script, main script").CountAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__xss ?? null"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__violations"));
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "xss-as-text.png") });
    }

    [ChromiumFact]
    public async Task The_page_is_served_with_its_CSP_and_an_inline_script_would_not_run()
    {
        var page = await city.Browser.OpenAsync();
        var response = await page.GotoAsync(city.Browser.Service.BaseUrl + "/");
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp);
        await page.WaitForSelectorAsync("body[data-ready='true']");
        // Markup injected by hand (as a bug would) is blocked by the browser itself.
        var ran = await page.EvaluateAsync<bool>("""
            () => new Promise(resolve => {
              document.addEventListener('securitypolicyviolation', () => resolve(false), { once: true });
              const d = document.createElement('div');
              d.innerHTML = '<img src="/nope.png" onerror="window.__ran = true">';
              document.body.append(d);
              setTimeout(() => resolve(window.__ran === true), 1500);
            })
            """);
        Assert.False(ran);
    }
}
