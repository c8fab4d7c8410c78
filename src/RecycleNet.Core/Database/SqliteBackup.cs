using Microsoft.Data.Sqlite;

namespace RecycleNet.Core.Database;

/// <summary>What a backup holds: its file, size, tables and the newest migration it carries.</summary>
public sealed record BackupSummary(string Path, long Bytes, int Tables, string? Migration);

/// <summary>
/// Backups of the embedded store with SQLite's online backup API: a consistent copy of every page while the service
/// reads and writes (WAL readers and writers go on; the copy is one read transaction). A backup is written beside its
/// name and renamed only once <c>PRAGMA integrity_check</c> says ok, so a half-written file is never taken for one.
/// A restore checks the backup the same way, and that it is a RecycleNet store, before it replaces the target's pages;
/// the service's next start migrates it forward if it is older.
/// </summary>
public static class SqliteBackup
{
    /// <exception cref="InvalidOperationException">The path exists, or the copy did not check out.</exception>
    public static BackupSummary Backup(string connectionString, string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (File.Exists(path)) throw new InvalidOperationException($"{path} exists already: a backup never overwrites a file");
        var partial = path + ".partial";
        File.Delete(partial);
        try
        {
            using (var source = Open(connectionString, readOnly: true))
            using (var target = Open($"Data Source={partial};Pooling=False", readOnly: false))
                source.BackupDatabase(target);
            var summary = Check(partial);
            File.Move(partial, path);
            return summary with { Path = path };
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(partial);
        }
    }

    /// <summary>Replaces the store's contents by the backup's; refused while a service runs on it (<see cref="SqliteStoreLock"/>).</summary>
    public static BackupSummary Restore(string path, string connectionString)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path)) throw new InvalidOperationException($"{path} does not exist");
        var summary = Check(path);
        using var alone = SqliteStoreLock.TryExclusive(connectionString)
            ?? throw new InvalidOperationException($"{new SqliteConnectionStringBuilder(connectionString).DataSource} is in use by a running RecycleNet service: stop it (every instance on this file), then restore");
        using (var source = Open($"Data Source={path};Mode=ReadOnly;Pooling=False", readOnly: true))
        using (var target = Open(connectionString, readOnly: false))
            source.BackupDatabase(target);
        SqliteConnection.ClearAllPools();
        return summary;
    }

    /// <summary>The file is a whole SQLite database (integrity_check) holding a RecycleNet store (its migrations' history).</summary>
    public static BackupSummary Check(string path)
    {
        using var c = Open($"Data Source={path};Mode=ReadOnly;Pooling=False", readOnly: true);
        string? Scalar(string sql)
        {
            using var command = c.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar()?.ToString();
        }
        string? integrity;
        try { integrity = Scalar("PRAGMA integrity_check"); }
        catch (SqliteException e) { throw new InvalidOperationException($"{path} is not a SQLite database: {e.Message}"); }
        if (integrity != "ok") throw new InvalidOperationException($"{path} is damaged: integrity_check says {integrity}");
        if (Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'") != "1")
            throw new InvalidOperationException($"{path} is not a RecycleNet store (it has no migrations' history)");
        var tables = int.Parse(Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var migration = Scalar("SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1");
        return new BackupSummary(path, new FileInfo(path).Length, tables, migration);
    }

    private static SqliteConnection Open(string connectionString, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (readOnly && builder.Mode == SqliteOpenMode.ReadWriteCreate && builder.DataSource != ":memory:") builder.Mode = SqliteOpenMode.ReadOnly;
        var c = new SqliteConnection(builder.ToString());
        c.Open();
        return c;
    }
}
