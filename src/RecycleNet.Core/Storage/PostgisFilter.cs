using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using RecycleNet.Core.Features;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Storage;

/// <summary>A WHERE clause for PostgreSQL and its parameters (@p0, @p1 …).</summary>
public sealed record SqlWhere(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// Translates a <see cref="FeatureQuery"/> — bbox, property equalities, date interval and the CQL2 syntax tree — into a
/// PostGIS WHERE clause over a layer's table, with the same answers as <see cref="FeatureTable.Query"/> and
/// <see cref="Cql2Evaluator"/> give in memory:
/// <list type="bullet">
/// <item>SQL's three-valued logic is Kleene's, as CQL2 asks: a comparison with NULL is unknown, NOT unknown is unknown,
/// and only true rows are kept.</item>
/// <item>A literal of the wrong type for its property (text against a number) is unknown in memory; here it is NULL.</item>
/// <item>Text is compared in code-point order (COLLATE "C"), as the evaluator's ordinal comparison does (the two differ
/// only between characters beyond U+FFFF and U+E000–U+FFFF, which no layer's values hold in practice).</item>
/// <item>bbox and S_INTERSECTS use ST_Intersects on the geometry column, which its GiST index serves.</item>
/// </list>
/// A property is translated when the layer keeps it in a column of the same name and value (<c>status</c> in
/// <c>Status</c>, lower-case text); one that is computed or looked up (a district's households, a community's district
/// name, a station's served communities) is not, and then the whole query is left to the in-memory table (null).
/// </summary>
public static class PostgisFilter
{
    /// <param name="city">The city whose rows are asked for (the count query is raw SQL: EF's city filter does not reach it); null for all.</param>
    public static SqlWhere? Translate(FeatureQuery q, LayerDefinition layer, IEntityType entity, string? city)
    {
        var t = new Translation(layer, entity);
        var parts = new List<string>();
        if (city is not null) parts.Add($"\"{nameof(Model.ICityOwned.CityId)}\" = {t.Param(city)}");
        if (q.Bbox is { } box)
            parts.Add($"ST_Intersects({t.GeometryColumn}, ST_MakeEnvelope({t.Param(box.MinX)}, {t.Param(box.MinY)}, {t.Param(box.MaxX)}, {t.Param(box.MaxY)}, {PostgresRecycleNetDb.Srid}))");
        foreach (var (name, value) in q.PropertyEquals)
        {
            if (t.Equality(name, value) is not { } sql) return null;
            parts.Add(sql);
        }
        if (q.HasDates)
        {
            if (layer.DateField is not { } field || t.Column(field) is not { } column) return null;
            if (q.From is { } from) parts.Add($"{column.Sql} >= {t.Param(from)}");
            if (q.To is { } to) parts.Add($"{column.Sql} <= {t.Param(to)}");
            if (q.From is null && q.To is null) parts.Add($"{column.Sql} IS NOT NULL");
        }
        if (q.Filter is { } filter)
        {
            if (t.Expression(filter) is not { } sql) return null;
            parts.Add(sql);
        }
        return new SqlWhere(parts.Count == 0 ? "TRUE" : string.Join(" AND ", parts.Select(p => $"({p})")), t.Parameters);
    }

    private sealed record ColumnRef(string Sql, Type Type);

    private sealed class Translation(LayerDefinition layer, IEntityType entity)
    {
        public List<NpgsqlParameter> Parameters { get; } = [];

        public string GeometryColumn => Quote(entity.FindProperty(nameof(Model.SpatialEntity.Geometry))!.GetColumnName());

        public string Param(object value)
        {
            var name = $"p{Parameters.Count}";
            Parameters.Add(value switch
            {
                double d => new NpgsqlParameter(name, NpgsqlDbType.Double) { Value = d },
                DateOnly d => new NpgsqlParameter(name, NpgsqlDbType.Date) { Value = d },
                Geometry g => new NpgsqlParameter(name, g.SRID == PostgresRecycleNetDb.Srid ? g : Stamped(g)),
                _ => new NpgsqlParameter(name, value),
            });
            return "@" + name;
        }

        private static Geometry Stamped(Geometry g)
        {
            var copy = g.Copy();
            copy.SRID = PostgresRecycleNetDb.Srid;
            return copy;
        }

        /// <summary>The column a layer property is kept in, with its value's type (enums stored as their lower-case name).</summary>
        public ColumnRef? Column(string property)
        {
            if (layer.Fields.All(f => f.Name != property)) return null;
            var p = entity.FindProperty(char.ToUpperInvariant(property[0]) + property[1..]);
            if (p is null || p.IsShadowProperty()) return null;
            var type = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
            if (type.IsEnum) type = typeof(string);
            return type == typeof(string) || type == typeof(bool) || type == typeof(DateOnly) || IsNumber(type)
                ? new ColumnRef(Quote(p.GetColumnName()), type) : null;
        }

        private static bool IsNumber(Type t) => t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal) || t == typeof(float);

        /// <summary>property = value from the query string, as <see cref="FeatureTable.Matches"/> reads it.</summary>
        public string? Equality(string property, string wanted)
        {
            if (Column(property) is not { } c) return null;
            if (c.Type == typeof(string)) return $"{c.Sql} = {Param(wanted)}";
            if (IsNumber(c.Type))
                return double.TryParse(wanted, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? $"{c.Sql} = {Param(n)}" : "FALSE";
            if (c.Type == typeof(bool)) return wanted is "true" or "false" ? $"{c.Sql} = {Param(wanted == "true")}" : "FALSE";
            return DateOnly.TryParseExact(wanted, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? $"{c.Sql} = {Param(d)}" : "FALSE";
        }

        public string? Expression(Cql2Expression e)
        {
            switch (e)
            {
                case Cql2And a: return Binary(a.Left, "AND", a.Right);
                case Cql2Or o: return Binary(o.Left, "OR", o.Right);
                case Cql2Not n: return Expression(n.Inner) is { } inner ? $"NOT ({inner})" : null;
                case Cql2IsNull n: return Column(n.Property) is { } col ? $"{col.Sql} IS {(n.Negated ? "NOT " : "")}NULL" : null;
                case Cql2Intersects s: return $"ST_Intersects({GeometryColumn}, {Param(s.Shape)})";
                case Cql2Comparison c:
                    return Column(c.Property) is { } column ? Comparison(column, c.Op, c.Literal) : null;
                default: return null;
            }
        }

        private string? Binary(Cql2Expression left, string op, Cql2Expression right) =>
            Expression(left) is { } l && Expression(right) is { } r ? $"({l}) {op} ({r})" : null;

        private string Comparison(ColumnRef c, string op, object literal)
        {
            // (x <> x) is NULL for a NULL x and FALSE otherwise: "unknown when the property is null, else false".
            var unknownOrFalse = $"({c.Sql} <> {c.Sql})";
            return (c.Type, literal) switch
            {
                var (t, s) when t == typeof(string) && s is string text => $"{c.Sql} COLLATE \"C\" {op} {Param(text)} COLLATE \"C\"",
                var (t, d) when IsNumber(t) && d is double number => $"{c.Sql} {op} {Param(number)}",
                var (t, d) when t == typeof(DateOnly) && d is DateOnly date => $"{c.Sql} {op} {Param(date)}",
                // The evaluator orders booleans as equal (0) or not (1): = and <= hold when equal, <> and > when not,
                // >= always (for a non-null value), < never.
                var (t, b) when t == typeof(bool) && b is bool flag => op switch
                {
                    "=" or "<=" => $"{c.Sql} = {Param(flag)}",
                    "<>" or ">" => $"{c.Sql} <> {Param(flag)}",
                    ">=" => $"({c.Sql} = {c.Sql})",
                    _ => unknownOrFalse,
                },
                // A literal of another type than the property's: unknown, as in memory.
                _ => "NULL",
            };
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }
}

/// <summary>A page of a stored layer read by PostgreSQL with a <see cref="SqlWhere"/>: the count and the rows, ordered by id.</summary>
public static class SqlFeaturePages
{
    public static async Task<FeaturePage> QueryAsync(RecycleNetDb db, LayerDefinition layer, SqlWhere where, int offset, int limit,
        LayerLookups lookups, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(layer.EntityType)!;
        var table = "\"" + entity.GetTableName() + "\"";
        // Each statement binds its own copies: a parameter object belongs to one command.
        NpgsqlParameter[] Bind() => [.. where.Parameters.Select(p => p.Clone())];
        // The text holds only the model's identifiers, generated placeholders and two integers; every value is bound.
        var countSql = $"SELECT count(*)::int AS \"Value\" FROM {table} WHERE {where.Sql}";
        var pageSql = $"SELECT * FROM {table} WHERE {where.Sql} ORDER BY \"Id\" LIMIT {Math.Max(0, limit)} OFFSET {Math.Max(0, offset)}";
        // One snapshot for the count and the page, so numberMatched is the page's own, whatever commits meanwhile. The
        // transaction only reads and is rolled back when disposed: a commit would count as a write (StoreRevision) and
        // make every cache rebuild after every page.
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        // A page is a small query: compiling it (JIT, ~85 ms measured on a million rows) or starting parallel workers costs
        // more than it saves, and on a few cores the workers take them from the other requests.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0", ct);
        var count = await db.Database.SqlQueryRaw<int>(countSql, Bind()).SingleAsync(ct);
        var rows = count <= offset ? [] : await layer.QueryRawAsync(db, pageSql, Bind(), ct);
        return new FeaturePage(count, rows.Select(e => new FeatureRecord(e.Id, e.Geometry, layer.Properties(e, lookups)) { Version = e.Version }).ToList());
    }
}
