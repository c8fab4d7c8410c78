using System.Net;
using System.Text;
using System.Text.Json;
using RecycleNet.Tests.Security;

namespace RecycleNet.Tests.Api;

/// <summary>
/// A what-if is a plan that is not kept: the same changes, applied by the same rules, answer the same coverage — the
/// districts' outlet counts and fair shares included — for adds, moves, closures and merges (两网融合), in a straight
/// line and on a walking network. (A what-if used to
/// give its added outlets negative ids, which the districts' counts left out.)
/// </summary>
public class WhatIfAsPlanTests(SmallCity city) : IClassFixture<SmallCity>
{
    /// <summary>Three waste-sorting points in 乙区's east, far from its outlets (the last one closed); their ids.</summary>
    private async Task<long[]> PointsAsync()
    {
        var existing = (await (await city.Public.GetAsync("/api/waste-sorting-points")).ReadJsonAsync()).GetProperty("features");
        if (existing.GetArrayLength() == 0)
        {
            var imported = await city.Planner.PostAsync("/api/import/waste-sorting-points?crs=WGS84", new StringContent("""
                name,kind,status,lon,lat
                投放点东北,bins,operating,117.173,36.682
                投放点东南,station,operating,117.197,36.61
                投放点停用,bins,closed,117.149,36.646
                """, Encoding.UTF8, "text/csv"));
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
            existing = (await (await city.Public.GetAsync("/api/waste-sorting-points")).ReadJsonAsync()).GetProperty("features");
        }
        return [.. existing.EnumerateArray().OrderBy(f => f.GetProperty("properties").GetProperty("name").GetString() switch { "投放点东北" => 0, "投放点东南" => 1, _ => 2 })
            .Select(f => f.GetProperty("id").GetInt64())];
    }

    [Fact]
    public async Task A_what_if_and_a_plan_with_the_same_changes_answer_the_same_coverage_counts_and_fair_shares()
    {
        var outlets = (await (await city.Public.GetAsync("/api/outlets")).ReadJsonAsync()).GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("status").GetString() == "operating")
            .Select(f => f.GetProperty("id").GetInt64()).Order().ToList();
        var points = await PointsAsync();
        var changes = new
        {
            add = new[] { new { lon = 117.035, lat = 36.655, name = "假设甲" }, new { lon = 117.165, lat = 36.645, name = "假设乙" } },
            move = new[] { new { id = outlets[0], lon = 117.07, lat = 36.67 } },
            close = new[] { outlets[1] },
            merge = new[] { points[0], points[1] },
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
            // The merged points cover residents the same changes without them leave uncovered.
            var unmerged = await city.Public.PostAsync("/api/coverage/what-if", Json.Body(new { changes.add, changes.move, changes.close }));
            long Covered(JsonElement summary) => summary.GetProperty("city").GetProperty("coveredHouseholds").GetInt64();
            Assert.True(Covered(after) > Covered((await unmerged.ReadJsonAsync()).GetProperty("after")), after.GetProperty("city").GetRawText());
            Assert.Equal(2, evaluation.GetProperty("changes").GetProperty("merged").GetInt32());
        }
    }

    [Fact]
    public async Task A_merge_of_a_point_not_operating_is_refused_alike_by_a_what_if_and_a_plan()
    {
        var points = await PointsAsync();
        var whatIf = await city.Public.PostAsync("/api/coverage/what-if", Json.Body(new { merge = new[] { points[2] } }));
        var plan = await city.Planner.PostAsync("/api/plans", Json.Body(new { name = "合并停用投放点", changes = new { merge = new[] { points[2] } } }));
        foreach (var answer in new[] { whatIf, plan })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var error = Assert.Single((await answer.ReadJsonAsync()).GetProperty("errors").EnumerateArray());
            Assert.EndsWith("merge[0]", error.GetProperty("field").GetString());
            Assert.Contains("运营", error.GetProperty("reasonZh").GetString());
        }
    }

    [Fact]
    public async Task An_adopted_merge_makes_the_point_take_recyclables_and_its_revert_restores_it()
    {
        var point = (await PointsAsync())[1];
        async Task<(bool Merged, long Version)> PointAsync()
        {
            var f = await (await city.Public.GetAsync($"/api/waste-sorting-points/{point}")).ReadJsonAsync();
            return (f.GetProperty("properties").GetProperty("takesRecyclables").GetBoolean(), f.GetProperty("version").GetInt64());
        }
        var (merged, version) = await PointAsync();
        Assert.False(merged);
        var created = await city.Planner.PostAsync("/api/plans", Json.Body(new { name = "两网融合：东南投放点", changes = new { merge = new[] { point } } }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var plan = (await created.ReadJsonAsync()).GetProperty("summary");
        var id = plan.GetProperty("id").GetInt64();
        var adopted = await city.Planner.PostAsync($"/api/plans/{id}/adopt", null);
        Assert.True(adopted.StatusCode == HttpStatusCode.OK, await adopted.Content.ReadAsStringAsync());
        Assert.Equal((true, version + 1), await PointAsync());
        var reverted = await city.Planner.PostAsync($"/api/plans/{id}/revert", null);
        Assert.True(reverted.IsSuccessStatusCode, await reverted.Content.ReadAsStringAsync());
        Assert.Equal((false, version + 2), await PointAsync());
    }

}
