using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RecycleNet.Core.Model;
using RecycleNet.Core.Volumes;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Storage;

/// <summary>What storing a report did (or, for a dry run, would do).</summary>
/// <param name="Inserted">Figures stored.</param>
/// <param name="Replaced">Stored figures the resubmitted facility-months replaced (removed).</param>
/// <param name="FacilityMonths">Facility-months the report covers.</param>
/// <param name="Resubmitted">Of those, how many had figures already: their earlier figures were replaced.</param>
/// <param name="Corrections">Every figure of a resubmitted facility-month that changed: old and new quantity.</param>
/// <param name="Removed">Stored figures of resubmitted facility-months whose category the report does not name again: removed by
/// <see cref="VolumeResubmission.Replace"/>, kept by <see cref="VolumeResubmission.Merge"/>.</param>
/// <param name="NeedsMode">True when no mode was given and the report would remove <paramref name="Removed"/> figures: nothing was saved.</param>
public sealed record VolumeWriteResult(bool DryRun, int Inserted, int Replaced, int FacilityMonths, int Resubmitted, IReadOnlyList<VolumeCorrection> Corrections,
    IReadOnlyList<VolumeCorrection> Removed, VolumeResubmission Mode, bool NeedsMode);

/// <summary>
/// The store contract for volume reports: a report applied whole or not at all, resubmitted facility-months replacing their
/// earlier figures with every change kept as a correction (who, when, old and new) and the audit entry, all in one
/// transaction; and the reads the targets, loads and /api/volumes need, as aggregates the database computes. Figures go in
/// by the provider's bulk path (a prepared statement on SQLite, binary COPY on PostgreSQL): a five-year report of a large
/// city is a million rows.
/// </summary>
public sealed class VolumeStore(RecycleNetDb db, StoreRevision? revision = null)
{
    /// <summary>Figures from which a PostgreSQL import is followed by VACUUM (ANALYZE) of the table.</summary>
    public const int BulkVacuumFigures = 100_000;

    /// <summary>The facilities of the city that may report, placed in their districts.</summary>
    public async Task<FacilityDirectory> DirectoryAsync(CitySnapshot city, CancellationToken ct) =>
        FacilityDirectory.Of(city, await db.Enterprises.AsNoTracking().ToListAsync(ct));

