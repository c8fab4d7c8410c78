using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace RecycleNet.Tests.Api;

/// <summary>
/// A bureau's backup, taken while the service serves and writes, restored into a new instance: every city's features
/// (ids and versions), plans, volumes, enterprises and audit read the same. SQLite through the service's own `backup`
/// and `restore` commands; PostgreSQL through the README's pg_dump / pg_restore recipe.
/// </summary>
public class BackupTests
{
    private static readonly string[] Cities = ["jinan", "binzhou", "anqiu"];

    /// <summary>What a bureau would check after a restore, as the API answers it, city by city.</summary>
    private static async Task<List<string>> StateAsync(HttpClient planner)
    {
        var state = new List<string>();
        foreach (var city in Cities)
        {
            var urls = new[] { "outlets", "sorting-centers", "communities", "districts", "waste-sorting-points", "villages", "transfer-stations" }
                .Select(l => $"/cities/{city}/api/{l}")
                .Concat([$"/cities/{city}/api/plans", $"/cities/{city}/api/volumes?limit=10000", $"/cities/{city}/api/enterprises",
                    $"/cities/{city}/api/audit?limit=1000"]);
            foreach (var url in urls)
            {
                var r = await planner.GetAsync(url);
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {r.StatusCode}");
                state.Add($"{url}\n{await r.Content.ReadAsStringAsync()}");
            }
        }
        return state;
    }

