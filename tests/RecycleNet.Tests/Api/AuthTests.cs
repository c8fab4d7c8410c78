using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace RecycleNet.Tests.Api;

public class AuthTests
{
    private const string Feature = """{"type":"Feature","geometry":{"type":"Point","coordinates":[117.02,36.66]},"properties":{"name":"甲","households":10}}""";

    [Fact]
    public async Task Writes_need_a_valid_planner_key_and_reads_do_not()
    {
        using var f = new ServiceFactory(seedDemo: false);
        var anonymous = f.CreateClient();
        var none = await anonymous.PostAsync("/api/import/communities?crs=WGS84", Json.GeoJson(Feature));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString());

        var wrong = await f.Planner("not-the-key").PostAsync("/api/communities", Json.GeoJson(Feature));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("The planner key is not valid.", (await wrong.ReadJsonAsync()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/communities/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/communities")).StatusCode);
    }

    [SqliteFact]
    public async Task Without_configured_keys_one_is_generated_kept_beside_the_database_and_reused()
    {
        var folder = Directory.CreateTempSubdirectory("recyclenet-key-").FullName;
        string key;
        using (var first = new ServiceFactory(seedDemo: false, folder: folder, configureKey: false))
        {
            first.CreateClient(); // starts the service
            key = File.ReadAllText(Path.Combine(folder, "planner.key")).Trim();
            Assert.True(key.Length >= 24);
            var ok = await first.Planner(key).PostAsync("/api/communities", Json.GeoJson(Feature));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }
        using var second = new ServiceFactory(seedDemo: false, folder: folder, configureKey: false);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteCurrentAsync("/api/communities/1")).StatusCode);
    }

    [PostgresFact]
    public async Task Without_configured_keys_a_shared_store_keeps_one_generated_key_hashed_for_every_instance()
    {
        var folder = Directory.CreateTempSubdirectory("recyclenet-key-").FullName;
        using (var first = new ServiceFactory(seedDemo: false, folder: folder, configureKey: false))
        {
            first.CreateClient(); // starts the service, which generates the key
            Assert.False(File.Exists(Path.Combine(folder, "planner.key"))); // nothing beside a shared store
        }
        using var second = new ServiceFactory(seedDemo: false, folder: folder, configureKey: false);
        second.CreateClient(); // a second start finds the key and makes no other
        using var scope = second.Services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<RecycleNet.Core.Database.RecycleNetDb>().PlannerKeys.ToList();
        var generated = Assert.Single(keys);
        Assert.Equal("generated", generated.Name);
        Assert.Matches("^[0-9a-f]{64}$", generated.Hash); // its SHA-256, never the key
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.Planner("guess").PostAsync("/api/communities", Json.GeoJson(Feature))).StatusCode);
    }

    [Fact]
    public async Task Bare_planner_keys_of_the_older_form_still_write_as_configured_n()
    {
        using var f = new ServiceFactory(seedDemo: false, configureKey: false,
            settings: new Dictionary<string, string> { ["RecycleNet:PlannerKeys:0"] = "old-form-key-a,old-form-key-b" });
        Assert.Equal(HttpStatusCode.Created, (await f.Planner("old-form-key-b").PostAsync("/api/communities", Json.GeoJson(Feature))).StatusCode);
        var entry = (await (await f.Planner("old-form-key-a").GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries")[0];
        Assert.Equal("configured #2", entry.GetProperty("planner").GetString());
    }
}
