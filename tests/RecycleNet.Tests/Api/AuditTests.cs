using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RecycleNet.Core.Model;
using RecycleNet.Core.Database;
using RecycleNet.Api.Auth;

namespace RecycleNet.Tests.Api;

/// <summary>Named planner keys in the store (hashed), and the audit log of every write.</summary>
public class AuditTests
{
    private static async Task<string> AddKeyAsync(ServiceFactory f, string name)
    {
        var key = $"key-of-{Guid.NewGuid():N}";
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecycleNetDb>();
        db.PlannerKeys.Add(new StoredPlannerKey { Name = name, Hash = PlannerKeys.Hash(key), Created = DateTime.UtcNow });
        await db.SaveChangesAsync();
        Assert.DoesNotContain(db.PlannerKeys.Select(k => k.Hash), h => h == key); // only the hash is kept
        return key;
    }

    [Fact]
    public async Task Every_write_is_recorded_with_its_keys_name_and_versions_and_a_refused_one_is_not()
    {
        using var f = new ServiceFactory(seedDemo: true);
        var wang = f.Planner(await AddKeyAsync(f, "王规划"));
        var admin = f.Planner();

        var feature = System.Text.Json.Nodes.JsonNode.Parse(await wang.GetStringAsync("/api/outlets/4"))!.AsObject();
        feature["properties"]!["name"] = "审计网点";
        feature.Remove("version");
        Assert.Equal(HttpStatusCode.OK, (await wang.PutCurrentAsync("/api/outlets/4", Json.GeoJson(feature.ToJsonString()))).StatusCode);
        var import = await admin.PostAsync("/api/import/communities?crs=WGS84", new StringContent("name,households,lon,lat\n审计小区,10,117.02,36.66\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var refused = await wang.PostAsync("/api/import/communities?crs=WGS84", new StringContent("name,households,lon,lat\n坏,-1,117.02,36.66\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await wang.DeleteCurrentAsync("/api/outlets/4")).StatusCode);

        var page = await (await admin.GetAsync("/api/audit?limit=10")).ReadJsonAsync();
        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, page.GetProperty("total").GetInt32()); // the refused import left nothing
        Assert.Equal(["delete", "import", "replace"], entries.Select(e => e.GetProperty("action").GetString()));
        var replace = entries[2];
        Assert.Equal("王规划", replace.GetProperty("planner").GetString());
        Assert.Equal("outlets", replace.GetProperty("target").GetString());
        Assert.Equal(4, replace.GetProperty("featureId").GetInt64());
        Assert.Equal(1, replace.GetProperty("versionBefore").GetInt64());
        Assert.Equal(2, replace.GetProperty("versionAfter").GetInt64());
        Assert.Equal(ServiceFactory.KeyName, entries[1].GetProperty("planner").GetString());
        Assert.Equal("append: 1 inserted, 0 removed", entries[1].GetProperty("detail").GetString());
        Assert.Equal(2, entries[0].GetProperty("versionBefore").GetInt64());

        // Paging, and the log is for planners only.
        var second = await (await admin.GetAsync("/api/audit?limit=1&offset=1")).ReadJsonAsync();
        Assert.Equal("import", second.GetProperty("entries")[0].GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.CreateClient().GetAsync("/api/audit")).StatusCode);
        Assert.Equal("limit", (await (await admin.GetAsync("/api/audit?limit=0")).ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_revoked_key_opens_nothing()
    {
        using var f = new ServiceFactory(seedDemo: false);
        var key = await AddKeyAsync(f, "临时");
        var client = f.Planner(key);
        var body = new StringContent("""{"name":"甲公司","creditCode":"91350100M000100Y43"}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/enterprises", body)).StatusCode);
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecycleNetDb>();
            db.PlannerKeys.Single(k => k.Name == "临时").Revoked = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }
        var again = new StringContent("""{"name":"乙公司","creditCode":"91350100M000100Y43"}""", Encoding.UTF8, "application/json");
        var auditBefore = await (await f.Planner().GetAsync("/api/audit")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/enterprises", again)).StatusCode);
        // Refused, and nothing written: still one enterprise, and no audit entry for the refusal.
        var enterprises = await (await f.CreateClient().GetAsync("/api/enterprises")).ReadJsonAsync();
        Assert.DoesNotContain("乙公司", enterprises.GetRawText());
        var auditAfter = await (await f.Planner().GetAsync("/api/audit")).ReadJsonAsync();
        Assert.Equal(auditBefore.GetProperty("total").GetInt32(), auditAfter.GetProperty("total").GetInt32());
    }
}
