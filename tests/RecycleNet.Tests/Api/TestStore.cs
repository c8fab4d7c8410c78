using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RecycleNet.Core.Demo;
using RecycleNet.Core.Database;

namespace RecycleNet.Tests.Api;

/// <summary>
/// The store the service tests run against. By default the embedded SQLite store, a file in the factory's folder (a demo one
/// copied from a template made once per run). With
/// <c>RECYCLENET_TEST_STORE=postgres</c> and <c>RECYCLENET_TEST_POSTGRES</c> naming a PostgreSQL 15 + PostGIS server
/// (an Npgsql connection string of a user who may create databases), the same suite runs against the PostgreSQL store:
/// each factory folder gets a database of its own, copied from a template that was migrated (and seeded with the demo)
/// once per run, and the run's databases are dropped when the test process ends. `.ci/run` runs the suite both ways.
/// </summary>
public static class TestStore
{
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("RECYCLENET_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>True when this run's service tests use the PostgreSQL store.</summary>
    public static readonly bool UsesPostgres =
        string.Equals(Environment.GetEnvironmentVariable("RECYCLENET_TEST_STORE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string Name => UsesPostgres ? "postgres" : "sqlite";

    private static readonly string RunPrefix = $"rn_test_{Environment.ProcessId}_";
    private static readonly ConcurrentDictionary<string, Lazy<string>> Databases = new();
    private static readonly ConcurrentDictionary<bool, Lazy<string>> Templates = new();

    static TestStore()
    {
        if (UsesPostgres && PostgresServer is null)
            throw new InvalidOperationException("RECYCLENET_TEST_STORE=postgres needs RECYCLENET_TEST_POSTGRES (an Npgsql connection string).");
        if (!UsesPostgres) return;
        DropDatabasesOfEndedRuns();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabases(n => n.StartsWith(RunPrefix, StringComparison.Ordinal));
    }

    /// <summary>The settings that point a factory over <paramref name="folder"/> at its store.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(string folder, bool seedDemo)
    {
        if (!UsesPostgres)
        {
            var file = Path.Combine(folder, "recyclenet.db");
            // A demo database is copied from one made once per run (migrated and seeded as the service would): seeding three
            // cities in every one of some seventy services cost the suite more than a minute. A folder that has its database
            // already (a restart) keeps it.
            if (seedDemo && !File.Exists(file)) File.Copy(SqliteTemplate.Value, file);
            yield return new("ConnectionStrings:RecycleNet", $"Data Source={file}");
            yield break;
        }
        yield return new("RecycleNet:Store", "postgres");
        yield return new("ConnectionStrings:RecycleNet", ConnectionString(DatabaseFor(folder, seedDemo)));
    }

    /// <summary>
    /// A factory over <paramref name="folder"/> was disposed: its pooled connections are closed now rather than after
    /// Npgsql's idle timeout, so a suite of hundreds of factories stays inside the server's max_connections.
    /// </summary>
    public static void Release(string folder)
    {
        if (!UsesPostgres || !Databases.TryGetValue(folder, out var db) || !db.IsValueCreated) return;
        using var c = new NpgsqlConnection(ConnectionString(db.Value));
        NpgsqlConnection.ClearPool(c);
    }

    /// <summary>
    /// An Npgsql connection string to <paramref name="database"/> on the test server. Each service's pool is capped: a
    /// suite keeps a dozen services alive at once (class fixtures), and their idle connections would otherwise add up past
    /// the server's max_connections; a request over the cap waits its turn. Idle connections close after 5 s, not
    /// Npgsql's 300: <see cref="Release"/> does not reach every pool (sessions of finished services stayed idle), and
    /// with 300 s some forty databases of finished tests each held ~3 idle sessions, the pass peaking at 280 of the
    /// cluster's 300 (measured; CI's stop 30 ran out: "too many clients"). With 5 s the pass peaks at 30.
    /// </summary>
    public static string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(PostgresServer)
        {
            Database = database, Pooling = pooling, MaxPoolSize = 20,
            ConnectionIdleLifetime = pooling ? 5 : 300, ConnectionPruningInterval = pooling ? 1 : 10,
        }.ConnectionString;

    /// <summary>The database of a folder: made once, from the seeded or the empty template (two factories on one folder share it).</summary>
    private static string DatabaseFor(string folder, bool seedDemo) => Databases.GetOrAdd(folder, f => new Lazy<string>(() =>
    {
        var name = RunPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(f)))[..16];
        Admin($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template(seedDemo)}\"");
        return name;
    })).Value;

