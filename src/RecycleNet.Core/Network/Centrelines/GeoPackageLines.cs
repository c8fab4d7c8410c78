using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using RecycleNet.Core.Input;
using SQLitePCL;

namespace RecycleNet.Core.Network.Centrelines;

/// <summary>
/// Reads the lines of a GeoPackage as a hostile file is read: the catalogue (<c>gpkg_contents</c>,
/// <c>gpkg_geometry_columns</c>) must be real tables, and so must the features table it names — never a view, whose
/// query could recurse without end, nor a virtual table; nothing is written, so no trigger runs. Every value is capped
/// (<see cref="CentrelineLimits.MaxValueBytes"/>, by SQLite itself), rows are counted as they come, each geometry blob's
/// header is checked against its length and its WKB walked by <see cref="WkbGuard"/> before NetTopologySuite reads it,
/// and SQLite's progress handler stops any statement when the read's time is up.
/// </summary>
internal static class GeoPackageLines
{
    public static List<CentrelineRow> Read(string path, string? table, CentrelineLimits limits, ReadDeadline deadline)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        var handle = db.Handle!;
        raw.sqlite3_limit(handle, raw.SQLITE_LIMIT_LENGTH, limits.MaxValueBytes);
        raw.sqlite3_progress_handler(handle, 10_000, _ =>
        {
            try { deadline.Check(); return 0; }
            catch (Exception) { return 1; } // interrupts the statement: SQLITE_INTERRUPT, which the caller reads as the clock
        }, null);
        Execute(db, "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;");

        var objects = new Dictionary<string, (string Type, string Sql)>(StringComparer.OrdinalIgnoreCase);
        using (var c = db.CreateCommand())
        {
            c.CommandText = "SELECT name, type, coalesce(sql, '') FROM sqlite_master WHERE type IN ('table', 'view') AND typeof(name) = 'text'";
            using var r = c.ExecuteReader();
            while (r.Read()) objects[r.GetString(0)] = (r.GetString(1), r.GetString(2));
        }
        foreach (var catalogue in new[] { "gpkg_contents", "gpkg_geometry_columns" })
            if (!IsTable(objects, catalogue))
                throw Bad($"the GeoPackage has no {catalogue} table (a view or a virtual table is not read)", $"GeoPackage 没有 {catalogue} 表（视图或虚拟表不予读取）");

        string name, column;
        using (var c = db.CreateCommand())
        {
            c.CommandText = """
                SELECT g.table_name, g.column_name FROM gpkg_geometry_columns g JOIN gpkg_contents c ON c.table_name = g.table_name
                WHERE c.data_type = 'features' AND typeof(g.table_name) = 'text' AND typeof(g.column_name) = 'text'
                """ + (table is null ? " ORDER BY g.table_name" : " AND g.table_name = $t");
            if (table is not null) c.Parameters.AddWithValue("$t", table);
            using var r = c.ExecuteReader();
            var found = new List<(string, string)>();
            while (r.Read() && found.Count < 1000) found.Add((r.GetString(0), r.GetString(1)));
            if (found.Count == 0) throw Bad(table is null ? "The GeoPackage has no features table." : $"The GeoPackage has no features table '{table}'.",
                table is null ? "GeoPackage 中没有要素表。" : $"GeoPackage 中没有要素表“{table}”。");
            (name, column) = found.FirstOrDefault(f => IsTable(objects, f.Item1)) is { Item1: not null } real ? real : found[0];
        }
        if (!IsTable(objects, name))
            throw Bad($"the GeoPackage's features table '{Clip(name)}' is a view or a virtual table: only tables are read", $"GeoPackage 的要素表“{Clip(name)}”是视图或虚拟表：只读取普通表");
        var quoted = "\"" + name.Replace("\"", "\"\"") + "\"";
        using (var c = db.CreateCommand())
        {
            c.CommandText = "SELECT count(*) FROM pragma_table_info($t) WHERE name = $c COLLATE NOCASE";
            c.Parameters.AddWithValue("$t", name);
            c.Parameters.AddWithValue("$c", column);
            if (Convert.ToInt64(c.ExecuteScalar()) == 0)
                throw Bad($"the GeoPackage names geometry column '{Clip(column)}' of '{Clip(name)}', which the table does not have", $"GeoPackage 登记的几何列“{Clip(column)}”在表“{Clip(name)}”中不存在");
        }

