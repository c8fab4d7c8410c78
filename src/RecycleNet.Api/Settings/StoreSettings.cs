using Microsoft.Data.Sqlite;
using Npgsql;

namespace RecycleNet.Api.Settings;

/// <summary>The two stores: embedded SQLite (the default, one file) and PostgreSQL + PostGIS (a team, several instances).</summary>
public enum StoreKind { Sqlite, Postgres }

/// <summary>
/// Which store the service uses (<c>RecycleNet:Store</c> = <c>sqlite</c> | <c>postgres</c>) and its connection string
/// (<c>ConnectionStrings:RecycleNet</c>: a SQLite one, or an Npgsql one for PostgreSQL). A relative SQLite file is placed
/// under the content root (not wherever the process happened to start), and its folder is created.
/// </summary>
public sealed record StoreSettings(StoreKind Kind, string ConnectionString)
{
    public static StoreSettings From(IConfiguration config, string contentRoot)
    {
        var kind = (config["RecycleNet:Store"] ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" => StoreKind.Sqlite,
            "postgres" or "postgresql" => StoreKind.Postgres,
            var other => throw new InvalidOperationException($"RecycleNet:Store '{other}' is not a store: use sqlite or postgres."),
        };
        var raw = config.GetConnectionString("RecycleNet");
        if (kind == StoreKind.Postgres)
        {
            if (string.IsNullOrWhiteSpace(raw))
                throw new InvalidOperationException("RecycleNet:Store is postgres: ConnectionStrings:RecycleNet must name the database (Host=…;Database=…;Username=…).");
            return new(kind, new NpgsqlConnectionStringBuilder(raw).ConnectionString);
        }
        var builder = new SqliteConnectionStringBuilder(raw ?? "Data Source=App_Data/recyclenet.db");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        return new(kind, builder.ToString());
    }

    /// <summary>The SQLite file's folder, where the generated planner key is kept; none for PostgreSQL.</summary>
    public string? Folder => Kind == StoreKind.Sqlite
        ? Path.GetDirectoryName(new SqliteConnectionStringBuilder(ConnectionString).DataSource) ?? "."
        : null;

    /// <summary>What the log may show: PostgreSQL's password is left out.</summary>
    public string Describe()
    {
        if (Kind == StoreKind.Sqlite) return $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }
}
