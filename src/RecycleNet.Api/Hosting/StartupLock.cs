using System.Security.Cryptography;
using System.Text;
using Npgsql;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Hosting;

/// <summary>
/// Serialises the start-up work (migrations, the demo seed, the generated key) of instances that share a PostgreSQL
/// database, with a session-level advisory lock held on a connection of its own; released when disposed, or by the
/// server if the process dies. The lock lives in the maintenance database <c>postgres</c>, keyed by the store's
/// database name, because the store's own database may not exist yet: it is created here when missing (the user needs
/// CREATEDB for that; the README's set-up creates it beforehand). Nothing on SQLite.
/// </summary>
public static class StartupLock
{
    public static async Task<IAsyncDisposable> TakeAsync(StoreSettings store, CancellationToken ct)
    {
        if (store.Kind != StoreKind.Postgres) return new Nothing();
        var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false };
        var database = builder.Database ?? throw new InvalidOperationException("ConnectionStrings:RecycleNet names no Database.");
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("recyclenet-startup:" + database)));
        builder.Database = "postgres";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(ct);
        }
        // A database that does not exist yet is created here, under the lock, rather than by EF's migrator, which first
        // fails to connect to it and logs that failure as an error on every first start.
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
        }
        return connection; // closing the session releases the lock
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
