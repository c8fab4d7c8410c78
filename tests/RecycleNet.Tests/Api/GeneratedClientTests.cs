using System.Net.Http.Headers;
using System.Reflection;

namespace RecycleNet.Tests.Api;

/// <summary>
/// A client generated from the service's own OpenAPI document (NSwag 14.8, compiled by Roslyn) calls the routes planners
/// script most — the scorecard, a subsidy estimate, a what-if, a plan and its evaluation, a siting job, the policies — and reads their answers through the
/// types the document declares: a member the document left out or mistyped fails here.
/// </summary>
public class GeneratedClientTests(DemoService demo) : IClassFixture<DemoService>
{
    private static async Task<dynamic> CallAsync(object client, string method, params object?[] args)
    {
        var m = client.GetType().GetMethods().Single(x => x.Name == method && x.GetParameters().Length == args.Length + 1
            && x.GetParameters()[^1].ParameterType == typeof(CancellationToken));
        var task = (Task)m.Invoke(client, [.. args, CancellationToken.None])!;
        try { await task; }
        catch (Exception e) when (e.GetType().GetProperty("Result")?.GetValue(e) is { } problem)
        {
            // The service's problem, as the generated client read it: what was refused and why.
            throw new InvalidOperationException($"{method}: {System.Text.Json.JsonSerializer.Serialize(problem)}", e);
        }
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    /// <summary>A List of the generated type holding <paramref name="items"/>, as the generated bodies' collections take.</summary>
    private static dynamic ListOf(Assembly a, string type, params object[] items)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(a.GetType($"{GeneratedClient.Namespace}.{type}", throwOnError: true)!))!;
        foreach (var item in items) list.Add(item);
        return list;
    }

    private static dynamic New(Assembly a, string type) => Activator.CreateInstance(a.GetType($"{GeneratedClient.Namespace}.{type}", throwOnError: true)!)!;

    [Fact]
    public async Task A_client_generated_from_the_document_calls_the_scripted_routes_and_reads_them_typed()
    {
        var document = await demo.Factory.CreateClient().GetStringAsync("/openapi/v1.json");
        var (assembly, _) = await GeneratedClient.BuildAsync(document);
        var http = demo.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceFactory.Key);
        var client = Activator.CreateInstance(assembly.GetType($"{GeneratedClient.Namespace}.RecycleNetClient")!, http)!;
        client.GetType().GetProperty("BaseUrl")!.SetValue(client, http.BaseAddress!.ToString());

        // The scorecard: Jinan's outlet target, with its citation, and the city's coverage.
        dynamic scorecard = await CallAsync(client, "GetScorecardAsync");
        Assert.Equal("jinan-2024", (string)scorecard.Policy);
        dynamic outlets = ((IEnumerable<dynamic>)scorecard.Targets).First(t => (string)t.Metric == "modernOutlets");
        Assert.Equal(120m, (decimal)outlets.Target);
        Assert.False(string.IsNullOrEmpty((string)outlets.Citation.Document));
        Assert.True((long)scorecard.Coverage.City.Households > 3_000_000);
        Assert.NotEmpty((IEnumerable<dynamic>)scorecard.Districts);

        // A what-if: one outlet closed, coverage before and after.
        var firstOutlet = (long)System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/outlets?limit=1")).RootElement.GetProperty("features")[0].GetProperty("id").GetInt64();
        dynamic whatIf = New(assembly, "WhatIfBody");
        whatIf.Close = new List<object> { firstOutlet };
        dynamic answer = await CallAsync(client, "WhatIfAsync", (object)whatIf);
        Assert.True((long)answer.After.City.CoveredHouseholds <= (long)answer.Before.City.CoveredHouseholds);

        // A plan: kept, then read back by its id.
        dynamic add = New(assembly, "PlanAddBody");
        add.Lon = 117.02;
        add.Lat = 36.66;
        dynamic changes = New(assembly, "PlanChangesBody");
        changes.Add = ListOf(assembly, "PlanAddBody", (object)add);
        dynamic body = New(assembly, "PlanBody");
        body.Name = "生成客户端的方案";
        body.Changes = changes;
        dynamic created = await CallAsync(client, "CreatePlanAsync", (object)body);
        Assert.Equal("draft", (string)created.Summary.Status);
        Assert.Equal(1, (int)created.Summary.Counts.Add);
        dynamic read = await CallAsync(client, "GetPlanAsync", (long)created.Summary.Id);
        Assert.Equal("生成客户端的方案", (string)read.Summary.Name);
        Assert.Equal(ServiceFactory.KeyName, (string)read.Summary.Author); // the key is a planner's: it sees the author

        // A siting job, waited for, and its status read by its id.
        dynamic siting = New(assembly, "OutletSitingBody");
        siting.Sites = 2;
        dynamic job = await CallAsync(client, "ProposeOutletsAsync", (bool?)true, (object)siting);
        Assert.Equal("done", (string)job.Status);
        dynamic again = await CallAsync(client, "GetSitingJobAsync", (Guid)job.Id);
        Assert.Equal((Guid)job.Id, (Guid)again.Id);
        // Its result is the outlet kind's, chosen by the discriminator, and its proposals are read as typed features.
        Assert.EndsWith("OutletSitingAnswer", ((object)again.Result).GetType().Name);
        Assert.Equal(2, Enumerable.Count((IEnumerable<object>)again.Result.Proposals.Features));
        Assert.True((double)again.Result.After.Share >= (double)again.Result.Before.Share);

        // A subsidy estimate for one fixed outlet built inside the application window.
        dynamic outlet = New(assembly, "EstimateFixedOutlet");
        outlet.Id = "F1";
        outlet.AreaM2 = 35;
        outlet.BuiltOn = new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero);
        outlet.DirectlyOperated = true;
        dynamic applicant = New(assembly, "EstimateApplicant");
        applicant.Name = "泉城再生资源回收有限公司";
        applicant.MofcomRegistered = true;
        applicant.DirectOutletCount = 12;
        applicant.SmallestDirectOutletAreaM2 = 12;
        dynamic estimate = New(assembly, "SubsidyEstimateBody");
        estimate.Policy = "jinan-2024";
        estimate.ApplicationWindow.From = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        estimate.ApplicationWindow.To = new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero);
        estimate.Applicant = applicant;
        estimate.FixedOutlets = ListOf(assembly, "EstimateFixedOutlet", (object)outlet);
        dynamic estimated = await CallAsync(client, "EstimateSubsidiesAsync", (object)estimate);
        dynamic item = Assert.Single((IEnumerable<dynamic>)estimated.Items);
        Assert.True((bool)item.Eligible);
        Assert.Equal((decimal)estimated.TotalYuan, (decimal)item.AmountYuan);
        Assert.True((decimal)estimated.TotalYuan > 0);
        Assert.False(string.IsNullOrEmpty((string)item.Citation.Quote));

        // The plan's evaluation: households gained by its one outlet, its subsidy under the fixed-outlet rule.
        dynamic evaluation = await CallAsync(client, "EvaluatePlanAsync", (long)created.Summary.Id);
        Assert.Equal((long)evaluation.After.City.CoveredHouseholds - (long)evaluation.Before.City.CoveredHouseholds, (long)evaluation.HouseholdsGained);
        Assert.Equal(1, (int)evaluation.Changes.Added);

        // The policies, one line each, and one whole.
        dynamic policies = await CallAsync(client, "ListPoliciesAsync");
        Assert.Contains("binzhou-2024", ((IEnumerable<dynamic>)policies).Select(p => (string)p.Id));
        dynamic binzhou = await CallAsync(client, "GetPolicyAsync", "binzhou-2024");
        Assert.NotEmpty((IEnumerable<dynamic>)binzhou.Targets);
    }
}
