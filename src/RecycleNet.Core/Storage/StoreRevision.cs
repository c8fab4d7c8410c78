using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RecycleNet.Core.Storage;

/// <summary>
/// A number that changes whenever the store may have changed, so in-memory views (feature tables, the city
/// snapshot) can be kept until then. It is bumped by every write command and every commit on the service's
/// contexts — the interceptors sit under EF, so no write path can forget it, ExecuteDelete included.
/// A reader takes <see cref="Value"/> before it reads and files what it built under that value: a write
/// that lands meanwhile bumps the number again, so nothing stale is kept.
/// </summary>
public sealed class StoreRevision
{
    /// <summary>The tables whose writes the cached views depend on (the audit goes with each of them).</summary>
    private static readonly string[] LayerTables = ["districts", "communities", "outlets", "sorting_centers", "enterprises", "audit"];

    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);

    /// <summary>The interceptors to add to a context's options.</summary>
    public IInterceptor[] Interceptors => [new WriteInterceptor(this), new CommitInterceptor(this)];

    private sealed class WriteInterceptor(StoreRevision revision) : DbCommandInterceptor
    {
        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Note(command);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Note(command);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
            DbDataReader result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        // SaveChanges inserts with "INSERT … RETURNING", a reader; only plain reads (and a read's SET LOCAL) leave the revision alone, and the
        // bookkeeping of siting runs (a heartbeat every second while one runs, the proposals of a done one), which no layer,
        // table or analysis reads: siting-proposals follows the runs by a version of its own.
        private void Note(DbCommand command)
        {
            var text = command.CommandText.AsSpan().TrimStart();
            if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("SET LOCAL", StringComparison.OrdinalIgnoreCase)) return;
            if (IsRunBookkeeping(command.CommandText)) return;
            revision.Bump();
        }

        // SQLite's SQL quotes every table name; PostgreSQL's leaves lower-case ones bare (UPDATE siting_runs AS s …).
        private static bool IsRunBookkeeping(string sql) =>
            (Names(sql, "siting_runs") || Names(sql, "siting_proposals")) && !LayerTables.Any(t => Names(sql, t));

        private static bool Names(string sql, string table) =>
            System.Text.RegularExpressions.Regex.IsMatch(sql, $@"(?<![\w""])""?{table}""?(?![\w""])");
    }

    private sealed class CommitInterceptor(StoreRevision revision) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => revision.Bump();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            revision.Bump();
            return Task.CompletedTask;
        }
    }
}
