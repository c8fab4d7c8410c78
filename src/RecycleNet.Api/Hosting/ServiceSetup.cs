using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Plans;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Demo;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Database;
using RecycleNet.Api.Auth;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Services;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Hosting;

/// <summary>Service registration and start-up work (migrations, demo data, planner key), out of Program.cs.</summary>
public static class ServiceSetup
{
    public static void AddRecycleNet(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RecycleNetOptions>(builder.Configuration.GetSection("RecycleNet"));
        // The store is chosen before the container is built: the two contexts are different types with their own migrations.
        var store = StoreSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(store);
        services.AddHostedService<StoreInUse>(); // while it serves, a restore of its SQLite file is refused
        services.AddSingleton<StoreRevision>();
        services.AddHostedService<SharedRevisionWatcher>();
        if (store.Kind == StoreKind.Postgres)
            services.AddDbContext<RecycleNetDb, PostgresRecycleNetDb>((sp, o) => o
                .UseNpgsql(store.ConnectionString, n => n.UseNetTopologySuite())
                .AddInterceptors(sp.GetRequiredService<StoreRevision>().Interceptors));
        else
            services.AddDbContext<RecycleNetDb>((sp, o) => o.UseSqlite(store.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<StoreRevision>().Interceptors));
        services.AddSingleton(sp => PlannerKeys.Load(sp.GetRequiredService<IOptionsMonitor<RecycleNetOptions>>(), sp.GetRequiredService<CityCatalog>(), store.Folder,
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("RecycleNet.Keys")));
        services.AddSingleton(sp => PolicyCatalog.Load(sp.GetRequiredService<IOptions<RecycleNetOptions>>().Value.ResolvedPoliciesDirectory));
        services.AddSingleton(sp => CityCatalog.Load(sp.GetRequiredService<IOptions<RecycleNetOptions>>().Value.ResolvedCitiesFile,
            sp.GetRequiredService<PolicyCatalog>()));
        // Every unit of work has a city (CityRouting sets the request's); the per-city state is reached through it.
        services.AddScoped<CityScope>();
        services.AddSingleton<CityServices>();
        services.AddScoped(sp => sp.GetRequiredService<CityServices>().For(sp.RequireCity()).Network);
        services.AddScoped(sp => sp.GetRequiredService<CityServices>().For(sp.RequireCity()).Snapshot);
        services.AddScoped(sp => sp.GetRequiredService<CityServices>().For(sp.RequireCity()).Features);
        services.AddScoped(sp => sp.GetRequiredService<CityServices>().For(sp.RequireCity()).Volumes);
        services.AddSingleton(sp => Core.Volumes.VolumeCategories.Load(sp.GetRequiredService<IOptions<RecycleNetOptions>>().Value.ResolvedVolumeCategoriesFile));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped(sp => new VolumeStore(sp.GetRequiredService<RecycleNetDb>(), sp.GetRequiredService<StoreRevision>()));
        services.AddRecycleNetAuthentication(builder.Configuration);
        services.AddBindingProblems();
        services.ReplaceHostFiltering();
        services.AddRecycleNetRateLimits(builder.Configuration);
        services.AddOpenApi(Http.OpenApiContracts.Configure);
        // OGC API – Features asks for OpenAPI 3.0 (conformance class oas30); its routes get their own document.
        services.AddOpenApi("ogc", Ogc.OgcOpenApi.Configure);
        services.AddScoped<FeatureStore>();
        services.AddScoped<SitingRunStore>();
        services.AddScoped<EnterpriseStore>();
        services.AddScoped<NetworkFileStore>();
        services.AddScoped<PlannerKeyStore>();
        services.AddScoped<PlanStore>();
        services.AddScoped<StoreHealth>();
        services.AddSingleton<FeatureCollections>();
        services.AddSingleton<ScorecardCache>();
        services.AddSingleton<CoverageCache>();
        services.Configure<Settings.SitingSettings>(builder.Configuration.GetSection("RecycleNet:Siting"));
        services.AddScoped<Siting.SitingRunner>();
        services.AddSingleton<Siting.SitingJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<Siting.SitingJobs>());
        // Scheduled backups of the embedded store; a setting that cannot work stops the start, naming it.
        var backups = builder.Configuration.GetSection("RecycleNet:Backups").Get<BackupSettings>() ?? new BackupSettings();
        if (backups.Problem(store.Kind) is { } backupProblem) throw new InvalidOperationException(backupProblem);
        services.Configure<BackupSettings>(builder.Configuration.GetSection("RecycleNet:Backups"));
        services.AddSingleton<BackupStatus>();
        services.AddHostedService<ScheduledBackups>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        builder.WebHost.ConfigureKestrel((ctx, k) =>
        {
            // Our own reader answers oversized bodies with problem+json; Kestrel's cap sits just above it.
            var max = ctx.Configuration.GetValue<long?>("RecycleNet:MaxImportBytes") ?? new RecycleNetOptions().MaxImportBytes;
            k.Limits.MaxRequestBodySize = max + 1024 * 1024;
        });
    }

    /// <summary>Applies migrations; a database created just now gets the demo data unless RecycleNet:SeedDemo is false.</summary>
    public static async Task InitializeAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RecycleNet.Startup");
        var options = app.Services.GetRequiredService<IOptions<RecycleNetOptions>>().Value;
        var store = app.Services.GetRequiredService<StoreSettings>();
        var cities = app.Services.GetRequiredService<CityCatalog>(); // a broken seed fails the start (policies, then cities), not a request
        if (Http.PublicAddress.Check(options.PublicBaseUrl) is { } badUrl) throw new InvalidOperationException(badUrl);
        // Uploads of instances that were killed mid-read: their temporary files would otherwise stay until the machine restarts.
        if (RecycleNet.Core.Network.NetworkTempFiles.SweepOrphans() is > 0 and var swept)
            log.LogInformation("Removed {Count} temporary upload file(s) left by stopped instances", swept);
        using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateCityScope(null); // migrations see every city
        var db = scope.ServiceProvider.GetRequiredService<RecycleNetDb>();
        // Several instances may start at once on one PostgreSQL database: one migrates and seeds, the others wait and
        // then find the database existing. (SQLite has one process per file in practice; EF locks its migrations there.)
        await using (await StartupLock.TakeAsync(store, app.Lifetime.ApplicationStopping))
        {
            // EF's migrator reads the history table before it creates it, and logs that as a failed command on every first
            // start on PostgreSQL (npgsql/efcore.pg#3407): an operator's first sight would be two "fail" lines. It is made first.
            // SQLite in write-ahead-log mode: readers (the revision watcher, cache loads, OGC pages) never block a writer nor a
            // writer them, so a write at start-up no longer meets "database is locked" from the siting housekeeping or a
            // second instance's reads. The mode is kept in the file.
            if (store.Kind == StoreKind.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript());
            var fresh = !(await db.Database.GetAppliedMigrationsAsync()).Any();
            await db.Database.MigrateAsync();
            log.LogInformation("Database: {Db} ({State})", store.Describe(), fresh ? "created" : "existing");
            if (fresh && options.SeedDemo)
            {
                var scopes = new List<IServiceScope>();
                var seeded = await DemoSeeder.SeedCitiesAsync(cities, options.ResolvedDemoDataDirectory, city =>
                {
                    var cityScope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateCityScope(city);
                    scopes.Add(cityScope);
                    return cityScope.ServiceProvider.GetRequiredService<RecycleNetDb>();
                }, app.Lifetime.ApplicationStopping, (app.Services.GetRequiredService<Core.Volumes.VolumeCategories>(),
                    Core.Volumes.ReportMonth.LatestFull(app.Services.GetRequiredService<TimeProvider>().GetUtcNow())));
                foreach (var s in scopes) s.Dispose();
                foreach (var (city, counts, ms) in seeded)
                    log.LogInformation("Seeded the SYNTHETIC {City} demo data in {Ms} ms: {Counts}", city.NameEn, ms,
                        string.Join(", ", counts.Select(c => $"{c.Count} {c.Layer}")));
            }
            app.Services.GetRequiredService<PlannerKeys>(); // created (and printed, if new) at start-up, not on the first write
        }
        // So does a broken configured or stored network. The configured file is the default city's.
        foreach (var city in cities.All)
            await app.Services.GetRequiredService<CityServices>().For(city.Id).Network.LoadAtStartupAsync(
                city == cities.Default ? options.NetworkPath : null, app.Lifetime.ApplicationStopping);
    }
}
