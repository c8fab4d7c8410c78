using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RecycleNet.Core.Storage;

/// <summary>
/// Numbers that change whenever the store may have changed, so in-memory views (feature tables, the city snapshot)
/// can be kept until then: <see cref="Value"/> for the whole store, and <see cref="Of"/> for each layer table, so that
/// saving an outlet does not make a million communities load again. They are bumped by every write command and every
/// commit on the service's contexts — the interceptors sit under EF, so no write path can forget them, ExecuteDelete
/// included — with the tables the SQL names (a commit bumps the tables written in its transaction), and by the
/// revision watcher for writes by other instances, with the layer their audit entries name.
/// A reader takes the number before it reads and files what it built under it: a write that lands meanwhile bumps
/// the number again, so nothing stale is kept.
/// </summary>
public sealed class StoreRevision
{
    /// <summary>The tables whose writes the cached views depend on (the audit goes with each of them).</summary>
    public static readonly string[] LayerTables = ["districts", "communities", "outlets", "sorting_centers", "enterprises", "audit"];

    private long _value;
    private readonly long[] _tables = new long[LayerTables.Length];

    public long Value => Interlocked.Read(ref _value);

    /// <summary>The revision of one of <see cref="LayerTables"/>: moves when that table may have changed.</summary>
    public long Of(string table) => Interlocked.Read(ref _tables[Index(table)]);

    /// <summary>Something changed, nobody knows what: every table's revision moves.</summary>
    public void Bump() => Bump(LayerTables);

    /// <summary><paramref name="tables"/> (of <see cref="LayerTables"/>; others are ignored) may have changed, and so the store.</summary>
    public void Bump(IEnumerable<string> tables)
    {
        foreach (var t in tables)
            if (Array.IndexOf(LayerTables, t) is var i and >= 0) Interlocked.Increment(ref _tables[i]);
        Interlocked.Increment(ref _value);
    }

    /// <summary>The table a layer or audit target is kept in ("sorting-centers" → sorting_centers), or null for other targets.</summary>
    public static string? TableOf(string? target) => target?.Replace('-', '_') is { } t && Array.IndexOf(LayerTables, t) >= 0 ? t : null;

    private static int Index(string table) => Array.IndexOf(LayerTables, table) is var i and >= 0 ? i
        : throw new ArgumentException($"'{table}' is not a layer table", nameof(table));

    /// <summary>The layer tables a statement names.</summary>
    private static List<string> TablesIn(string sql) => [.. LayerTables.Where(t => Names(sql, t))];

    /// <summary>The interceptors to add to a context's options.</summary>
    public IInterceptor[] Interceptors
    {
        get
        {
            var written = new System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, HashSet<string>>();
            return [new WriteInterceptor(this, written), new CommitInterceptor(this, written)];
        }
    }

    private sealed class WriteInterceptor(StoreRevision revision,
        System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, HashSet<string>> written) : DbCommandInterceptor
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
            var tables = TablesIn(command.CommandText);
            revision.Bump(tables);
            // Remembered for the commit: readers between this statement and the commit saw the old rows.
            if (command.Transaction is { } tx) written.GetOrCreateValue(tx).UnionWith(tables);
        }

        // SQLite's SQL quotes every table name; PostgreSQL's leaves lower-case ones bare (UPDATE siting_runs AS s …).
        private static bool IsRunBookkeeping(string sql) =>
            (Names(sql, "siting_runs") || Names(sql, "siting_proposals")) && !LayerTables.Any(t => Names(sql, t));
    }

    private static bool Names(string sql, string table) =>
        System.Text.RegularExpressions.Regex.IsMatch(sql, $@"(?<![\w""])""?{table}""?(?![\w""])");

    private sealed class CommitInterceptor(StoreRevision revision,
        System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, HashSet<string>> written) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Committed(transaction);
            return Task.CompletedTask;
        }

        private void Committed(DbTransaction transaction)
        {
            revision.Bump(written.TryGetValue(transaction, out var tables) ? tables : []);
            written.Remove(transaction);
        }
    }
}
