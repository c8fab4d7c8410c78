using System.Net;
using System.Net.Http.Headers;

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

    [Fact]
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
}
