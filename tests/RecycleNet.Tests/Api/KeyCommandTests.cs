using System.Net;
using System.Text.RegularExpressions;

namespace RecycleNet.Tests.Api;

/// <summary>`keys add NAME --role … --city …`, `keys rotate`, `keys list` as a bureau's IT runs them, against the store a service then uses.</summary>
public partial class KeyCommandTests
{
    private static (int Code, string Output) Keys(string folder, params string[] args)
    {
        var r = TestProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "RecycleNet.Api.dll"), "keys", .. args,
            $"--ConnectionStrings:RecycleNet=Data Source={Path.Combine(folder, "recyclenet.db")}", "--RecycleNet:SeedDemo=false"],
            TimeSpan.FromMinutes(2), AppContext.BaseDirectory);
        return (r.Exit, r.All);
    }

    [GeneratedRegex(@": ([A-Za-z0-9_-]{32})\s*$")]
    private static partial Regex PrintedKey();

    [SqliteFact]
    public async Task A_key_added_with_a_role_and_a_city_works_as_that_role_there_and_rotates()
    {
        var folder = Directory.CreateTempSubdirectory("recyclenet-keys-cli-").FullName;
        try
        {
            var (code, added) = Keys(folder, "add", "审计 李", "--role", "viewer", "--city", "binzhou");
            Assert.True(code == 0, added);
            Assert.Contains("viewer 查看人员, city binzhou", added);
            var key = PrintedKey().Match(added).Groups[1].Value;
            var (refusedCode, refused) = Keys(folder, "add", "局长", "--role", "director");
            Assert.Equal(2, refusedCode);
            Assert.Contains("--role: must be one of planner, viewer, dispatcher", refused);
            Assert.Equal(2, Keys(folder, "add", "调度", "--role", "dispatcher").Code); // a dispatcher needs its enterprise

            using (var f = new ServiceFactory(seedDemo: false, folder: folder))
            {
                var viewer = f.Planner(key);
                Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/cities/binzhou/api/audit")).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/cities/jinan/api/audit")).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/cities/binzhou/api/plans", Json.Body("""{"name":"x"}"""))).StatusCode);
            }
            var (rotated, rotation) = Keys(folder, "rotate", "审计 李");
            Assert.True(rotated == 0, rotation);
            var fresh = PrintedKey().Match(rotation).Groups[1].Value;
            Assert.NotEqual(key, fresh);
            var list = Keys(folder, "list").Output;
            Assert.Matches(@"审计 李\tviewer\tbinzhou\t-\tcreated [^\t]+\trotated [^\t]+\tactive", list);
            using (var f = new ServiceFactory(seedDemo: false, folder: folder))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await f.Planner(key).GetAsync("/cities/binzhou/api/audit")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await f.Planner(fresh).GetAsync("/cities/binzhou/api/audit")).StatusCode);
            }
        }
        finally { new TempFolder(folder).Dispose(); }
    }
}
