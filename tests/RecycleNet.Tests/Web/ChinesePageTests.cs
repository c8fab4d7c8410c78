using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RecycleNet.Tests.Web;

/// <summary>
/// The page in Chinese, on a service of its own: other browser tests write plans, outlets and key names into theirs,
/// and what this test reads must be the page's own words and the demo's data only.
/// </summary>
public class ChinesePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private BrowserFixture Browser => browser;

    /// <summary>
    /// Words in Latin letters the Chinese page may show: the cities' English names beside the Chinese in the city
    /// picker, file formats, coordinate systems and their standards' codes, and UTC.
    /// </summary>
    private static readonly HashSet<string> LatinAllowed =
        ["Jinan", "Binzhou", "Anqiu", "CSV", "XLSX", "GeoJSON", "DOCX", "PDF", "PNG", "GPS", "WGS", "CGCS", "GCJ-", "BD-", "EPSG", "UTC"];

    [ChromiumFact]
    public async Task Every_tab_of_both_kinds_of_city_is_in_Chinese_without_codes_or_English_words()
    {
        foreach (var path in new[] { "/", "/?city=binzhou" })
        {
            var page = await Browser.OpenAsync("zh", path);
            await page.FillAsync("#plannerKey", Api.ServiceFactory.Key);
            foreach (var tab in new[] { "map", "scorecard", "plans", "volumes", "import", "gaps", "siting", "subsidy" })
            {
                await page.ClickAsync($"[data-tab='{tab}']");
                // Each tab fills from the API; wait until the page has been quiet for a moment.
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var text = await page.InnerTextAsync("body");
                var english = Regex.Matches(text, @"[A-Za-z][A-Za-z_-]{2,}").Select(m => (m.Value, At: m.Index)).Where(w => !LatinAllowed.Contains(w.Value)).ToList();
                Assert.True(english.Count == 0, $"{path} {tab}: " + string.Join(" | ", english.Take(5).Select(w => $"{w.Value} in …{Around(text, w.At)}…")));
            }
            await page.Context.CloseAsync();
        }
    }

    private static string Around(string text, int i)
    {
        var from = Math.Max(0, i - 30);
        return text.Substring(from, Math.Min(80, text.Length - from)).Replace('\n', ' ');
    }
}