    /// <summary>The SQLite demo database every seeded SQLite factory starts from: migrated, then each city seeded through the importer.</summary>
    /// <summary>The demo's monthly reports run to the latest full month, as the service seeds them.</summary>
    private static (RecycleNet.Core.Volumes.VolumeCategories, RecycleNet.Core.Volumes.ReportMonth) DemoVolumes =>
        (RecycleNet.Core.Volumes.VolumeCategories.Load(Path.Combine(RepoPaths.Root, "seeds", "volume-categories.json")),
            RecycleNet.Core.Volumes.ReportMonth.LatestFull(DateTimeOffset.UtcNow));

    private static readonly Lazy<string> SqliteTemplate = new(() =>
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("recyclenet-template-").FullName, "template.db");
        // Unpooled: nothing keeps the file open once it is made, and the copies are whole.
        var options = new DbContextOptionsBuilder<RecycleNetDb>().UseSqlite($"Data Source={file};Pooling=False").Options;
        using (var db = new RecycleNetDb(options, new CityScope(null))) db.Database.Migrate();
        DemoSeeder.SeedCitiesAsync(RecycleNet.Core.Cities.CityCatalog.Load(RepoPaths.Cities), RepoPaths.DemoRoot,
            city => new RecycleNetDb(options, new CityScope(city)), CancellationToken.None, DemoVolumes).GetAwaiter().GetResult();
        return file;
    });

    private static string Template(bool seedDemo) => Templates.GetOrAdd(seedDemo, seed => new Lazy<string>(() =>
    {
        var name = RunPrefix + (seed ? "template_demo" : "template_empty");
        Admin($"CREATE DATABASE \"{name}\"");
        Admin("CREATE EXTENSION IF NOT EXISTS postgis", name);
        // What the service does on its first start: migrate, then seed the demo. Unpooled, so no session stays open on
        // the template (CREATE DATABASE … TEMPLATE refuses a template in use).
        PostgresRecycleNetDb Context(string? city) => new(new DbContextOptionsBuilder<PostgresRecycleNetDb>()
            .UseNpgsql(ConnectionString(name, pooling: false), n => n.UseNetTopologySuite()).Options, new CityScope(city));
        using (var db = Context(null)) db.Database.Migrate();
        if (seed)
            DemoSeeder.SeedCitiesAsync(RecycleNet.Core.Cities.CityCatalog.Load(RepoPaths.Cities), RepoPaths.DemoRoot, Context, CancellationToken.None,
                DemoVolumes).GetAwaiter().GetResult();
        return name;
    })).Value;

    /// <summary>Runs one statement as the test server's user, in <paramref name="database"/> (default: postgres).</summary>
    public static void Admin(string sql, string database = "postgres")
    {
        using var c = new NpgsqlConnection(ConnectionString(database, pooling: false));
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The test host may end before its exit handler has dropped everything: what earlier runs left (their process is
    /// gone) is dropped when the next run starts.
    /// </summary>
    private static void DropDatabasesOfEndedRuns() => DropDatabases(n =>
        n.Split('_') is ["rn", "test", var pid, ..] && int.TryParse(pid, out var id) && id != Environment.ProcessId && !Running(id));

    private static bool Running(int pid)
    {
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static void DropDatabases(Func<string, bool> which)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            using var c = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
            c.Open();
            var names = new List<string>();
            using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, 'rn_test_')", c))
            using (var r = list.ExecuteReader())
                while (r.Read()) names.Add(r.GetString(0));
            foreach (var n in names.Where(which))
                using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{n}\" WITH (FORCE)", c)) drop.ExecuteNonQuery();
        }
        catch (NpgsqlException) { /* the server went first: nothing left to tidy */ }
    }
}

/// <summary>A fact about the PostgreSQL store only: skipped, with the reason, when the suite runs on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestStore.UsesPostgres)
            Skip = TestStore.PostgresServer is null
                ? "needs PostgreSQL 15 + PostGIS: set RECYCLENET_TEST_POSTGRES (and RECYCLENET_TEST_STORE=postgres), as .ci/run does"
                : "runs in the PostgreSQL pass of the suite (RECYCLENET_TEST_STORE=postgres)";
    }
}

/// <summary>A fact about the embedded SQLite store only (its file, its folder): skipped in the PostgreSQL pass.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestStore.UsesPostgres) Skip = "about the SQLite store's file; the PostgreSQL pass has its own test";
    }
}
