using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RecycleNet.Core.Database;

/// <summary>
/// Numbers that change whenever the store may have changed, so in-memory views (feature tables, the city snapshot)
/// can be kept until then: <see cref="Value"/> for the whole store, and <see cref="Of"/> for each city's layer table, so
/// that saving an outlet does not make a million communities load again, nor a write in Binzhou anything in Jinan. They are bumped by every write command and every
/// commit on the service's contexts — the interceptors sit under EF, so no write path can forget them, ExecuteDelete
/// included — with the tables written, as EF's model has them (the entities SaveChanges saves; the table an ExecuteUpdate or
/// ExecuteDelete targets), and the context's city (a commit bumps the tables written in its
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

    /// <summary>The interceptors to add to a context's options.</summary>
    public IInterceptor[] Interceptors
    {
        get
        {
            var written = new System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, Written>();
            var saving = new System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.DbContext, HashSet<string>>();
            return [new SaveInterceptor(saving), new WriteInterceptor(this, written, saving), new CommitInterceptor(this, written)];
        }
    }

    /// <summary>
    /// Before SaveChanges writes: the tables of the entities it may save, from EF's model (an owned entity's table is its
    /// owner's), for the statements that follow.
    /// </summary>
    private sealed class SaveInterceptor(
        System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.DbContext, HashSet<string>> saving) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Note(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Note(eventData.Context);
            return ValueTask.FromResult(result);
        }

        // Every tracked entity's table, not only those known to be changed: telling changed from unchanged would run
        // DetectChanges over every tracked row a second time (SaveChanges runs it after this; an import tracks 200,000),
        // and a table counted that did not change only costs its cached views a reload.
        private void Note(Microsoft.EntityFrameworkCore.DbContext? context)
        {
            if (context is null) return;
            var tracker = context.ChangeTracker;
            var detect = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
            try
            {
                saving.AddOrUpdate(context, [.. tracker.Entries().Select(e => e.Metadata).Distinct().Select(t => t.GetTableName()).OfType<string>()]);
            }
            finally
            {
                tracker.AutoDetectChangesEnabled = detect;
            }
        }
    }

    private sealed class WriteInterceptor(StoreRevision revision,
        System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, Written> written,
        System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.DbContext, HashSet<string>> saving) : DbCommandInterceptor
    {
        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Note(command, eventData);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            Note(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Note(command, eventData);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
            DbDataReader result, CancellationToken cancellationToken = default)
        {
            Note(command, eventData);
            return ValueTask.FromResult(result);
        }

        private void Note(DbCommand command, CommandExecutedEventData eventData)
        {
            if (Written(command, eventData) is not { } tables) return;
            // The bookkeeping of siting runs (a heartbeat every second while one runs, the proposals of a done one) is read
            // by no layer, table or analysis: siting-proposals follows the runs by a version of its own.
            if (tables.Count > 0 && tables.All(RunBookkeeping.Contains)) return;
            var layers = tables.Count == 0 ? LayerTables : [.. tables.Where(t => Array.IndexOf(LayerTables, t) >= 0)];
            var city = tables.Count == 0 ? null : CityOf(eventData.Context);
            revision.Bump(city, layers);
            // Remembered for the commit: readers between this statement and the commit saw the old rows.
            if (command.Transaction is { } tx)
            {
                var w = written.GetOrCreateValue(tx);
                w.Tables.UnionWith(layers);
                w.City = w.Seen && w.City != city ? null : city;
                w.Seen = true;
            }
        }

        /// <summary>
        /// The tables a command wrote, from what EF knows of it: SaveChanges, the entities it saves (EF's model);
        /// ExecuteUpdate and ExecuteDelete, the one table their statement targets, which must be a table of the model;
        /// queries nothing (null). Empty: the command may have written anything (a migration, raw SQL that is not a
        /// read), and every table's revision moves in every city.
        /// </summary>
        private IReadOnlyCollection<string>? Written(DbCommand command, CommandExecutedEventData eventData) => eventData.CommandSource switch
        {
            CommandSource.LinqQuery or CommandSource.FromSqlQuery or CommandSource.ValueGenerator or CommandSource.Scaffolding => null,
            CommandSource.SaveChanges when eventData.Context is { } c && saving.TryGetValue(c, out var saved) => saved,
            CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete
                when TargetOf(command.CommandText) is { } t && eventData.Context?.Model.GetEntityTypes().Any(e => e.GetTableName() == t) == true => [t],
            // Raw SQL: a read (the advisory lock, a SET LOCAL, a pragma, statistics) changes no row; anything else, anything.
            _ when IsRead(command.CommandText) => null,
            _ => [],
        };

        private static bool IsRead(string sql)
        {
            var text = sql.AsSpan().TrimStart();
            return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("SET LOCAL", StringComparison.OrdinalIgnoreCase) || text.StartsWith("ANALYZE", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("VACUUM", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The table an UPDATE or DELETE statement EF generated targets: UPDATE "t" AS …, DELETE FROM t AS … (quoted or bare).</summary>
        private static string? TargetOf(string sql)
        {
            var text = sql.TrimStart();
            var rest = text.StartsWith("UPDATE ", StringComparison.OrdinalIgnoreCase) ? text[7..]
                : text.StartsWith("DELETE FROM ", StringComparison.OrdinalIgnoreCase) ? text[12..] : null;
            if (rest is null) return null;
            var name = rest.TrimStart().Split([' ', '\n', '\r', '\t'], 2)[0];
            return name.Trim('"');
        }
    }

    /// <summary>The tables of the siting runs' bookkeeping.</summary>
    private static readonly HashSet<string> RunBookkeeping = ["siting_runs", "siting_proposals", "siting_assignments", "siting_center_loads"];

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
