using System.Text.Json;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecycleNet.Core.Access;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;
using RecycleNet.Api.Auth;

namespace RecycleNet.Tests.Api;

/// <summary>
/// Named keys with roles on every route family: a planner writes (in its city, if bound to one), a viewer reads what the
/// bureau reads and writes nothing, a dispatcher sees only its enterprise; each refusal a 403 in both languages that
/// changes nothing.
/// </summary>
public class RoleTests
{
    private const string Viewer = "viewer-secret-0001", Binzhou = "binzhou-planner-01";

    private static ServiceFactory Service(IDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["RecycleNet:Keys:1:Name"] = "王局长", ["RecycleNet:Keys:1:Secret"] = Viewer, ["RecycleNet:Keys:1:Role"] = "viewer",
            ["RecycleNet:Keys:2:Name"] = "滨州规划科", ["RecycleNet:Keys:2:Secret"] = Binzhou, ["RecycleNet:Keys:2:Role"] = "planner",
            ["RecycleNet:Keys:2:City"] = "binzhou",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string>()) settings[k] = v;
        return new ServiceFactory(seedDemo: false, settings: settings);
    }

    /// <summary>A write of each route family: what it sends, with its If-Match where the route asks one.</summary>
    private static readonly (string Family, HttpMethod Method, string Path, Func<HttpContent?> Body)[] Writes =
    [
        ("layer feature", HttpMethod.Post, "/api/outlets",
            () => Json.GeoJson("""{"type":"Feature","geometry":{"type":"Point","coordinates":[117.02,36.66]},"properties":{"name":"角色测试网点"}}""")),
        ("layer replace", HttpMethod.Put, "/api/outlets/999", () => Json.GeoJson("""{"type":"Feature","geometry":null,"properties":{}}""")),
        ("layer delete", HttpMethod.Delete, "/api/communities/999", () => null),
        ("layer import", HttpMethod.Post, "/api/import/communities?crs=WGS84",
            () => new StringContent("name,households,lon,lat\n角色小区,10,117.02,36.66\n", Encoding.UTF8, "text/csv")),
        ("volume import", HttpMethod.Post, "/api/import/volumes?dryRun=true",
            () => new StringContent("单位名称,统计月份,品类,数量,计量单位\n无此网点,2025-01,废钢铁,1,吨\n", Encoding.UTF8, "text/csv")),
        ("plan", HttpMethod.Post, "/api/plans", () => Plan("角色测试方案")),
        ("plan adopt", HttpMethod.Post, "/api/plans/999/adopt", () => null),
        ("siting", HttpMethod.Post, "/api/siting/outlets", () => Json.Body("{}")),
        ("siting cancel", HttpMethod.Delete, $"/api/siting/jobs/{Guid.Empty}", () => null),
        ("enterprise", HttpMethod.Post, "/api/enterprises", () => Json.Body("""{"name":"角色测试公司","creditCode":"91350100M000100Y43"}""")),
        ("network", HttpMethod.Delete, "/api/network", () => null),
    ];

    /// <summary>A plan of one outlet added at a point of the city.</summary>
    private static StringContent Plan(string name, double lon = 117.02, double lat = 36.66) =>
        Json.Body(new { name, changes = new { add = new[] { new { lon, lat } } } });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, (string Family, HttpMethod Method, string Path, Func<HttpContent?> Body) write, string prefix = "")
    {
        using var request = new HttpRequestMessage(write.Method, prefix + write.Path) { Content = write.Body() };
        if (write.Method != HttpMethod.Post) request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        return await client.SendAsync(request);
    }

    private static async Task<int> AuditTotalAsync(ServiceFactory f, string prefix = "") =>
        (await (await f.Planner().GetAsync(prefix + "/api/audit?limit=1")).ReadJsonAsync()).GetProperty("total").GetInt32();

    [Fact]
    public async Task On_every_write_family_a_viewer_a_dispatcher_and_another_citys_planner_get_403_in_both_languages_and_change_nothing()
    {
        using var f = Service();
        var dispatcher = await AddStoredKeyAsync(f, new Caller("回收公司调度", Role.Dispatcher, EnterpriseId: 1));
        var callers = new (string Who, HttpClient Client, string ReasonZh)[]
        {
            ("viewer", f.Planner(Viewer), "查看人员"),
            ("dispatcher", f.Planner(dispatcher), "调度人员"),
            ("binzhou planner in jinan", f.Planner(Binzhou), "只限城市“binzhou”使用"),
        };
        var (jinanBefore, binzhouBefore) = (await AuditTotalAsync(f), await AuditTotalAsync(f, "/cities/binzhou"));
        var failures = new List<string>();
        foreach (var write in Writes)
        {
            var anonymous = await SendAsync(f.CreateClient(), write);
            if (anonymous.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{write.Family}: anonymous got {(int)anonymous.StatusCode}");
            foreach (var (who, client, reasonZh) in callers)
            {
                var answer = await SendAsync(client, write);
                if (answer.StatusCode != HttpStatusCode.Forbidden) { failures.Add($"{write.Family}: {who} got {(int)answer.StatusCode}"); continue; }
                var problem = await answer.ReadJsonAsync();
                if (answer.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || !problem.GetProperty("detailZh").GetString()!.Contains(reasonZh, StringComparison.Ordinal)
                    || problem.GetProperty("field").GetString() != "authorization")
                    failures.Add($"{write.Family}: {who}'s 403 says {problem}");
            }
        }
        Assert.Empty(failures);
        Assert.Equal((jinanBefore, binzhouBefore), (await AuditTotalAsync(f), await AuditTotalAsync(f, "/cities/binzhou")));
    }

    [Fact]
    public async Task A_planner_passes_every_write_family_and_a_city_bound_one_in_its_own_city()
    {
        using var f = Service();
        var failures = new List<string>();
        foreach (var write in Writes)
        {
            foreach (var (who, client, prefix) in new[] { ("planner", f.Planner(), ""), ("binzhou planner in binzhou", f.Planner(Binzhou), "/cities/binzhou") })
            {
                // Past the door the route's own rules answer (201, 404, 412, 422 …): anything but a refusal of the caller.
                var answer = await SendAsync(client, write, prefix);
                if (answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError)
                    failures.Add($"{write.Family}: {who} got {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            }
        }
        Assert.Empty(failures);
        var audit = await (await f.Planner().GetAsync("/cities/binzhou/api/audit?limit=100")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("planner").GetString() == "滨州规划科");
    }

    [Fact]
    public async Task A_viewer_reads_the_audit_log_and_plan_authors_a_dispatcher_reads_neither()
    {
        using var f = Service();
        var dispatcher = await AddStoredKeyAsync(f, new Caller("回收公司调度", Role.Dispatcher, EnterpriseId: 1));
        Assert.Equal(HttpStatusCode.Created, (await f.Planner().PostAsync("/api/plans", Plan("作者可见吗"))).StatusCode);

        var viewer = f.Planner(Viewer);
        var audit = await viewer.GetAsync("/api/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Equal(ServiceFactory.KeyName, (await audit.ReadJsonAsync()).GetProperty("entries")[0].GetProperty("planner").GetString());
        Assert.Contains(ServiceFactory.KeyName, await viewer.GetStringAsync("/api/plans"));

        var asDispatcher = await f.Planner(dispatcher).GetAsync("/api/audit");
        Assert.Equal(HttpStatusCode.Forbidden, asDispatcher.StatusCode);
        Assert.Contains("调度人员", (await asDispatcher.ReadJsonAsync()).GetProperty("detailZh").GetString());
        Assert.DoesNotContain(ServiceFactory.KeyName, await f.Planner(dispatcher).GetStringAsync("/api/plans"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.CreateClient().GetAsync("/api/audit")).StatusCode);
        // A planner bound to Binzhou reads Binzhou's log, not Jinan's.
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Planner(Binzhou).GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Planner(Binzhou).GetAsync("/cities/binzhou/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Me_says_whose_key_it_is_and_whether_it_writes_in_the_city()
    {
        using var f = Service();
        var viewer = await (await f.Planner(Viewer).GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal(("王局长", "viewer", "查看人员", false, true), (viewer.GetProperty("name").GetString(), viewer.GetProperty("role").GetString(),
            viewer.GetProperty("roleZh").GetString(), viewer.GetProperty("writes").GetBoolean(), viewer.GetProperty("readsBureau").GetBoolean()));
        Assert.Contains("只能查看", viewer.GetProperty("writeRefusalZh").GetString());
        var binzhouInJinan = await (await f.Planner(Binzhou).GetAsync("/api/me")).ReadJsonAsync();
        Assert.False(binzhouInJinan.GetProperty("writes").GetBoolean());
        Assert.True((await (await f.Planner(Binzhou).GetAsync("/cities/binzhou/api/me")).ReadJsonAsync()).GetProperty("writes").GetBoolean());
        var anonymous = await (await f.CreateClient().GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("name").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Planner("no-such-key-here").GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_dispatcher_sees_only_its_enterprise()
    {
        using var f = Service();
        var planner = f.Planner();
        var ids = new List<long>();
        foreach (var (name, first17) in new[] { ("甲回收公司", "91370100MA3C00001"), ("乙回收公司", "91370100MA3C00002") })
        {
            var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
            var created = await planner.PostAsync("/api/enterprises", Json.Body(new { name, creditCode = code }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.ReadJsonAsync()).GetProperty("id").GetInt64());
        }
        var dispatcher = f.Planner(await AddStoredKeyAsync(f, new Caller("甲公司调度", Role.Dispatcher, EnterpriseId: ids[0])));

        var seen = (await (await dispatcher.GetAsync("/api/enterprises")).ReadJsonAsync()).EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([ids[0]], seen);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync($"/api/enterprises/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.GetAsync($"/api/enterprises/{ids[1]}")).StatusCode);
        // A planner and the public see both.
        Assert.Equal(2, (await (await planner.GetAsync("/api/enterprises")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(2, (await (await f.CreateClient().GetAsync("/api/enterprises")).ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Writes_are_limited_per_key_wherever_they_come_from_and_other_keys_go_on()
    {
        using var f = Service(new Dictionary<string, string>
        {
            ["RecycleNet:RateLimits:WritesPerKey:Burst"] = "3", ["RecycleNet:RateLimits:WritesPerKey:PerSecond"] = "0.01",
        });
        var planner = f.Planner();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await planner.PostAsync("/api/plans", Plan($"限额 {i}"))).StatusCode);
        var limited = await planner.PostAsync("/api/plans", Plan("限额 3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal("authorization", (await limited.ReadJsonAsync()).GetProperty("field").GetString());
        // Reads are not writes, and another key has its own bucket.
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await f.Planner(Binzhou).PostAsync("/cities/binzhou/api/plans", Plan("滨州", 118.02, 37.38))).StatusCode);
    }

    [Fact]
    public async Task A_stored_key_rotated_or_revoked_stops_at_once_and_its_name_goes_on()
    {
        using var f = Service();
        var old = await AddStoredKeyAsync(f, new Caller("轮换测试", Role.Planner, City: "anqiu"));
        Assert.Equal(HttpStatusCode.Created, (await f.Planner(old).PostAsync("/cities/anqiu/api/plans", Plan("轮换前", 119.2, 36.42))).StatusCode);
        var fresh = PlannerKeys.NewKey();
        using (var scope = f.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<PlannerKeyStore>().RotateAsync("轮换测试", PlannerKeys.Hash(fresh), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Planner(old).PostAsync("/cities/anqiu/api/plans", Plan("旧密钥", 119.2, 36.42))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await f.Planner(fresh).PostAsync("/cities/anqiu/api/plans", Plan("轮换后", 119.2, 36.42))).StatusCode);
        var authors = (await (await f.Planner().GetAsync("/cities/anqiu/api/plans")).ReadJsonAsync()).ToString();
        Assert.Equal(2, authors.Split("轮换测试").Length - 1); // both plans by the same name
        using (var scope = f.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<PlannerKeyStore>().RevokeAsync("轮换测试", CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Planner(fresh).PostAsync("/cities/anqiu/api/plans", Plan("撤销后", 119.2, 36.42))).StatusCode);
    }

    [Fact]
    public async Task A_configured_key_edited_in_the_settings_file_counts_without_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("recyclenet-keyfile-").FullName;
        var file = Path.Combine(folder, "keys.json");
        string Settings(string secret) => System.Text.Json.JsonSerializer.Serialize(new
        {
            RecycleNet = new { Keys = new[] { new { Name = "轮换规划员", Secret = secret, Role = "planner" } } },
        });
        File.WriteAllText(file, Settings("first-secret-0001"));
        using var owner = new ServiceFactory(seedDemo: false, configureKey: false);
        using var service = owner.WithWebHostBuilder(b =>
            b.ConfigureAppConfiguration(c => c.AddJsonFile(file, optional: false, reloadOnChange: true)));
        HttpClient With(string key)
        {
            var c = service.CreateClient();
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return c;
        }
        Assert.Equal(HttpStatusCode.Created, (await With("first-secret-0001").PostAsync("/api/plans", Plan("轮换前"))).StatusCode);
        File.WriteAllText(file, Settings("second-secret-002"));
        // The file watcher reports the change within moments; the old secret stops and the new one writes under the same name.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await With("first-secret-0001").PostAsync("/api/plans", Plan("等待"))).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTime.UtcNow < deadline, "the edited key file was not followed within 30 s");
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.Created, (await With("second-secret-002").PostAsync("/api/plans", Plan("轮换后"))).StatusCode);
        // A broken edit is refused and the keys before it stay.
        File.WriteAllText(file, """{"RecycleNet":{"Keys":[{"Name":"轮换规划员","Secret":"short","Role":"planner"}]}}""");
        await Task.Delay(2000);
        Assert.Equal(HttpStatusCode.Created, (await With("second-secret-002").PostAsync("/api/plans", Plan("坏配置后"))).StatusCode);
        new TempFolder(folder).Dispose();
    }

    [Fact]
    public void A_configured_key_that_breaks_a_rule_fails_the_start_naming_it()
    {
        foreach (var (setting, value, named) in new[]
        {
            ("Role", "director", "RecycleNet:Keys:1:Role"),
            ("City", "qingdao", "RecycleNet:Keys:1:City"),
            ("Secret", "short", "RecycleNet:Keys:1:Secret"),
        })
        {
            using var f = Service(new Dictionary<string, string> { [$"RecycleNet:Keys:1:{setting}"] = value });
            var error = Assert.ThrowsAny<Exception>(() => f.CreateClient());
            Assert.Contains(named, error.ToString());
        }
        using var dispatcherWithoutEnterprise = Service(new Dictionary<string, string> { ["RecycleNet:Keys:1:Role"] = "dispatcher" });
        Assert.Contains("RecycleNet:Keys:1:Enterprise", Assert.ThrowsAny<Exception>(() => dispatcherWithoutEnterprise.CreateClient()).ToString());
    }

    private static async Task<string> AddStoredKeyAsync(ServiceFactory f, Caller caller)
    {
        f.CreateClient(); // started
        var key = PlannerKeys.NewKey();
        using var scope = f.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PlannerKeyStore>().AddAsync(caller, PlannerKeys.Hash(key), CancellationToken.None));
        return key;
    }
}
