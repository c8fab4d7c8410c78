using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace RecycleNet.Api.Setup;

/// <summary>
/// Serialises the start-up work (migrations, the demo seed, the generated key) of instances that share a PostgreSQL
/// database, with a session-level advisory lock held on a connection of its own; released when disposed, or by the
/// server if the process dies. The lock lives in the maintenance database <c>postgres</c>, keyed by the store's
/// database name, because the store's own database may not exist yet (the migrations create it). Nothing on SQLite.
/// </summary>
public static class StartupLock
{
    public static async Task<IAsyncDisposable> TakeAsync(StoreSettings store, CancellationToken ct)
    {
        if (store.Kind != StoreKind.Postgres) return new Nothing();
        var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false };
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("recyclenet-startup:" + builder.Database)));
        builder.Database = "postgres";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(ct);
        }
        return connection; // closing the session releases the lock
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
