using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RecycleNet.Core.Model;
using RecycleNet.Core.Database;

namespace RecycleNet.Tests.Api;

/// <summary>Siting runs live in the store: they survive restarts, are reported by every instance, and run once.</summary>
public class DurableSitingTests
{

    [Fact]
    public async Task A_run_and_the_latest_plan_survive_a_restart()
    {
        string href;
        int proposals;
        // The store outlives the first service: the test makes its folder (a factory removes only the folders it made).
        var folder = Directory.CreateTempSubdirectory("recyclenet-").FullName;
        using var removeAtEnd = new TempFolder(folder);
        using (var first = new ServiceFactory(folder: folder))
        {
            var done = await (await first.Planner().PostAsync("/api/siting/outlets?wait=true", Json.Body("""{"sites":5,"timeLimitSeconds":2}"""))).ReadJsonAsync();
            Assert.Equal("done", done.GetProperty("status").GetString());
            href = new Uri(done.GetProperty("href").GetString()!).AbsolutePath;
            proposals = (await (await first.CreateClient().GetAsync("/ogc/collections/siting-proposals/items")).ReadJsonAsync()).FeatureCount();
            Assert.Equal(5, proposals);
        }
        using var second = new ServiceFactory(folder: folder);
        var again = await (await second.Planner().GetAsync(href)).ReadJsonAsync();
        Assert.Equal("done", again.GetProperty("status").GetString());
        Assert.Equal(5, again.GetProperty("result").GetProperty("proposals").FeatureCount());
        var collection = await (await second.CreateClient().GetAsync("/ogc/collections/siting-proposals/items")).ReadJsonAsync();
        Assert.Equal(proposals, collection.FeatureCount());
        // The sites are rows of their own, and the collection and the answer say the same of them.
        using var scope = second.Services.CreateScope();
        var runId = Guid.Parse(href.Split('/')[^1]);
        var rows = scope.ServiceProvider.GetRequiredService<RecycleNetDb>().SitingProposals.Where(p => p.RunId == runId).OrderBy(p => p.Rank).ToList();
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(p => p.Rank));
        var answered = again.GetProperty("result").GetProperty("proposals").GetProperty("features").EnumerateArray().ToList();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(rows[i].HouseholdsGained, answered[i].GetProperty("properties").GetProperty("householdsGained").GetInt64());
            Assert.Equal(rows[i].Lon, answered[i].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 7);
        }
        Assert.All(collection.GetProperty("features").EnumerateArray(), f => Assert.Equal(runId.ToString(), f.GetProperty("properties").GetProperty("jobId").GetString()));
        // So are the solver's account and the coverage before and after: the answer is written from them.
        var stored = scope.ServiceProvider.GetRequiredService<RecycleNetDb>().SitingRuns.Single(r => r.Id == runId).Result!;
        var result = again.GetProperty("result");
        Assert.Equal(stored.Method, result.GetProperty("solver").GetProperty("method").GetString());
        Assert.Equal(stored.After!.Share, result.GetProperty("after").GetProperty("share").GetDouble());
        Assert.Equal(stored.Before!.CoveredHouseholds, result.GetProperty("before").GetProperty("coveredHouseholds").GetInt64());
    }

    [Fact]
    public async Task A_run_whose_instance_died_is_marked_interrupted_and_can_be_retried()
    {
        using var f = new ServiceFactory(seedDemo: false);
        var planner = f.Planner();
        await planner.GetAsync("/health");
        // A run left "running" by an instance that was killed: its last heartbeat is a minute old.
        var id = Guid.NewGuid();
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecycleNetDb>();
            db.SitingRuns.Add(new SitingRun
            {
                Id = id, CityId = "jinan", Kind = "outlets", Status = SitingRunStatus.Running, Stage = "building coverage sets", Request = """{"sites":1,"timeLimitSeconds":1}""",
                TimeLimitSeconds = 1, Planner = "test", Created = DateTime.UtcNow.AddMinutes(-2), Started = DateTime.UtcNow.AddMinutes(-2),
                Heartbeat = DateTime.UtcNow.AddMinutes(-1), Owner = "an instance that is gone",
            });
            await db.SaveChangesAsync();
        }
        var status = "running";
        for (var i = 0; i < 100 && status == "running"; i++)
        {
            await Task.Delay(100);
            status = (await (await planner.GetAsync($"/api/siting/jobs/{id}")).ReadJsonAsync()).GetProperty("status").GetString()!;
        }
        Assert.Equal("interrupted", status);
        var retried = await planner.PostAsync($"/api/siting/jobs/{id}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.NotEqual(id.ToString(), (await retried.ReadJsonAsync()).GetProperty("id").GetString());
        // A run that has not ended cannot be retried: one another, living instance is running (its heartbeat is fresh).
        var live = Guid.NewGuid();
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecycleNetDb>();
            db.SitingRuns.Add(new SitingRun
            {
                Id = live, CityId = "jinan", Kind = "outlets", Status = SitingRunStatus.Running, Request = "{}", TimeLimitSeconds = 60, Planner = "test",
                Created = DateTime.UtcNow, Started = DateTime.UtcNow, Heartbeat = DateTime.UtcNow.AddMinutes(5), Owner = "another instance",
            });
            await db.SaveChangesAsync();
        }
        var conflict = await planner.PostAsync($"/api/siting/jobs/{live}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("id", (await conflict.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Two_instances_report_the_same_run_and_it_runs_once()
    {
        using var a = new ServiceFactory();
        await a.CreateClient().GetAsync("/health");
        using var b = new ServiceFactory(folder: a.Folder);
        var posted = await a.Planner().PostAsync("/api/siting/outlets", Json.Body("""{"sites":3,"timeLimitSeconds":2}"""));
        var href = posted.Headers.Location!.ToString();
        var fromB = await (await b.Planner().GetAsync(href)).ReadJsonAsync();
        Assert.Contains(fromB.GetProperty("status").GetString(), new[] { "queued", "running", "done" });
        string? statusB = null;
        for (var i = 0; i < 200 && statusB != "done"; i++)
        {
            await Task.Delay(100);
            statusB = (await (await b.Planner().GetAsync(href)).ReadJsonAsync()).GetProperty("status").GetString();
        }
        Assert.Equal("done", statusB);
        var fromA = await (await a.Planner().GetAsync(href)).ReadJsonAsync();
        Assert.Equal(fromA.GetProperty("result").ToString(), (await (await b.Planner().GetAsync(href)).ReadJsonAsync()).GetProperty("result").ToString());
        using var scope = a.Services.CreateScope();
        var runs = scope.ServiceProvider.GetRequiredService<RecycleNetDb>().SitingRuns.ToList();
        Assert.Single(runs); // claimed and run by one of the two, once
        Assert.NotNull(runs[0].Owner);
    }
}