    /// <param name="audit">The write's audit entry (its detail gets the counts); null only for the demo seeding, which audits no layer either.</param>
    /// <param name="mode">What resubmitted facility-months do to the categories not resent (<see cref="VolumeResubmission"/>).</param>
    public async Task<VolumeWriteResult> ApplyAsync(IReadOnlyList<VolumeFigure> figures, AuditEntry? audit, bool dryRun, CancellationToken ct,
        VolumeResubmission mode = VolumeResubmission.Replace)
    {
        var at = audit is null || audit.At == default ? DateTime.UtcNow : audit.At;
        var planner = audit?.Planner ?? "demo";
        var facilityMonths = figures.Select(f => (f.Facility.Kind, f.Facility.Id, f.Month.Key)).ToHashSet();
        await using var tx = dryRun ? null : await db.Database.BeginTransactionAsync(ct);
        // A resubmission replaces its facility-months whole, so two of the same month must not read the month at once:
        // a city's volume writes take turns (SQLite's write transaction begins IMMEDIATE, which already serialises them;
        // on PostgreSQL a transaction-scoped advisory lock of the city does, released by the commit or rollback).
        if (tx is not null && db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended({0}, 0))", ["volumes:" + db.CityId], ct);
        var old = await ExistingAsync(facilityMonths, ct);
        var resubmitted = old.Select(o => (o.FacilityKind, o.FacilityId, o.Month)).ToHashSet();
        var fresh = figures.ToDictionary(f => (f.Facility.Kind, f.Facility.Id, f.Month.Key, f.Category.Id, f.Unit.Id));
        // The figures the report does not name again: removed by a replace, kept by a merge, and a question when unstated.
        var notResent = old.Where(o => !fresh.ContainsKey((o.FacilityKind, o.FacilityId, o.Month, o.Category, o.Unit))).ToList();
        var removed = notResent.Select(o => Correction((o.FacilityKind, o.FacilityId, o.Month, o.Category, o.Unit), o.QuantityMilli, null, at, planner, null)).ToList();
        if (mode == VolumeResubmission.Merge) old = [.. old.Except(notResent)];
        var corrections = new List<VolumeCorrection>();
        foreach (var o in old)
        {
            var key = (o.FacilityKind, o.FacilityId, o.Month, o.Category, o.Unit);
            var after = fresh.TryGetValue(key, out var f) ? f.QuantityMilli : (long?)null;
            if (after != o.QuantityMilli) corrections.Add(Correction(key, o.QuantityMilli, after, at, planner, f?.Note));
        }
        var oldKeys = old.Select(o => (o.FacilityKind, o.FacilityId, o.Month, o.Category, o.Unit)).ToHashSet();
        foreach (var f in figures)
        {
            var key = (f.Facility.Kind, f.Facility.Id, f.Month.Key, f.Category.Id, f.Unit.Id);
            // A figure added to a facility-month that had others is a correction too; a first report is not.
            if (!oldKeys.Contains(key) && resubmitted.Contains((key.Item1, key.Item2, key.Item3)))
                corrections.Add(Correction(key, null, f.QuantityMilli, at, planner, f.Note));
        }
        var needsMode = mode == VolumeResubmission.Unstated && removed.Count > 0;
        var result = new VolumeWriteResult(dryRun, figures.Count, old.Count, facilityMonths.Count, resubmitted.Count, corrections,
            mode == VolumeResubmission.Merge ? [] : removed, mode, needsMode);
        if (dryRun || needsMode) return result;

        foreach (var chunk in old.Select(o => o.Id).Chunk(500))
            await db.Volumes.Where(v => chunk.Contains(v.Id)).ExecuteDeleteAsync(ct);
        await InsertAsync(figures, db.CityId!, at, planner, ct);
        db.VolumeCorrections.AddRange(corrections);
        if (audit is not null)
        {
            audit.Detail = $"{figures.Count} figures for {facilityMonths.Count} facility-months; {resubmitted.Count} resubmitted ({mode.ToString().ToLowerInvariant()}), {old.Count} earlier figures replaced, {corrections.Count} corrections";
            db.Audit.Add(audit);
        }
        await db.SaveChangesAsync(ct);
        await tx!.CommitAsync(ct);
        db.ChangeTracker.Clear();
        // The figures went in past EF (bulk path), where the revision's interceptors do not see them.
        revision?.Bump(db.CityId, ["volumes"]);
        // After a bulk load PostgreSQL has neither statistics nor a visibility map for the new rows, so the scorecard's reads
        // would visit the table instead of scanning their covering index: 5× slower until autovacuum comes by (bench: volumes).
        if (figures.Count >= BulkVacuumFigures && db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) volumes", ct);
        return result;
    }

    private static VolumeCorrection Correction((FacilityKind Kind, long Id, int Month, string Category, string Unit) key, long? before, long? after,
        DateTime at, string planner, string? note) =>
        new()
        {
            FacilityKind = key.Kind, FacilityId = key.Id, Month = key.Month, Category = key.Category, Unit = key.Unit,
            OldQuantityMilli = before, NewQuantityMilli = after, At = at, Planner = planner, Note = note,
        };

    private sealed record Existing(long Id, FacilityKind FacilityKind, long FacilityId, int Month, string Category, string Unit, long QuantityMilli);

    /// <summary>The stored figures of the facility-months a report covers.</summary>
    private async Task<List<Existing>> ExistingAsync(HashSet<(FacilityKind Kind, long Id, int Month)> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return [];
        var from = keys.Min(k => k.Month);
        var to = keys.Max(k => k.Month);
        var ids = keys.Select(k => k.Id).Distinct().ToList();
        var q = db.Volumes.AsNoTracking().Where(v => v.Month >= from && v.Month <= to);
        // A short id list narrows the read in the database; a long one would make a statement of thousands of parameters.
        if (ids.Count <= 500) q = q.Where(v => ids.Contains(v.FacilityId));
        var rows = await q.Select(v => new Existing(v.Id, v.FacilityKind, v.FacilityId, v.Month, v.Category, v.Unit, v.QuantityMilli)).ToListAsync(ct);
        return rows.Where(r => keys.Contains((r.FacilityKind, r.FacilityId, r.Month))).ToList();
    }

