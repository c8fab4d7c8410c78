using System.Net;
using System.Text;
using System.Text.Json;
using RecycleNet.Tests.Security;

namespace RecycleNet.Tests.Api;

/// <summary>
/// A what-if is a plan that is not kept: the same changes, applied by the same rules, answer the same coverage — the
/// districts' outlet counts and fair shares included — in a straight line and on a walking network. (A what-if used to
/// give its added outlets negative ids, which the districts' counts left out.)
/// </summary>
public class WhatIfAsPlanTests(SmallCity city) : IClassFixture<SmallCity>
{
    [Fact]
    public async Task A_what_if_and_a_plan_with_the_same_changes_answer_the_same_coverage_counts_and_fair_shares()
    {
        var outlets = (await (await city.Public.GetAsync("/api/outlets")).ReadJsonAsync()).GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("status").GetString() == "operating")
            .Select(f => f.GetProperty("id").GetInt64()).Order().ToList();
        var changes = new
        {
            add = new[] { new { lon = 117.035, lat = 36.655, name = "假设甲" }, new { lon = 117.165, lat = 36.645, name = "假设乙" } },
            move = new[] { new { id = outlets[0], lon = 117.07, lat = 36.67 } },
            close = new[] { outlets[1] },
        };
        var created = await city.Planner.PostAsync("/api/plans", Json.Body(new { name = "与假设相同的方案", changes }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("summary").GetProperty("id").GetInt64();

        foreach (var onNetwork in new[] { false, true })
        {
            if (onNetwork)
            {
                // Streets every 500 m over both districts.
                var grid = NetworkApiTests.GridOsm(117.1, 36.65, 40, 500);
                var loaded = await city.Planner.PostAsync("/api/network?name=grid.osm", new StringContent(grid, Encoding.UTF8, "application/xml"));
                Assert.True(loaded.StatusCode == HttpStatusCode.OK, await loaded.Content.ReadAsStringAsync());
            }
            var whatIf = await city.Public.PostAsync("/api/coverage/what-if", Json.Body(changes));
            Assert.True(whatIf.StatusCode == HttpStatusCode.OK, await whatIf.Content.ReadAsStringAsync());
            var answer = await whatIf.ReadJsonAsync();
            var evaluation = await (await city.Public.GetAsync($"/api/plans/{id}/evaluation")).ReadJsonAsync();
            var after = answer.GetProperty("after");
            // On the network, the communities near its streets are measured on it (the rest, beyond its reach, in a straight line).
            var measuredOnNetwork = after.GetProperty("methods").GetProperty("network").GetInt32();
            Assert.True(onNetwork ? measuredOnNetwork > 0 : measuredOnNetwork == 0, after.GetProperty("methods").GetRawText());
            Assert.Equal(evaluation.GetProperty("after").GetRawText(), after.GetRawText());
            // The two added outlets are outlets in the districts' counts (甲区 gains one, 乙区 one; the closed one leaves).
            int Outlets(JsonElement summary) => summary.GetProperty("districts").EnumerateArray().Sum(d => d.GetProperty("operatingOutlets").GetInt32());
            Assert.Equal(Outlets(answer.GetProperty("before")) + 2 - 1, Outlets(after));
        }
    }

}
