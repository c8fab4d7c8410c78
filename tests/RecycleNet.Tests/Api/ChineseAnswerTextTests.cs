using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecycleNet.Tests.Api;

/// <summary>
/// Every text an answer gives a planner to read — how a figure was counted, on what basis, under which assumption, with
/// which roads — comes with its Chinese beside it (<c>basis</c> and <c>basisZh</c>), on every route that writes one.
/// </summary>
public partial class ChineseAnswerTextTests(DemoService demo) : IClassFixture<DemoService>
{
    /// <summary>The members that carry prose for a reader (codes such as status or method are translated by the page).</summary>
    private static readonly HashSet<string> Prose =
    [
        "basis", "note", "assumption", "counted", "practice", "loadBasis", "roads", "notMeasuredBecause", "currentBasis",
        "missingBasis", "volumeBasis", "haulBasis",
    ];

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Han();

    /// <summary>Each prose member of <paramref name="e"/> (at any depth) without a Chinese sibling, by its JSON path.</summary>
    private static IEnumerable<string> Untranslated(JsonElement e, string path = "$")
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray()) foreach (var m in Untranslated(item, $"{path}[{i++}]")) yield return m;
            yield break;
        }
        if (e.ValueKind != JsonValueKind.Object) yield break;
        foreach (var p in e.EnumerateObject())
        {
            // A one-word value is a code (an assignment's volumeBasis "reported"), which the page names; prose has spaces.
            if (Prose.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Contains(' '))
            {
                var zh = e.TryGetProperty(p.Name + "Zh", out var z) && z.ValueKind == JsonValueKind.String ? z.GetString()! : "";
                if (!Han().IsMatch(zh)) yield return $"{path}.{p.Name}";
            }
            foreach (var m in Untranslated(p.Value, $"{path}.{p.Name}")) yield return m;
        }
    }

    private async Task<(string Route, JsonElement Answer)> ReadAsync(string route, HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{route}: {(int)r.StatusCode} {text}");
        return (route, JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task Every_prose_member_of_every_answer_has_its_Chinese()
    {
        var client = demo.Factory.CreateClient();
        var planner = demo.Factory.Planner();
        var answers = new List<(string Route, JsonElement Answer)>();
        foreach (var city in new[] { "jinan", "binzhou", "anqiu" })
        {
            answers.Add(await ReadAsync($"{city} scorecard", await client.GetAsync($"/cities/{city}/api/scorecard")));
            answers.Add(await ReadAsync($"{city} network", await client.GetAsync($"/cities/{city}/api/network")));
        }
        answers.Add(await ReadAsync("binzhou tiers", await client.GetAsync("/cities/binzhou/api/tiers")));
        answers.Add(await ReadAsync("anqiu two-networks", await client.GetAsync("/cities/anqiu/api/two-networks?limit=5")));
        answers.Add(await ReadAsync("estimate", await client.PostAsync("/api/subsidies/estimate", Json.Body("""
            { "applicationWindow": { "from": "2024-06-01", "to": "2024-12-31" },
              "applicant": { "name": "示例", "mofcomRegistered": true, "directOutletCount": 12, "smallestDirectOutletAreaM2": 12, "boxTrucks": 6 },
              "fixedOutlets": [ { "id": "F1", "areaM2": 35, "builtOn": "2024-08-01", "directlyOperated": true,
                                  "location": { "lon": 117.12, "lat": 36.65 } } ] }
            """))));
        answers.Add(await ReadAsync("centre siting", await planner.PostAsync("/api/siting/sorting-centers?wait=true",
            Json.Body("""{ "centers": 1, "timeLimitSeconds": 3 }"""))));
        answers.Add(await ReadAsync("tier siting", await planner.PostAsync("/cities/binzhou/api/siting/tiers?wait=true",
            Json.Body("""{ "villageOutlets": 2, "transferStations": 1, "countyCentres": 1, "timeLimitSeconds": 15 }"""))));
        var plan = await ReadAsync("plan", await planner.PostAsync("/api/plans", Json.Body("""
            { "name": "译文检查", "changes": { "add": [ { "layer": "outlets", "lon": 117.12, "lat": 36.65,
                "properties": { "name": "新网点", "kind": "fixed", "status": "operating", "areaM2": 30 } } ] } }
            """)));
        var id = plan.Answer.GetProperty("summary").GetProperty("id").GetInt64();
        answers.Add(await ReadAsync("plan evaluation", await client.GetAsync($"/api/plans/{id}/evaluation")));

        var missing = answers.SelectMany(a => Untranslated(a.Answer).Select(m => $"{a.Route}: {m}")).ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing.Take(30)));
        // The walk is not vacuous: the answers do carry prose (the scorecard alone has several members).
        Assert.True(answers.Sum(a => CountProse(a.Answer)) >= 20);
    }

    private static int CountProse(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Sum(p => (Prose.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.String ? 1 : 0) + CountProse(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Sum(CountProse),
        _ => 0,
    };

    [Fact]
    public async Task A_plan_that_closes_a_closed_outlet_or_changes_a_planned_one_says_so_in_its_evaluation()
    {
        var client = demo.Factory.CreateClient();
        var planner = demo.Factory.Planner();
        var outlets = (await (await client.GetAsync("/api/outlets")).ReadJsonAsync()).GetProperty("features").EnumerateArray().ToList();
        long IdOf(string status) => outlets.First(f => f.GetProperty("properties").GetProperty("status").GetString() == status).GetProperty("id").GetInt64();
        var (closed, planned) = (IdOf("closed"), IdOf("planned"));
        var created = await planner.PostAsync("/api/plans", Json.Body($$"""
            { "name": "有疑问的方案", "changes": {
                "close": [ {{closed}} ],
                "update": [ { "id": {{planned}}, "properties": { "areaM2": 40 } } ] } }
            """));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("summary").GetProperty("id").GetInt64();
        var e = await (await client.GetAsync($"/api/plans/{id}/evaluation")).ReadJsonAsync();
        var warnings = e.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Contains(warnings, w => w.GetProperty("field").GetString() == "close[0]" && w.GetProperty("reasonZh").GetString()!.Contains("已经关闭"));
        Assert.Contains(warnings, w => w.GetProperty("field").GetString() == "update[0]" && w.GetProperty("reasonZh").GetString()!.Contains("规划中"));
        Assert.Equal((1, 1), (e.GetProperty("changes").GetProperty("closed").GetInt32(), e.GetProperty("changes").GetProperty("updated").GetInt32()));
    }
}