    private static readonly string[] Columns =
        ["CityId", "FacilityKind", "FacilityId", "Month", "Category", "Unit", "QuantityMilli", "DistrictId", "Source", "Note", "ReportedAt", "Planner"];

    private async Task InsertAsync(IReadOnlyList<VolumeFigure> figures, string city, DateTime at, string planner, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction!.GetDbTransaction();
        if (connection is Npgsql.NpgsqlConnection pg)
        {
            var columns = string.Join(", ", Columns.Select(c => $"\"{c}\""));
            await using var copy = await pg.BeginBinaryImportAsync($"COPY volumes ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var f in figures)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(city, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(Kind(f.Facility.Kind), NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(f.Facility.Id, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(f.Month.Key, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(f.Category.Id, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(f.Unit.Id, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(f.QuantityMilli, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
                if (f.Facility.DistrictId is { } d) await copy.WriteAsync(d, NpgsqlTypes.NpgsqlDbType.Bigint, ct); else await copy.WriteNullAsync(ct);
                if (f.Source is { } s) await copy.WriteAsync(s, NpgsqlTypes.NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
                if (f.Note is { } n) await copy.WriteAsync(n, NpgsqlTypes.NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(at, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(planner, NpgsqlTypes.NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
            return;
        }
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"volumes\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
        var p = Columns.ToDictionary(c => c, c =>
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = "@" + c;
            cmd.Parameters.Add(parameter);
            return parameter;
        });
        // The text EF Core's SQLite provider writes for a DateTime, so EF reads these rows back like its own.
        p["CityId"].Value = city;
        p["ReportedAt"].Value = at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        p["Planner"].Value = planner;
        await cmd.PrepareAsync(ct);
        foreach (var f in figures)
        {
            p["FacilityKind"].Value = Kind(f.Facility.Kind);
            p["FacilityId"].Value = f.Facility.Id;
            p["Month"].Value = f.Month.Key;
            p["Category"].Value = f.Category.Id;
            p["Unit"].Value = f.Unit.Id;
            p["QuantityMilli"].Value = f.QuantityMilli;
            p["DistrictId"].Value = (object?)f.Facility.DistrictId ?? DBNull.Value;
            p["Source"].Value = (object?)f.Source ?? DBNull.Value;
            p["Note"].Value = (object?)f.Note ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A kind as the store keeps it (the converter's lower-case name).</summary>
    public static string Kind(FacilityKind k) => k.ToString().ToLowerInvariant();

    /// <summary>The corrections of the city, newest first, optionally of one facility.</summary>
    public Task<List<VolumeCorrection>> CorrectionsAsync(FacilityKind? kind, long? facilityId, int limit, CancellationToken ct)
    {
        var q = db.VolumeCorrections.AsNoTracking();
        if (kind is { } k) q = q.Where(c => c.FacilityKind == k);
        if (facilityId is { } id) q = q.Where(c => c.FacilityId == id);
        return q.OrderByDescending(c => c.Id).Take(limit).ToListAsync(ct);
    }

    /// <summary>Whether the city holds any report.</summary>
    public Task<bool> AnyAsync(CancellationToken ct) => db.Volumes.AnyAsync(ct);

    /// <summary>Totals by category, unit, district and month over the months asked (and the categories, if named).</summary>
    public async Task<List<MonthTotal>> MonthTotalsAsync(IReadOnlyCollection<string>? categoryIds, ReportMonth from, ReportMonth to, CancellationToken ct)
    {
        var city = db.CityId!;
        var list = new List<MonthTotal>();
        foreach (var category in categoryIds ?? [null!])
        {
            // One range of the (city, category, month …) index per category; the grouping follows its order.
            var rows = category is null
                ? db.Database.SqlQuery<MonthTotalRow>($"""
                    SELECT "Category", "Unit", "DistrictId", "Month", CAST(SUM("QuantityMilli") AS BIGINT) AS "QuantityMilli", COUNT(*) AS "Figures"
                    FROM volumes WHERE "CityId" = {city} AND "Month" >= {from.Key} AND "Month" <= {to.Key}
                    GROUP BY "Category", "Month", "Unit", "DistrictId"
                    """)
                : db.Database.SqlQuery<MonthTotalRow>($"""
                    SELECT "Category", "Unit", "DistrictId", "Month", CAST(SUM("QuantityMilli") AS BIGINT) AS "QuantityMilli", COUNT(*) AS "Figures"
                    FROM volumes WHERE "CityId" = {city} AND "Category" = {category} AND "Month" >= {from.Key} AND "Month" <= {to.Key}
                    GROUP BY "Category", "Month", "Unit", "DistrictId"
                    """);
            list.AddRange((await rows.ToListAsync(ct)).Select(r => new MonthTotal(r.Category, r.Unit, r.DistrictId, r.Month, r.QuantityMilli, (int)r.Figures)));
        }
        return list;
    }

    /// <summary>For each facility, category and unit reported since <paramref name="from"/>: the first and last month and how many months.</summary>
    public async Task<List<ReportSpan>> SpansAsync(IReadOnlyCollection<string> categoryIds, ReportMonth from, CancellationToken ct)
    {
        var city = db.CityId!;
        var spans = new List<ReportSpan>();
        foreach (var category in categoryIds)
        {
            var rows = await db.Database.SqlQuery<SpanRow>($"""
                SELECT "FacilityKind", "FacilityId", "Category", "Unit", MIN("Month") AS "First", MAX("Month") AS "Last", COUNT(*) AS "Months"
                FROM volumes WHERE "CityId" = {city} AND "Category" = {category} AND "Month" >= {from.Key}
                GROUP BY "FacilityKind", "FacilityId", "Category", "Unit"
                """).ToListAsync(ct);
            spans.AddRange(rows.Select(r => new ReportSpan(Enum.Parse<FacilityKind>(r.FacilityKind, true), r.FacilityId, r.Category, r.Unit,
                ReportMonth.FromKey(r.First), ReportMonth.FromKey(r.Last), (int)r.Months)));
        }
        return spans;
    }

    /// <summary>
    /// What the targets of <paramref name="targets"/> and the centre loads read, as of <paramref name="asOf"/>: the monthly totals of
    /// the categories the targets measure (from the earliest month any of them rests on, and five years back for trends), the
    /// facilities' report spans and the months of broken ones, and each facility's tonnes of the last twelve months.
    /// </summary>
    public async Task<VolumeSummary> SummaryAsync(FacilityDirectory facilities, VolumeCategories categories, IEnumerable<Policies.PolicyTarget> targets,
        ReportMonth asOf, VolumeProgressOptions options, CancellationToken ct)
    {
        var measured = targets.Select(t => (Target: t, Category: categories.ForMetric(t.Metric))).Where(x => x.Category is not null).ToList();
        var categoryIds = measured.Select(x => x.Category!.Id).Distinct().ToList();
        var from = measured.Select(x => VolumeProgressOp.Window(x.Target, asOf)?.From ?? asOf.Plus(-11)).DefaultIfEmpty(asOf.Plus(-11)).Min();
        var trendFrom = new ReportMonth(asOf.Year - options.TrendYears, 1);
        var monthly = categoryIds.Count == 0 ? [] : await MonthTotalsAsync(categoryIds, from < trendFrom ? from : trendFrom, asOf, ct);
        var spans = categoryIds.Count == 0 ? [] : await SpansAsync(categoryIds, from, ct);
        var broken = spans.Where(x => !x.Unbroken).ToList();
        var gaps = new Dictionary<ReportSpan, IReadOnlyList<int>>();
        if (broken.Count <= 100)
            foreach (var span in broken) gaps[span] = await MonthsAsync(span.Kind, span.FacilityId, span.Category, span.Unit, from, ct);
        else
        {
            // Many broken spans: one read of every month reported since the window began, instead of a query each.
            var all = await db.Volumes.AsNoTracking().Where(v => categoryIds.Contains(v.Category) && v.Month >= from.Key)
                .Select(v => new { v.FacilityKind, v.FacilityId, v.Category, v.Unit, v.Month }).ToListAsync(ct);
            var lookup = all.ToLookup(v => (v.FacilityKind, v.FacilityId, v.Category, v.Unit), v => v.Month);
            foreach (var span in broken) gaps[span] = lookup[(span.Kind, span.FacilityId, span.Category, span.Unit)].Order().ToList();
        }
        var tonnes = await TonnesAsync(asOf.Plus(-11), asOf, ct);
        return new VolumeSummary(asOf, monthly, spans, gaps, tonnes, facilities);
    }

    /// <summary>The months one facility reported a category in, from <paramref name="from"/> on.</summary>
    public async Task<List<int>> MonthsAsync(FacilityKind kind, long facilityId, string category, string unit, ReportMonth from, CancellationToken ct) =>
        await db.Volumes.AsNoTracking()
            .Where(v => v.FacilityKind == kind && v.FacilityId == facilityId && v.Category == category && v.Unit == unit && v.Month >= from.Key)
            .Select(v => v.Month).OrderBy(m => m).ToListAsync(ct);

    /// <summary>Each facility's tonnes (all categories reported in tonnes) over the months asked, with how many months it reported.</summary>
    public async Task<List<FacilityTonnes>> TonnesAsync(ReportMonth from, ReportMonth to, CancellationToken ct)
    {
        var city = db.CityId!;
        // Grouped by month first, in the order of IX_volumes_tonnes (unit, month, facility): the database streams the groups
        // without sorting, and a facility's months are then counted here (COUNT(DISTINCT) would sort every figure).
        var rows = await db.Database.SqlQuery<TonnesRow>($"""
            SELECT "FacilityKind", "FacilityId", "Month", CAST(SUM("QuantityMilli") AS BIGINT) AS "QuantityMilli"
            FROM volumes WHERE "CityId" = {city} AND "Unit" = 't' AND "Month" >= {from.Key} AND "Month" <= {to.Key}
            GROUP BY "Month", "FacilityKind", "FacilityId"
            """).ToListAsync(ct);
        return rows.GroupBy(r => (r.FacilityKind, r.FacilityId))
            .Select(g => new FacilityTonnes(Enum.Parse<FacilityKind>(g.Key.FacilityKind, true), g.Key.FacilityId, g.Sum(r => r.QuantityMilli), g.Count()))
            .ToList();
    }

    /// <summary>The figures that match, in facility and month order, one page.</summary>
    public async Task<List<VolumeReport>> ListAsync(VolumeFilter filter, int offset, int limit, CancellationToken ct) =>
        await Filtered(filter).OrderBy(v => v.Month).ThenBy(v => v.FacilityKind).ThenBy(v => v.FacilityId).ThenBy(v => v.Category).ThenBy(v => v.Unit)
            .Skip(offset).Take(limit).ToListAsync(ct);

    public Task<int> CountAsync(VolumeFilter filter, CancellationToken ct) => Filtered(filter).CountAsync(ct);

    private IQueryable<VolumeReport> Filtered(VolumeFilter f)
    {
        var q = db.Volumes.AsNoTracking();
        if (f.Kind is { } k) q = q.Where(v => v.FacilityKind == k);
        if (f.FacilityId is { } id) q = q.Where(v => v.FacilityId == id);
        if (f.Category is { } c) q = q.Where(v => v.Category == c);
        if (f.Unit is { } u) q = q.Where(v => v.Unit == u);
        if (f.DistrictId is { } d) q = q.Where(v => v.DistrictId == d);
        if (f.From is { } from) q = q.Where(v => v.Month >= from.Key);
        if (f.To is { } to) q = q.Where(v => v.Month <= to.Key);
        return q;
    }

    /// <summary>
    /// Totals of the figures that match, per unit and the groupings asked (in the database): at most <paramref name="max"/> rows,
    /// in category, unit, period, district and facility order.
    /// </summary>
    public async Task<List<VolumeTotal>> TotalsAsync(VolumeFilter filter, IReadOnlyCollection<VolumeGroup> by, int max, CancellationToken ct)
    {
        bool byCategory = by.Contains(VolumeGroup.Category), byMonth = by.Contains(VolumeGroup.Month), byYear = by.Contains(VolumeGroup.Year),
            byDistrict = by.Contains(VolumeGroup.District), byFacility = by.Contains(VolumeGroup.Facility);
        var q = Filtered(filter);
        if (byFacility)
        {
            var rows = await q.GroupBy(v => new
                {
                    Category = byCategory ? v.Category : "", v.Unit, Period = byMonth ? v.Month : byYear ? v.Month / 100 : 0,
                    District = byDistrict ? v.DistrictId : null, v.FacilityKind, v.FacilityId,
                })
                .Select(g => new { g.Key, Sum = g.Sum(v => v.QuantityMilli), Count = g.Count() })
                .OrderBy(r => r.Key.Category).ThenBy(r => r.Key.Unit).ThenBy(r => r.Key.Period).ThenBy(r => r.Key.District)
                .ThenBy(r => r.Key.FacilityKind).ThenBy(r => r.Key.FacilityId)
                .Take(max).ToListAsync(ct);
            return rows.Select(r => new VolumeTotal(byCategory ? r.Key.Category : null, r.Key.Unit, byMonth || byYear ? r.Key.Period : null, r.Key.District,
                r.Key.FacilityKind, r.Key.FacilityId, r.Sum, r.Count)).ToList();
        }
        var totals = await q.GroupBy(v => new
            {
                Category = byCategory ? v.Category : "", v.Unit, Period = byMonth ? v.Month : byYear ? v.Month / 100 : 0,
                District = byDistrict ? v.DistrictId : null,
            })
            .Select(g => new { g.Key, Sum = g.Sum(v => v.QuantityMilli), Count = g.Count() })
            .OrderBy(r => r.Key.Category).ThenBy(r => r.Key.Unit).ThenBy(r => r.Key.Period).ThenBy(r => r.Key.District)
            .Take(max).ToListAsync(ct);
        return totals.Select(r => new VolumeTotal(byCategory ? r.Key.Category : null, r.Key.Unit, byMonth || byYear ? r.Key.Period : null, r.Key.District,
            null, null, r.Sum, r.Count)).ToList();
    }

    /// <summary>How many months each facility reported (any category) over the months asked.</summary>
    public async Task<Dictionary<(FacilityKind, long), int>> MonthsReportedAsync(ReportMonth from, ReportMonth to, CancellationToken ct)
    {
        var rows = await db.Volumes.AsNoTracking().Where(v => v.Month >= from.Key && v.Month <= to.Key)
            .GroupBy(v => new { v.FacilityKind, v.FacilityId }).Select(g => new { g.Key, Months = g.Select(v => v.Month).Distinct().Count() }).ToListAsync(ct);
        return rows.ToDictionary(r => (r.Key.FacilityKind, r.Key.FacilityId), r => r.Months);
    }

    /// <summary>Each facility's totals per category and unit over the months asked (the OGC collection of facilities' volumes).</summary>
    public async Task<List<VolumeTotal>> FacilityTotalsAsync(ReportMonth from, ReportMonth to, CancellationToken ct) =>
        await TotalsAsync(new VolumeFilter(From: from, To: to), [VolumeGroup.Category, VolumeGroup.Facility], int.MaxValue, ct);

    private sealed class MonthTotalRow
    {
        public string Category { get; set; } = "";
        public string Unit { get; set; } = "";
        public long? DistrictId { get; set; }
        public int Month { get; set; }
        public long QuantityMilli { get; set; }
        public long Figures { get; set; }
    }

    private sealed class SpanRow
    {
        public string FacilityKind { get; set; } = "";
        public long FacilityId { get; set; }
        public string Category { get; set; } = "";
        public string Unit { get; set; } = "";
        public int First { get; set; }
        public int Last { get; set; }
        public long Months { get; set; }
    }

    private sealed class TonnesRow
    {
        public string FacilityKind { get; set; } = "";
        public long FacilityId { get; set; }
        public int Month { get; set; }
        public long QuantityMilli { get; set; }
    }
}
