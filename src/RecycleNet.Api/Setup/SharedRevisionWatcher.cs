using Microsoft.Data.Sqlite;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Setup;

/// <summary>
/// Follows writes made to the database by other connections — another instance of the service on the same file,
/// or a tool — every <c>RecycleNet:RevisionPollMilliseconds</c> (default 500), and bumps the local
/// <see cref="StoreRevision"/> when there was one, so this process's city snapshot, OGC tables, tiles and analyses
/// are rebuilt from the store on their next read. Writes made here bump the local revision at once, as before.
/// SQLite keeps the count itself (<c>PRAGMA data_version</c> changes on a connection whenever another connection
/// has committed), so writes pay nothing for it: no trigger, no extra row to update. A commit that wrote no layer —
/// the heartbeat of a siting run — is told apart by the audit log, which every write through the service extends
/// in its own transaction: only a new audit entry counts. (Changes made to the file by other tools are not followed.)
/// </summary>
public sealed class SharedRevisionWatcher(StoreRevision revision, ServiceSetup.DatabaseSettings database, IConfiguration config,
    ILogger<SharedRevisionWatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var every = TimeSpan.FromMilliseconds(Math.Max(50, config.GetValue<int?>("RecycleNet:RevisionPollMilliseconds") ?? 500));
        // Its own connection, kept open: data_version compares commits by others with what this connection last saw.
        await using var connection = new SqliteConnection(database.ConnectionString);
        long? seen = null, audited = null;
        using var timer = new PeriodicTimer(every);
        do
        {
            try
            {
                if (connection.State != System.Data.ConnectionState.Open) { await connection.OpenAsync(stopping); seen = null; }
                var version = await ScalarAsync(connection, "PRAGMA data_version", stopping);
                if (seen != version)
                {
                    var last = await ScalarAsync(connection, "SELECT coalesce(max(Id), 0) FROM audit", stopping);
                    if (audited is { } before && before != last) revision.Bump();
                    (seen, audited) = (version, last);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                seen = null;
                // A busy or briefly missing database: bump (something may have changed unseen) and try again next tick.
                log.LogDebug(e, "Reading the database's data_version failed; retrying");
                revision.Bump();
                await connection.CloseAsync();
            }
        }
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