        var rows = new List<CentrelineRow>();
        var wkb = new WKBReader();
        long vertices = 0;
        using var q = db.CreateCommand();
        // Identifiers from the file's own catalogue, quoted: a table name cannot become SQL.
        q.CommandText = $"SELECT * FROM {quoted} LIMIT {limits.MaxLines + 1}";
        using var reader = q.ExecuteReader();
        var geometryAt = reader.GetOrdinal(column);
        while (reader.Read())
        {
            if ((rows.Count & 1023) == 0) deadline.Check();
            if (rows.Count == limits.MaxLines) throw Bad($"the GeoPackage's table holds more than {limits.MaxLines:N0} rows; at most {limits.MaxLines:N0} are read",
                $"GeoPackage 的表超过 {limits.MaxLines:N0} 行；最多读取 {limits.MaxLines:N0} 行");
            var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
                if (i != geometryAt) attributes[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            Geometry? line = null;
            if (!reader.IsDBNull(geometryAt))
            {
                var value = reader.GetValue(geometryAt);
                if (value is not byte[] blob)
                {
                    // The value's own type (SQLite types values, not columns): what the row holds, whatever the column declares.
                    var held = value switch { string => "TEXT", long => "INTEGER", double => "REAL", _ => value.GetType().Name };
                    throw Bad($"row {rows.Count + 1}: the geometry column holds {held}, not a GeoPackage geometry blob",
                        $"第 {rows.Count + 1} 行：几何列存的是 {held}，不是 GeoPackage 几何二进制");
                }
                line = Geometry(blob, rows.Count + 1, limits, ref vertices, wkb);
            }
            rows.Add(new CentrelineRow(rows.Count, line, attributes));
        }
        return rows;
    }

    /// <summary>
    /// The geometry of a GeoPackage blob: "GP", version, flags, SRS id, the envelope the flags announce, then standard
    /// WKB — each length checked before it is read. An empty geometry is none.
    /// </summary>
    private static Geometry? Geometry(byte[] blob, int row, CentrelineLimits limits, ref long vertices, WKBReader reader)
    {
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P')
            throw Bad($"row {row}: the geometry is not a GeoPackage geometry (no 'GP' header)", $"第 {row} 行：几何不是 GeoPackage 几何（没有“GP”头）");
        var flags = blob[3];
        if ((flags & 0b10_0000) != 0) throw Bad($"row {row}: the geometry uses an extension type, which is not read", $"第 {row} 行：几何使用扩展类型，不予读取");
        var envelope = (flags >> 1 & 0b111) switch
        {
            0 => 0, 1 => 32, 2 or 3 => 48, 4 => 64,
            var e => throw Bad($"row {row}: the geometry header names envelope code {e}, which does not exist", $"第 {row} 行：几何头中的包络代码 {e} 不存在"),
        };
        if (blob.Length < 8 + envelope + 5)
            throw Bad($"row {row}: the geometry blob is {blob.Length} bytes, shorter than its header says", $"第 {row} 行：几何二进制只有 {blob.Length} 字节，比其头部声明的短");
        if ((flags & 0b1_0000) != 0) return null; // the empty geometry
        var body = blob.AsSpan(8 + envelope);
        try { vertices += WkbGuard.Check(body, limits.MaxGeometryDepth); }
        catch (FileBudgetException e) { throw Bad($"row {row}: {e.Reason.En}", $"第 {row} 行：{e.Reason.Zh}"); }
        limits.CheckVertices(vertices);
        try { return reader.Read(body.ToArray()); }
        catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            throw Bad($"row {row}: the geometry cannot be read as WKB ({ForeignText.Of(e)})", $"第 {row} 行：几何无法按 WKB 读取（{ForeignText.Of(e)}）");
        }
    }

    private static bool IsTable(Dictionary<string, (string Type, string Sql)> objects, string name) =>
        objects.TryGetValue(name, out var o) && o.Type == "table" && !o.Sql.TrimStart().StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase);

    private static void Execute(SqliteConnection db, string sql)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";

    private static FileBudgetException Bad(string en, string zh) => new(new(en, zh));
}