    /// <summary>Writes a bureau makes in a day: an outlet changed, a plan adopted, a volume report, an enterprise.</summary>
    private static async Task WriteAsync(HttpClient planner)
    {
        var first = (await (await planner.GetAsync("/cities/binzhou/api/outlets")).ReadJsonAsync()).GetProperty("features")[0].GetProperty("id").GetInt64();
        var outlet = await (await planner.GetAsync($"/cities/binzhou/api/outlets/{first}")).ReadJsonAsync();
        var properties = System.Text.Json.Nodes.JsonNode.Parse(outlet.GetProperty("properties").GetRawText())!.AsObject();
        properties["name"] = "备份前改名的网点";
        var put = await planner.PutCurrentAsync($"/cities/binzhou/api/outlets/{first}",
            Json.GeoJson($$"""{"type":"Feature","geometry":{{outlet.GetProperty("geometry").GetRawText()}},"properties":{{properties.ToJsonString()}}}"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var plan = await planner.PostAsync("/cities/jinan/api/plans", Json.Body(new { name = "备份测试方案", changes = new { add = new[] { new { lon = 117.05, lat = 36.66 } } } }));
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var id = (await plan.ReadJsonAsync()).GetProperty("summary").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/cities/jinan/api/plans/{id}/adopt", null)).StatusCode);
        var name = (await (await planner.GetAsync("/cities/anqiu/api/outlets")).ReadJsonAsync()).GetProperty("features")[0].GetProperty("properties").GetProperty("name").GetString();
        var volumes = await planner.PostAsync("/cities/anqiu/api/import/volumes?mode=merge", // a correction of a demo month
            new StringContent($"单位名称,统计月份,废纸(吨)\n{name},2025-02,2.5\n", Encoding.UTF8, "text/csv"));
        Assert.True(volumes.IsSuccessStatusCode, await volumes.Content.ReadAsStringAsync());
        var enterprise = await planner.PostAsync("/cities/binzhou/api/enterprises", Json.Body(new { name = "滨州备份测试公司", creditCode = "91350100M000100Y43" }));
        Assert.Equal(HttpStatusCode.Created, enterprise.StatusCode);
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        var r = TestProcess.Run(file, args, TimeSpan.FromMinutes(2), AppContext.BaseDirectory, env);
        return (r.Exit, r.All);
    }

    [Fact]
    public async Task A_backup_taken_while_serving_restores_into_a_new_instance_that_reads_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"recyclenet-backup-{Guid.NewGuid():N}.bak");
        var restoredFolder = Directory.CreateTempSubdirectory("recyclenet-restored-").FullName;
        using var removeRestored = new TempFolder(restoredFolder);
        string? restoredDatabase = null;
        try
        {
            List<string> before;
            await using (var service = new ServiceFactory(seedDemo: true))
            {
                var planner = service.Planner();
                await WriteAsync(planner);
                before = await StateAsync(planner);
                var store = TestStore.Settings(service.Folder, seedDemo: true).Single(s => s.Key == "ConnectionStrings:RecycleNet").Value;
                if (!TestStore.UsesPostgres)
                {
                    // The service's own command, while the service above is still open on the file.
                    var api = Path.Combine(AppContext.BaseDirectory, "RecycleNet.Api.dll");
                    var backup = Run("dotnet", [api, "backup", path, $"--ConnectionStrings:RecycleNet={store}"]);
                    Assert.True(backup.Code == 0, backup.Output);
                    Assert.Contains("integrity_check ok", backup.Output);
                    // A second backup to the same path is refused: a backup never overwrites.
                    Assert.Equal(2, Run("dotnet", [api, "backup", path, $"--ConnectionStrings:RecycleNet={store}"]).Code);
                    // A restore under the running service is refused, saying why, and leaves its store as it was.
                    var underIt = Run("dotnet", [api, "restore", path, $"--ConnectionStrings:RecycleNet={store}"]);
                    Assert.True(underIt.Code == 2, underIt.Output);
                    Assert.Contains("in use by a running RecycleNet service", underIt.Output);
                    Assert.Equal(before, await StateAsync(planner));
                    var restore = Run("dotnet", [api, "restore", path, $"--ConnectionStrings:RecycleNet=Data Source={Path.Combine(restoredFolder, "recyclenet.db")}"]);
                    Assert.True(restore.Code == 0, restore.Output);
                }
                else
                {
                    // The README's recipe: pg_dump while the service runs, pg_restore into a new database.
                    var b = new NpgsqlConnectionStringBuilder(store);
                    var env = new Dictionary<string, string> { ["PGPASSWORD"] = b.Password ?? "" };
                    string[] target = ["-h", b.Host!, "-p", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", b.Username!];
                    var dump = Run(Tool("pg_dump"), [.. target, "-Fc", "-f", path, b.Database!], env);
                    Assert.True(dump.Code == 0, dump.Output);
                    restoredDatabase = $"rn_restored_{Guid.NewGuid():N}"[..30];
                    TestStore.Admin($"CREATE DATABASE \"{restoredDatabase}\"");
                    var restore = Run(Tool("pg_restore"), [.. target, "--no-owner", "-d", restoredDatabase, path], env);
                    Assert.True(restore.Code == 0, restore.Output);
                }
            }
            var settings = TestStore.UsesPostgres
                ? new Dictionary<string, string> { ["ConnectionStrings:RecycleNet"] = TestStore.ConnectionString(restoredDatabase!) }
                : null;
            await using var restored = new ServiceFactory(seedDemo: false, folder: restoredFolder, settings: settings);
            var after = await StateAsync(restored.Planner());
            Assert.Equal(before.Count, after.Count);
            for (var i = 0; i < before.Count; i++) Assert.Equal(before[i], after[i]);
        }
        finally
        {
            File.Delete(path);
            if (restoredDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                TestStore.Admin($"DROP DATABASE IF EXISTS \"{restoredDatabase}\" WITH (FORCE)");
            }
        }
    }

    /// <summary>A PostgreSQL client tool: Debian's versioned one when present, else the one on PATH.</summary>
    private static string Tool(string name) =>
        Directory.Exists("/usr/lib/postgresql") && Directory.GetDirectories("/usr/lib/postgresql").OrderDescending()
            .Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists) is { } found ? found : name;
}

/// <summary>Scheduled backups (RecycleNet:Backups): taken while the service runs, each a whole store, the oldest pruned to Keep.</summary>
public class ScheduledBackupTests
{
    [SqliteFact]
    public async Task The_service_backs_itself_up_on_schedule_and_keeps_the_newest()
    {
        using var temp = TempFolder.New("recyclenet-scheduled-");
        var folder = Path.Combine(temp.Path, "backups");
        Directory.CreateDirectory(folder);
        var stale = Path.Combine(folder, "recyclenet-20200101T000000Z.db");
        var handMade = Path.Combine(folder, "before-the-upgrade.db");
        await File.WriteAllTextAsync(stale, "a scheduled backup of 2020, long past keeping");
        await File.WriteAllTextAsync(handMade, "a bureau's own copy: never the schedule's to delete");
        await using var service = new ServiceFactory(seedDemo: true, settings: new Dictionary<string, string>
        {
            ["RecycleNet:Backups:Folder"] = folder, ["RecycleNet:Backups:Every"] = "00:00:01", ["RecycleNet:Backups:Keep"] = "2",
        });
        var planner = service.Planner();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await planner.GetAsync("/health")).StatusCode);
        var status = service.Services.GetRequiredService<RecycleNet.Api.Hosting.BackupStatus>();
        // Three or more taken (one at start: the newest in the folder is from 2020), while a planner writes between them.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (status.Taken < 3 && DateTime.UtcNow < deadline)
        {
            var plan = await planner.PostAsync("/cities/jinan/api/plans", Json.Body(new { name = $"定时备份期间的方案 {status.Taken}", changes = new { add = new[] { new { lon = 117.05, lat = 36.66 } } } }));
            Assert.Equal(System.Net.HttpStatusCode.Created, plan.StatusCode);
            await Task.Delay(200);
        }
        Assert.True(status.Taken >= 3, $"{status.Taken} backups in two minutes; last error: {status.LastError}");
        Assert.Null(status.LastError);

        var scheduled = RecycleNet.Core.Database.BackupRotation.Scheduled(Directory.EnumerateFiles(folder));
        Assert.InRange(scheduled.Count, 2, 3); // Keep after each backup; a fourth may be being written as we look
        Assert.DoesNotContain(Path.GetFileName(stale), scheduled);
        Assert.True(File.Exists(handMade));
        foreach (var name in scheduled.Take(2))
        {
            var summary = RecycleNet.Core.Database.SqliteBackup.Check(Path.Combine(folder, name));
            Assert.NotNull(summary.Migration);
            Assert.True(summary.Tables > 10, $"{name}: {summary.Tables} tables");
        }
    }

    [Fact]
    public void Settings_that_cannot_work_are_named()
    {
        var on = new RecycleNet.Api.Settings.BackupSettings { Folder = "backups" };
        Assert.Null(on.Problem(RecycleNet.Api.Settings.StoreKind.Sqlite));
        Assert.Null(new RecycleNet.Api.Settings.BackupSettings().Problem(RecycleNet.Api.Settings.StoreKind.Postgres)); // off: nothing to say
        Assert.Contains("pg_dump", on.Problem(RecycleNet.Api.Settings.StoreKind.Postgres));
        Assert.Contains("RecycleNet:Backups:Keep", new RecycleNet.Api.Settings.BackupSettings { Folder = "b", Keep = 0 }.Problem(RecycleNet.Api.Settings.StoreKind.Sqlite));
        Assert.Contains("RecycleNet:Backups:Every", new RecycleNet.Api.Settings.BackupSettings { Folder = "b", Every = TimeSpan.Zero }.Problem(RecycleNet.Api.Settings.StoreKind.Sqlite));
    }
}
