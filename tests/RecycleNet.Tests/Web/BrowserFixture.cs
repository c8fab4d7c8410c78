using Microsoft.Playwright;
using RecycleNet.Tests.Api.Ogc;

namespace RecycleNet.Tests.Web;

/// <summary>Debian's Chromium (installed by .ci/run) driven by Playwright; reported as skipped when it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path)) Skip = "needs Chromium (apt-get install chromium)";
    }
}

/// <summary>A theory that needs Chromium, skipped like <see cref="ChromiumFactAttribute"/> when it is absent.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.Path)) Skip = "needs Chromium (apt-get install chromium)";
    }
}

/// <summary>
/// The demo service on a real port and one headless Chromium shared by a test class. Flags as this machine needs
/// them: no sandbox as root, no GPU, and no background networking (the network here is closed).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public KestrelService Service { get; } = new();
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    /// <summary>Screenshots of the main views, kept as test artifacts.</summary>
    public static string Artifacts => System.IO.Path.Combine(RepoPaths.Root, "tests", "RecycleNet.Tests", "artifacts");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Path)) return;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Artifacts);
    }

    /// <summary>A fresh page on the web page, in the language asked for, once the map has loaded.</summary>
    /// <param name="path">The page's address under the service (/?city=binzhou opens another city).</param>
    public async Task<IPage> OpenAsync(string language = "zh", string path = "/")
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "zh-CN" });
        await context.AddInitScriptAsync($"localStorage.setItem('lang', '{language}');");
        var page = await context.NewPageAsync();
        await page.GotoAsync(Service.BaseUrl + path);
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        Service.Dispose();
    }
}
