using System.Net;
using System.Text;

namespace RecycleNet.Tests.Api;

/// <summary>
/// What the Chinese reasons say, for rules defined outside the generic readers: a plan's changes, a siting request, a
/// volume report's own rules, a refused key. (That every refusal has one is checked on every answer by
/// <see cref="ChineseReasonCheck"/>; these pin the wording of a few.) Nothing here writes: each request is refused.
/// </summary>
public class ChineseReasonTests(DemoService demo) : IClassFixture<DemoService>
{

    private static async Task<List<(string Field, string Reason, string ReasonZh)>> ErrorsAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        Assert.Equal(expected, r.StatusCode);
        var body = await r.ReadJsonAsync();
        return [.. body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("reason").GetString()!, e.GetProperty("reasonZh").GetString()!))];
    }

    [Fact]
    public async Task A_plan_names_each_bad_change_in_both_languages()
    {
        var planner = demo.Factory.Planner();
        var errors = await ErrorsAsync(await planner.PostAsync("/api/plans", Json.Body("""
            { "name": "坏方案", "changes": { "add": [{ "layer": "roads", "lon": 117.0, "lat": 36.65 }], "close": [999999999], "colour": 1 } }
            """)), HttpStatusCode.BadRequest);
        Assert.Contains(("changes.add[0].layer", "must be one of outlets, sorting-centers, got 'roads'", "须为 outlets（回收网点）或 sorting-centers（分拣中心），实际为“roads”"), errors);
        Assert.Contains(("changes.close[0].id", "outlets/999999999 does not exist in this city", "本市没有 outlets/999999999"), errors);
        Assert.Contains(errors, e => e.Field == "changes.colour" && e.ReasonZh.StartsWith("不是可识别的字段", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_siting_request_with_two_goals_says_so_in_Chinese()
    {
        var planner = demo.Factory.Planner();
        var errors = await ErrorsAsync(await planner.PostAsync("/api/siting/outlets", Json.Body("""{ "sites": 3, "cityShare": 0.9, "gridSpacingM": 20 }""")),
            HttpStatusCode.BadRequest);
        Assert.Contains(errors, e => e.Field == "goal" && e.ReasonZh == "只能给出一个目标（站点数、全市覆盖率、区县覆盖率、预算、达到政策目标）");
        Assert.Contains(errors, e => e.Field == "gridSpacingM" && e.Reason == "must be from 50 to 10,000 m" && e.ReasonZh == "须在 50 到 10,000 米 之间");
    }

    [Fact]
    public async Task A_volume_reports_own_rules_are_said_in_Chinese()
    {
        var planner = demo.Factory.Planner();
        var csv = "单位名称,统计月份,废钢材(吨)\n不存在的回收站,2099-01,3\n";
        var errors = await ErrorsAsync(await planner.PostAsync("/api/import/volumes?dryRun=true", new StringContent(csv, Encoding.UTF8, "text/csv")),
            HttpStatusCode.UnprocessableEntity);
        var column = Assert.Single(errors);
        Assert.Equal("废钢材(吨)", column.Field);
        Assert.StartsWith("“废钢材(吨)”列：“废钢材”不是品类；品类有：", column.ReasonZh);

        csv = "单位名称,统计月份,废钢铁(吨)\n不存在的回收站,2099-01,3\n";
        errors = await ErrorsAsync(await planner.PostAsync("/api/import/volumes?dryRun=true", new StringContent(csv, Encoding.UTF8, "text/csv")),
            HttpStatusCode.UnprocessableEntity);
        Assert.Contains(errors, e => e.Field == "facility" && e.ReasonZh == "本市没有名为“不存在的回收站”的回收网点、分拣中心、中转站或企业");
        Assert.Contains(errors, e => e.Field == "month" && e.ReasonZh.StartsWith("2099-01 还没有结束：报表最晚只能报到 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_without_a_key_says_what_to_do_in_Chinese()
    {
        var anonymous = demo.Factory.CreateClient();
        var r = await anonymous.PostAsync("/api/plans", Json.Body("""{ "name": "x", "changes": {} }"""));
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        var problem = await r.ReadJsonAsync();
        Assert.Equal("urn:recyclenet:problem:unauthorized", problem.GetProperty("type").GetString());
        Assert.StartsWith("此操作需要密钥或令牌", problem.GetProperty("detailZh").GetString());
    }
}
