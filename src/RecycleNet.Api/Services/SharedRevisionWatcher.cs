using Microsoft.Data.Sqlite;
using Npgsql;
using RecycleNet.Core.Database;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Services;

/// <summary>
/// Follows writes made to the store by other connections — another instance of the service on the same database, or
/// a tool — and bumps the local <see cref="StoreRevision"/> when there was one, so this process's city snapshot, OGC
/// tables, tiles and analyses are rebuilt from the store on their next read; the walking network is reloaded when it was
/// replaced. Writes made here bump the local revision at once, as before. Every write through the service adds an audit
/// entry in its own transaction, naming what it wrote, so a new audit entry is the store-wide revision, and its target
/// says which layer's views to rebuild:
/// <list type="bullet">
/// <item>PostgreSQL: a trigger on the audit table notifies <c>recyclenet_revision</c> when such a transaction commits, and
/// this watcher LISTENs on a connection of its own: other instances follow within milliseconds.</item>
/// <item>SQLite keeps a count of commits by others (<c>PRAGMA data_version</c>), read every
/// <c>RecycleNet:RevisionPollMilliseconds</c> (default 200); when it moved, only a new audit entry counts — a commit that
/// wrote no layer, the heartbeat of a siting run, does not.</item>
/// </list>
/// (Changes made to the tables by other tools, without an audit entry, are not followed.)
/// </summary>
public sealed class SharedRevisionWatcher(StoreRevision revision, StoreSettings store, CityServices cities, IConfiguration config,
    ILogger<SharedRevisionWatcher> log) : BackgroundService
{
    /// <summary>The channel the audit trigger of the PostgreSQL migrations notifies.</summary>
    public const string Channel = "recyclenet_revision";

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once the watcher follows the store (listening, or its first poll taken): later writes by others reach this instance.</summary>
    public Task Ready => _ready.Task;

    private TimeSpan Every => TimeSpan.FromMilliseconds(Math.Max(50, config.GetValue<int?>("RecycleNet:RevisionPollMilliseconds") ?? 200));

    protected override Task ExecuteAsync(CancellationToken stopping) =>
        store.Kind == StoreKind.Postgres ? ListenAsync(stopping) : PollSqliteAsync(stopping);

    /// <summary>Another connection wrote <paramref name="targets"/> (audit entries' cities and targets; none known: anything may have changed).</summary>
    private void Changed(IReadOnlyCollection<(string? City, string? Target)>? targets = null)
    {
        if (targets is null)
        {
            revision.Bump();
            foreach (var state in cities.Made) state.Network.StoreChanged();
            return;
        }
        foreach (var (city, target) in targets)
        {
            revision.Bump(city, StoreRevision.TableOf(target) is { } table ? [table] : []);
            if (target == "network")
                foreach (var state in cities.Made.Where(s => city is null || s.City.Id == city)) state.Network.StoreChanged();
        }
    }

    /// <summary>The trigger's payload, "city/target" (a bare target from a database migrated before cities: any city).</summary>
    private static (string? City, string? Target) Payload(string payload) =>
        payload.IndexOf('/') is var i and >= 0 ? (payload[..i], payload[(i + 1)..]) : (null, payload);

    private async Task ListenAsync(CancellationToken stopping)
    {
        // Not pooled: LISTEN belongs to the session, which this watcher keeps for itself.
        var cs = new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(cs);
                await connection.OpenAsync(stopping);
                connection.Notification += (_, e) => Changed([Payload(e.Payload)]);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stopping);
                Changed(); // whatever happened while this session was not listening
                _ready.TrySetResult();
                while (true) await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                log.LogWarning(e, "Listening for the store's revision failed; retrying in {Every}", Every);
                Changed();
                try { await Task.Delay(Every, stopping); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task PollSqliteAsync(CancellationToken stopping)
    {
        // Its own connection, kept open: data_version compares commits by others with what this connection last saw.
        await using var connection = new SqliteConnection(store.ConnectionString);
        long? seen = null, audited = null;
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                if (connection.State != System.Data.ConnectionState.Open) { await connection.OpenAsync(stopping); seen = null; }
                var version = await ScalarAsync(connection, "PRAGMA data_version", stopping);
                if (seen != version)
                {
                    var last = await ScalarAsync(connection, "SELECT coalesce(max(Id), 0) FROM audit", stopping);
                    if (audited is { } before && before != last) Changed(await TargetsAsync(connection, before, stopping));
                    (seen, audited) = (version, last);
                }
                _ready.TrySetResult();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                seen = null;
                // A busy or briefly missing database: bump (something may have changed unseen) and try again next tick.
                log.LogDebug(e, "Reading the database's data_version failed; retrying");
                Changed();
                await connection.CloseAsync();
            }
        }
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false));
    }

    /// <summary>What the audit entries after <paramref name="after"/> name: the cities and layers other connections wrote.</summary>
    private static async Task<List<(string?, string?)>> TargetsAsync(SqliteConnection connection, long after, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT CityId, Target FROM audit WHERE Id > $after";
        command.Parameters.AddWithValue("$after", after);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var targets = new List<(string?, string?)>();
        while (await reader.ReadAsync(ct)) targets.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return targets;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
