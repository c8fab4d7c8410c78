using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RecycleNet.Core.Database;

/// <summary>
/// Numbers that change whenever the store may have changed, so in-memory views (feature tables, the city snapshot)
/// can be kept until then: <see cref="Value"/> for the whole store, and <see cref="Of"/> for each city's layer table, so
/// that saving an outlet does not make a million communities load again, nor a write in Binzhou anything in Jinan. They are bumped by every write command and every
/// commit on the service's contexts — the interceptors sit under EF, so no write path can forget them, ExecuteDelete
/// included — with the tables the SQL names and the context's city (a commit bumps the tables written in its
/// transaction; a context of every city bumps them for every city), and by the revision watcher for writes by other
/// instances, with the city and layer their audit entries name.
/// A reader takes the number before it reads and files what it built under it: a write that lands meanwhile bumps
/// the number again, so nothing stale is kept.
/// </summary>
public sealed class StoreRevision
{
    /// <summary>The tables whose writes the cached views depend on (the audit goes with each of them).</summary>
    public static readonly string[] LayerTables =
    [
        "districts", "communities", "outlets", "sorting_centers", "enterprises", "audit",
        "townships", "villages", "transfer_stations", "waste_sorting_points", "volumes", "plans",
    ];

    private long _value;
    // Writes of every city (or of an unknown one) move the first; writes of one city, its own counter.
    private readonly long[] _tables = new long[LayerTables.Length];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long[]> _cities = new(StringComparer.Ordinal);

    public long Value => Interlocked.Read(ref _value);

    /// <summary>The revision of one of <see cref="LayerTables"/> in one city: moves when that city's rows may have changed.</summary>
    public long Of(string city, string table)
    {
        var i = Index(table);
        return Interlocked.Read(ref _tables[i]) + (_cities.TryGetValue(city, out var own) ? Interlocked.Read(ref own[i]) : 0);
    }

    /// <summary>Something changed, nobody knows what: every table's revision moves, in every city.</summary>
    public void Bump() => Bump(null, LayerTables);

    /// <summary>
    /// <paramref name="tables"/> (of <see cref="LayerTables"/>; others are ignored) may have changed in
    /// <paramref name="city"/> (null: in any city), and so the store.
    /// </summary>
    public void Bump(string? city, IEnumerable<string> tables)
    {
        var counters = city is null ? _tables : _cities.GetOrAdd(city, _ => new long[LayerTables.Length]);
        foreach (var t in tables)
            if (Array.IndexOf(LayerTables, t) is var i and >= 0) Interlocked.Increment(ref counters[i]);
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
            var written = new System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, Written>();
            return [new WriteInterceptor(this, written), new CommitInterceptor(this, written)];
        }
    }

    private sealed class WriteInterceptor(StoreRevision revision,
        System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, Written> written) : DbCommandInterceptor
    {
        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Note(command, eventData.Context);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            Note(command, eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Note(command, eventData.Context);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
            DbDataReader result, CancellationToken cancellationToken = default)
        {
            Note(command, eventData.Context);
            return ValueTask.FromResult(result);
        }

        // SaveChanges inserts with "INSERT … RETURNING", a reader; only plain reads (and a read's SET LOCAL) leave the revision alone, and the
        // bookkeeping of siting runs (a heartbeat every second while one runs, the proposals of a done one), which no layer,
        // table or analysis reads: siting-proposals follows the runs by a version of its own.
        private void Note(DbCommand command, Microsoft.EntityFrameworkCore.DbContext? context)
        {
            var text = command.CommandText.AsSpan().TrimStart();
            if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("SET LOCAL", StringComparison.OrdinalIgnoreCase)) return;
            if (IsRunBookkeeping(command.CommandText)) return;
            var tables = TablesIn(command.CommandText);
            var city = CityOf(context);
            revision.Bump(city, tables);
            // Remembered for the commit: readers between this statement and the commit saw the old rows.
            if (command.Transaction is { } tx)
            {
                var w = written.GetOrCreateValue(tx);
                w.Tables.UnionWith(tables);
                w.City = w.Seen && w.City != city ? null : city;
                w.Seen = true;
            }
        }

        // SQLite's SQL quotes every table name; PostgreSQL's leaves lower-case ones bare (UPDATE siting_runs AS s …).
        private static bool IsRunBookkeeping(string sql) =>
            (Names(sql, "siting_runs") || Names(sql, "siting_proposals")) && !LayerTables.Any(t => Names(sql, t));
    }

    /// <summary>The layer tables a transaction wrote, and the city of its statements (null: several, or every city).</summary>
    private sealed class Written
    {
        public HashSet<string> Tables { get; } = [];
        public string? City { get; set; }
        public bool Seen { get; set; }
    }

    // A statement of a context of one city wrote that city's rows (the context filters and stamps them); any other
    // statement (a context of every city, a migration) may have written any city's.
    private static string? CityOf(Microsoft.EntityFrameworkCore.DbContext? context) => (context as RecycleNetDb)?.CityId;

    private static bool Names(string sql, string table) =>
        System.Text.RegularExpressions.Regex.IsMatch(sql, $@"(?<![\w""])""?{table}""?(?![\w""])");

    private sealed class CommitInterceptor(StoreRevision revision,
        System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, Written> written) : DbTransactionInterceptor
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
            if (written.TryGetValue(transaction, out var w)) revision.Bump(w.City, w.Tables);
            else revision.Bump(null, []);
            written.Remove(transaction);
        }
    }
}
