using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Demo;
using RecycleNet.Core.Import;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Volumes;
using RecycleNet.Core.Database;

namespace RecycleNet.Bench;

/// <summary>
/// Five years of monthly reports of a large city: `dotnet run -c Release --project bench/RecycleNet.Bench -- volumes
/// [facilities]`. On a fresh SQLite store (and on PostgreSQL + PostGIS when RECYCLENET_BENCH_POSTGRES holds an Npgsql
/// connection string to a server the harness may create a database on): Jinan's demo layers, outlets added to make
/// 2,000 reporting facilities, then one wide report (a row per facility and month, a column per category: 60 months ×
/// 2,000 facilities × 10 categories = 1.2 M figures) read, checked and stored by the import's own code (VolumeImporter,
/// VolumeStore), in the sizes the import limits allow (120,000 rows, 1.2 M figures). Then the scorecard's volume section
/// — every target of the policy measured from the store: the summary the database aggregates, and the measurement — cold
/// (a new context, the first call) and the median of 20 calls; and a resubmission of one month of 2,000 facilities.
/// </summary>
public static class VolumeHarness
{
    public static int Run(string[] args)
    {
        var facilities = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        Console.WriteLine($"cores: {Environment.ProcessorCount}; facilities: {facilities}");
        var sqlite = Path.Combine(Directory.CreateTempSubdirectory("recyclenet-volumes-").FullName, "bench.db");
        RunOne("SQLite", () => new RecycleNetDb(new DbContextOptionsBuilder<RecycleNetDb>().UseSqlite($"Data Source={sqlite}").Options, new CityScope("jinan")),
            facilities);
        if (Environment.GetEnvironmentVariable("RECYCLENET_BENCH_POSTGRES") is { Length: > 0 } server)
        {
            var name = $"rn_bench_volumes_{Environment.ProcessId}";
            Admin(server, $"CREATE DATABASE \"{name}\"");
            try
            {
                var cs = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
                Admin(cs, "CREATE EXTENSION IF NOT EXISTS postgis");
                RunOne("PostgreSQL", () => new PostgresRecycleNetDb(new DbContextOptionsBuilder<PostgresRecycleNetDb>()
                    .UseNpgsql(cs, n => n.UseNetTopologySuite()).Options, new CityScope("jinan")), facilities);
            }
            finally
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                Admin(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
        else Console.WriteLine("PostgreSQL: skipped (set RECYCLENET_BENCH_POSTGRES to an Npgsql connection string)");
        return 0;
    }

    private static void Admin(string cs, string sql)
    {
        using var c = new Npgsql.NpgsqlConnection(cs);
        c.Open();
        using var cmd = new Npgsql.NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    private static void RunOne(string store, Func<RecycleNetDb> context, int facilityCount)
    {
        var categories = VolumeCategories.Load(Path.Combine(Program.RepoRoot, "seeds", "volume-categories.json"));
        var policy = PolicyCatalog.Load(Path.Combine(Program.RepoRoot, "seeds", "policies")).Find("jinan-2024")!;
        var latest = ReportMonth.LatestFull(DateTimeOffset.UtcNow);
        var watch = Stopwatch.StartNew();
        using (var db = context())
        {
            db.Database.Migrate();
            DemoSeeder.SeedAsync(db, Path.Combine(Program.RepoRoot, "data", "jinan"), CancellationToken.None).GetAwaiter().GetResult();
        }
        FacilityDirectory directory;
        using (var db = context())
        {
            AddOutlets(db, facilityCount + 20); // a few demo outlets closed: they may not report after

            var city = CitySnapshotLoader.LoadAsync(db).GetAwaiter().GetResult();
            directory = new VolumeStore(db).DirectoryAsync(city, CancellationToken.None).GetAwaiter().GetResult();
        }
        var reporting = directory.All.Where(f => f.ClosedOn is null).Take(facilityCount).ToList();
        Console.WriteLine($"{store}: store with {reporting.Count} reporting facilities made in {watch.ElapsedMilliseconds} ms");

        // One wide report: 8 categories in tonnes, appliances in 台, vehicles in 辆.
        var columns = categories.All.Select(c => (Header: $"{c.LabelZh}({categories.Unit(c.MeasuredIn).LabelZh})", c)).ToList();
        var first = latest.Plus(-59);
        var csv = new StringBuilder("facilityType,facilityId,统计月份," + string.Join(",", columns.Select(c => c.Header)) + "\n");
        var rng = new Random(15);
        foreach (var f in reporting)
            foreach (var m in ReportMonth.Range(first, latest))
            {
                csv.Append(FacilityDirectory.RouteOf(f.Kind)).Append(',').Append(f.Id).Append(',').Append(m);
                foreach (var (_, c) in columns)
                    csv.Append(',').Append(c.MeasuredIn == "t" ? (rng.Next(100, 20_000) / 1000.0).ToString(CultureInfo.InvariantCulture) : rng.Next(0, 80).ToString(CultureInfo.InvariantCulture));
                csv.Append('\n');
            }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        csv.Clear();
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(true);
        watch.Restart();
        var rows = TableRowReader.ReadCsv(bytes);
        var read = watch.Elapsed.TotalMilliseconds;
        var sheet = new VolumeImporter(categories, directory, new VolumeImportOptions { LatestMonth = latest }).Read(rows);
        var checkedMs = watch.Elapsed.TotalMilliseconds;
        if (sheet.Errors.Count > 0) throw new InvalidOperationException(string.Join("; ", sheet.Errors.Take(3)));
        VolumeWriteResult result;
        using (var db = context())
            result = new VolumeStore(db).ApplyAsync(sheet.Figures, new AuditEntry { At = DateTime.UtcNow, Planner = "bench", Action = "import", Target = "volumes" },
                dryRun: false, CancellationToken.None).GetAwaiter().GetResult();
        var total = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"{store}: imported {result.Inserted:N0} figures ({rows.Count:N0} rows, {bytes.Length / 1048576.0:0.0} MiB CSV) in {total / 1000:0.0} s: " +
                          $"read {read / 1000:0.0} s, checked {(checkedMs - read) / 1000:0.0} s, stored {(total - checkedMs) / 1000:0.0} s; " +
                          $"allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0:N0} MiB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB");
        rows = null;
        sheet = null;
        GC.Collect();

        // The scorecard's volume section: the summary the database aggregates, then every target measured.
        var times = new List<double>();
        double cold = 0;
        VolumeInputs? inputs = null;
        for (var i = 0; i < 21; i++)
        {
            watch.Restart();
            using (var db = context())
            {
                var summary = new VolumeStore(db).SummaryAsync(directory, categories, policy.Targets, latest, new VolumeProgressOptions(), CancellationToken.None)
                    .GetAwaiter().GetResult();
                inputs = new VolumeInputs(summary, categories, new VolumeProgressOptions());
                foreach (var t in policy.Targets)
                    if (categories.ForMetric(t.Metric) is { } c) VolumeProgressOp.Measure(t, c, categories.Unit(c.MeasuredIn), summary, inputs.Options);
            }
            if (i == 0) cold = watch.Elapsed.TotalMilliseconds;
            else times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        // Where the time goes: each of the summary's reads on its own (median of 5).
        using (var db = context())
        {
            var vs = new VolumeStore(db);
            var ids = categories.All.Where(c => c.Metrics is { Count: > 0 }).Select(c => c.Id).ToList();
            var from = new ReportMonth(2023, 1);
            foreach (var (part, run) in new (string, Func<Task>)[]
                     {
                         ("monthly totals", () => vs.MonthTotalsAsync(ids, new ReportMonth(latest.Year - 5, 1), latest, CancellationToken.None)),
                         ("spans", () => vs.SpansAsync(ids, from, CancellationToken.None)),
                         ("tonnes", () => vs.TonnesAsync(latest.Plus(-11), latest, CancellationToken.None)),
                     })
            {
                var t = new List<double>();
                for (var i = 0; i < 5; i++) { watch.Restart(); run().GetAwaiter().GetResult(); t.Add(watch.Elapsed.TotalMilliseconds); }
                t.Sort();
                Console.WriteLine($"{store}:   {part}: median {t[2]:0.0} ms");
            }
        }
        var measured = policy.Targets.Count(t => categories.ForMetric(t.Metric) is not null);
        Console.WriteLine($"{store}: scorecard volume section ({measured} targets, {inputs!.Summary.Monthly.Count:N0} monthly totals, {inputs.Summary.Spans.Count:N0} spans): " +
                          $"first call {cold:0} ms, median {times[times.Count / 2]:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}) over {times.Count}");

        // A month resubmitted by every facility: every figure replaced, the changes kept.
        var fix = new StringBuilder("facilityType,facilityId,统计月份," + string.Join(",", columns.Select(c => c.Header)) + "\n");
        foreach (var f in reporting)
        {
            fix.Append(FacilityDirectory.RouteOf(f.Kind)).Append(',').Append(f.Id).Append(',').Append(latest);
            foreach (var (_, c) in columns) fix.Append(',').Append(c.MeasuredIn == "t" ? "1.5" : "3");
            fix.Append('\n');
        }
        watch.Restart();
        var again = new VolumeImporter(categories, directory, new VolumeImportOptions { LatestMonth = latest }).Read(TableRowReader.ReadCsv(Encoding.UTF8.GetBytes(fix.ToString())));
        using (var db = context())
            result = new VolumeStore(db).ApplyAsync(again.Figures, new AuditEntry { At = DateTime.UtcNow, Planner = "bench", Action = "import", Target = "volumes" },
                dryRun: false, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"{store}: a month resubmitted by {reporting.Count:N0} facilities ({result.Inserted:N0} figures, {result.Corrections.Count:N0} corrections kept) " +
                          $"in {watch.ElapsedMilliseconds} ms");
    }

    /// <summary>Outlets at the demo's communities until the city has <paramref name="facilities"/> reporting facilities.</summary>
    private static void AddOutlets(RecycleNetDb db, int facilities)
    {
        var existing = db.Outlets.Count() + db.SortingCenters.Count() + db.Enterprises.Count();
        var communities = db.Communities.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Geometry).ToList();
        var rng = new Random(7);
        var rows = new List<ImportRow>();
        for (var i = 0; i < facilities - existing; i++)
        {
            var at = communities[rng.Next(communities.Count)].Centroid;
            rows.Add(new ImportRow(i + 2, new NetTopologySuite.Geometries.Point(at.X + 0.0003, at.Y + 0.0002),
                new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["name"] = $"基准网点{i:0000}", ["kind"] = "fixed", ["openedOn"] = "2019-01-01" }));
        }
        if (rows.Count == 0) return;
        var result = new LayerImporter(db, new ImportOptions()).ImportAsync(OutletLayer.Instance, rows, DeclaredCrs.Wgs84, ImportMode.Append, CancellationToken.None)
            .GetAwaiter().GetResult();
        if (!result.Applied) throw new InvalidOperationException(string.Join("; ", result.Errors.Take(3)));
    }
}
