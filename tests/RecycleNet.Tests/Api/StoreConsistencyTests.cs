using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace RecycleNet.Tests.Api;

/// <summary>What readers and a dying writer can see of a layer being replaced: the old layer or the new, never a blend.</summary>
public class StoreConsistencyTests
{
    /// <summary>A replace import of <paramref name="count"/> communities named "G{generation}-{i}" around Jinan's centre.</summary>
    private static string Generation(int generation, int count)
    {
        var sb = new StringBuilder("""{"type":"FeatureCollection","features":[""");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(',');
            // A 500 × n grid of distinct points, 0.0004° apart (about 40 m), inside the demo's districts.
            var lon = 116.95 + (i % 500) * 0.0004;
            var lat = 36.62 + (i / 500) * 0.0004;
            sb.Append(CultureInfo.InvariantCulture, $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{lon:F6}}},{{{lat:F6}}}]},"properties":{"name":"G{{{generation}}}-{{{i}}}","households":{{{10 + i % 90}}}}}""");
        }
        return sb.Append("]}").ToString();
    }

    private static IEnumerable<string> Generations(JsonElement page) =>
        page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()!.Split('-')[0]);

    [Fact]
    public async Task Replacing_a_layer_while_readers_page_it_never_shows_a_mixed_page()
    {
        using var f = new ServiceFactory(seedDemo: false); // the demo's mobile stations would hold on to its communities
        var planner = f.Planner();
        const int count = 300;
        var first = await planner.PostAsync("/api/import/communities?crs=WGS84&mode=replace", Json.GeoJson(Generation(0, count)));
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());

        using var done = new CancellationTokenSource();
        var pages = 0;
        async Task ReadAsync(int seed)
        {
            var random = new Random(seed);
            var reader = f.CreateClient();
            while (!done.IsCancellationRequested)
            {
                var offset = random.Next(0, count - 100);
                var ogc = await (await reader.GetAsync($"/ogc/collections/communities/items?limit=100&offset={offset}")).ReadJsonAsync();
                Assert.Equal(100, ogc.FeatureCount());
                Assert.Single(Generations(ogc).Distinct());
                var all = await (await reader.GetAsync("/api/communities")).ReadJsonAsync();
                Assert.Equal(count, all.FeatureCount());
                Assert.Single(Generations(all).Distinct());
                Interlocked.Increment(ref pages);
            }
        }
        var readers = new[] { ReadAsync(1), ReadAsync(2) };
        for (var g = 1; g <= 6; g++)
        {
            var r = await planner.PostAsync("/api/import/communities?crs=WGS84&mode=replace", Json.GeoJson(Generation(g, count)));
            Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            // The readers read on between replaces (a bounded wait: a reader that failed has stopped reading).
            var seen = Volatile.Read(ref pages);
            for (var wait = 0; wait < 1000 && Volatile.Read(ref pages) < seen + 2 && !readers.Any(t => t.IsFaulted); wait++) await Task.Delay(10);
        }
        await done.CancelAsync();
        await Task.WhenAll(readers);
        Assert.True(pages >= 12, $"only {pages} pages were read while the layer was replaced");
        var last = await (await planner.GetAsync("/api/communities")).ReadJsonAsync();
        Assert.Equal(["G6"], Generations(last).Distinct());
    }

    [PostgresFact]
    public async Task Killing_the_service_during_a_PostgreSQL_import_leaves_the_old_layer_or_the_new()
    {
        var folder = Directory.CreateTempSubdirectory("recyclenet-kill-").FullName;
        var settings = TestStore.Settings(folder, seedDemo: false).ToDictionary();
        var database = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:RecycleNet"]).Database!;
        var (service, listening) = StartService(settings);
        try
        {
            using var http = new HttpClient { BaseAddress = await WaitUntilUpAsync(service, listening), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", ServiceFactory.Key);
            var old = await http.PostAsync("/api/import/communities?crs=WGS84&mode=replace", Json.GeoJson(Generation(0, 1000)));
            Assert.True(old.IsSuccessStatusCode, await old.Content.ReadAsStringAsync());
            var before = await CommunityNamesAsync(database);
            Assert.Equal(1000, before.Count);

            const int rows = 150_000;
            var import = http.PostAsync("/api/import/communities?crs=WGS84&mode=replace", Json.GeoJson(Generation(1, rows)));
            // Kill only once the import's transaction has written: it then holds an XID, visible in pg_stat_activity.
            var watch = Stopwatch.StartNew();
            var writing = false;
            while (!writing && watch.Elapsed < TimeSpan.FromMinutes(2) && !import.IsCompleted)
            {
                writing = await ScalarAsync<long>(database,
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()") > 0;
                if (!writing) await Task.Delay(20);
            }
            Assert.True(writing, "the import was never seen writing; nothing was tested. "
                + (import.IsCompletedSuccessfully ? $"It answered {(int)import.Result.StatusCode}: {await import.Result.Content.ReadAsStringAsync()}" : ""));
            // Well into the inserts: the table's file has grown by 4 MiB of rows not yet committed (an event, not a guess of time).
            var size = await ScalarAsync<long>(database, "SELECT pg_relation_size('communities')");
            while (!import.IsCompleted && watch.Elapsed < TimeSpan.FromMinutes(2)
                   && await ScalarAsync<long>(database, "SELECT pg_relation_size('communities')") < size + (4 << 20))
                await Task.Delay(10);
            service.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no rollback by the service
            await service.WaitForExitAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => import);

            var after = await CommunityNamesAsync(database);
            var outcome = after.SequenceEqual(before) ? "old" : after.Count == rows && after.All(n => n.StartsWith("G1-", StringComparison.Ordinal)) ? "new" : "mixed";
            Assert.NotEqual("mixed", outcome);
        }
        finally
        {
            if (!service.HasExited) service.Kill(entireProcessTree: true);
        }
    }

    /// <summary>
    /// The service as its own process (the build's RecycleNet.Api.dll), configured through the environment, on a port the
    /// system gives it (port 0): no port is picked and released before the child binds it. The task ends with the address
    /// the service says it listens on.
    /// </summary>
    private static (Process Service, Task<Uri> Listening) StartService(IReadOnlyDictionary<string, string> store)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (k, v) in store) start.Environment[k.Replace(":", "__")] = v;
        start.Environment["RecycleNet__PlannerKeys__0"] = ServiceFactory.Key;
        start.Environment["RecycleNet__PoliciesDirectory"] = RepoPaths.Policies;
        start.Environment["RecycleNet__DemoDataDirectory"] = RepoPaths.DemoRoot;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"; // "Now listening on: …"
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var p = Process.Start(start)!;
        p.OutputDataReceived += (_, e) =>
        {
            const string said = "Now listening on: ";
            if (e.Data?.IndexOf(said, StringComparison.Ordinal) is { } i and >= 0) listening.TrySetResult(new Uri(e.Data[(i + said.Length)..].Trim()));
        };
        p.ErrorDataReceived += (_, _) => { };
        p.EnableRaisingEvents = true;
        p.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the service exited at start-up"));
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return (p, listening.Task);
    }

    private static async Task<Uri> WaitUntilUpAsync(Process service, Task<Uri> listening)
    {
        var address = await listening.WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = address };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(service.HasExited, "the service exited at start-up");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return address;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        Assert.Fail("the service did not answer /health within 60 s");
        return address;
    }

    private static async Task<List<string>> CommunityNamesAsync(string database)
    {
        await using var c = new NpgsqlConnection(TestStore.ConnectionString(database, pooling: false));
        await c.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Name" FROM communities ORDER BY "Name" """, c);
        await using var r = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await r.ReadAsync()) names.Add(r.GetString(0));
        return names;
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var c = new NpgsqlConnection(TestStore.ConnectionString(database, pooling: false));
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
