using Microsoft.Data.Sqlite;

namespace RecycleNet.Core.Database;

/// <summary>
/// Whether a service runs on a SQLite store, as an OS lock on a file beside it (recyclenet.db.in-use): each running
/// service holds it shared (several instances may share one file), a restore needs it exclusively, so a restore under a
/// running service is refused instead of replacing pages beneath its caches. The OS drops the lock when the process
/// ends, however it ends; the file itself stays and means nothing.
/// </summary>
public static class SqliteStoreLock
{
    /// <summary>The lock's file for a store's connection string; null for an in-memory store.</summary>
    public static string? PathOf(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file and not ":memory:"
            ? Path.GetFullPath(file) + ".in-use" : null;

    /// <summary>Held by a running service (FileShare.ReadWrite: a shared lock, as other instances hold it too).</summary>
    public static IDisposable? Share(string connectionString) =>
        PathOf(connectionString) is { } path ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete) : null;

    /// <summary>Taken by a restore (FileShare.None: an exclusive lock); null while any service holds it.</summary>
    public static IDisposable? TryExclusive(string connectionString)
    {
        if (PathOf(connectionString) is not { } path) return new MemoryStream();
        try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException) { return null; }
    }
}
