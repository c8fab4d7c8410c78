using System.Net;

namespace RecycleNet.Tests.Api;

public class PersistenceTests
{
    [Fact]
    public async Task Writes_survive_a_restart_and_the_demo_is_not_seeded_twice()
    {
        var folder = Directory.CreateTempSubdirectory("recyclenet-restart-").FullName;
        string communities, outlets;
        long id;
        using (var first = new ServiceFactory(folder: folder))
        {
            var planner = first.Planner();
            var created = await planner.PostAsync("/api/outlets", Json.GeoJson(
                """{"type":"Feature","geometry":{"type":"Point","coordinates":[117.05,36.67]},"properties":{"name":"重启后仍在","kind":"fixed","status":"operating","modern":true,"areaM2":30,"openedOn":"2024-08-01"}}"""));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await created.ReadJsonAsync()).GetProperty("id").GetInt64();
            Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteCurrentAsync("/api/communities/1")).StatusCode);
            communities = await planner.GetStringAsync("/api/communities");
            outlets = await planner.GetStringAsync("/api/outlets");
        }
        using var second = new ServiceFactory(folder: folder);
        var client = second.CreateClient();
        Assert.Equal(communities, await client.GetStringAsync("/api/communities"));
        Assert.Equal(outlets, await client.GetStringAsync("/api/outlets"));
        var outlet = await (await client.GetAsync($"/api/outlets/{id}")).ReadJsonAsync();
        Assert.Equal("2024-08-01", outlet.GetProperty("properties").GetProperty("openedOn").GetString());
    }
}
