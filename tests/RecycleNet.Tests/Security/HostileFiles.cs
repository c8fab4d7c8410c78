using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;

namespace RecycleNet.Tests.Security;

/// <summary>A file made to hurt a reader, with what it is and the form (network format or report) it is sent as.</summary>
public sealed record HostileFile(string Name, string Format, byte[] Bytes)
{
    public override string ToString() => $"{Name} ({Format}, {Bytes.Length:N0} bytes)";
}

/// <summary>
/// Builds the hostile files of each family the service reads — GeoPackage, zipped Shapefile, centreline GeoJSON — each
/// beside a valid twin of the same form, so a refusal is the file's fault and not the form's. Built here, byte by byte,
/// from the formats' specifications (GeoPackage 1.3 blobs, ESRI's Shapefile white paper, dBASE III headers).
/// Coordinates are in EPSG:4527 (CGCS2000 Gauss-Kruger zone 39), inside the small city east of Jinan.
/// </summary>
public static class HostileFiles
{
    public const double X0 = 39_520_000, Y0 = 4_060_000;

    // ---------- GeoPackage ----------

    /// <summary>A GeoPackage with a features table "roads" (fid, geom, 道路等级) and what <paramref name="fill"/> adds.</summary>
    public static byte[] GeoPackage(Action<SqliteConnection> fill, bool catalogue = true)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("recyclenet-hostile-").FullName, "roads.gpkg");
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            if (catalogue)
                Exec(db, """
                    CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT, identifier TEXT, srs_id INTEGER);
                    CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
                    CREATE TABLE roads (fid INTEGER PRIMARY KEY, geom BLOB, "道路等级" TEXT);
                    INSERT INTO gpkg_contents VALUES ('roads', 'features', 'roads', 4527);
                    INSERT INTO gpkg_geometry_columns VALUES ('roads', 'geom', 'LINESTRING', 4527, 0, 0);
                    """);
            fill(db);
        }
        var bytes = File.ReadAllBytes(path);
        Directory.Delete(Path.GetDirectoryName(path)!, true);
        return bytes;
    }

    public static void Exec(SqliteConnection db, string sql, params (string Name, object Value)[] args)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        foreach (var (n, v) in args) c.Parameters.AddWithValue(n, v);
        c.ExecuteNonQuery();
    }

    public static void Road(SqliteConnection db, object geometry, string grade = "主干路") =>
        Exec(db, "INSERT INTO roads (geom, \"道路等级\") VALUES ($g, $k)", ("$g", geometry), ("$k", grade));

    /// <summary>A GeoPackage geometry blob: "GP", version 0, flags (little-endian, no envelope), SRS id, then <paramref name="wkb"/>.</summary>
    public static byte[] Blob(byte[] wkb, byte flags = 0b1)
    {
        var blob = new byte[8 + wkb.Length];
        blob[0] = (byte)'G'; blob[1] = (byte)'P'; blob[2] = 0; blob[3] = flags;
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), 4527);
        wkb.CopyTo(blob, 8);
        return blob;
    }

    /// <summary>Little-endian WKB of a line through <paramref name="points"/> (local metres).</summary>
    public static byte[] LineWkb(params (double X, double Y)[] points)
    {
        var wkb = new byte[9 + 16 * points.Length];
        wkb[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(1), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(5), (uint)points.Length);
        for (var i = 0; i < points.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(wkb.AsSpan(9 + 16 * i), X0 + points[i].X);
            BinaryPrimitives.WriteDoubleLittleEndian(wkb.AsSpan(17 + 16 * i), Y0 + points[i].Y);
        }
        return wkb;
    }

    /// <summary>A GeometryCollection holding a GeometryCollection … <paramref name="depth"/> deep, a point at the bottom.</summary>
    public static byte[] NestedCollectionWkb(int depth)
    {
        var wkb = new byte[9 * depth + 21];
        for (var i = 0; i < depth; i++)
        {
            wkb[9 * i] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(9 * i + 1), 7);
            BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(9 * i + 5), 1);
        }
        wkb[9 * depth] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(9 * depth + 1), 1);
        BinaryPrimitives.WriteDoubleLittleEndian(wkb.AsSpan(9 * depth + 5), X0);
        BinaryPrimitives.WriteDoubleLittleEndian(wkb.AsSpan(9 * depth + 13), Y0);
        return wkb;
    }

    public static byte[] ValidGeoPackage() => GeoPackage(db =>
    {
        Road(db, Blob(LineWkb((0, 1000), (2000, 1000))));
        Road(db, Blob(LineWkb((1000, 0), (1000, 2000))), "次干路");
    });

    public static IEnumerable<HostileFile> GeoPackages()
    {
        yield return new("geometry collection nested 50,000 deep", "gpkg", GeoPackage(db => Road(db, Blob(NestedCollectionWkb(50_000)))));
        yield return new("geometry_columns names a view over an endless recursive query", "gpkg", GeoPackage(db =>
        {
            Exec(db, """
                CREATE VIEW endless AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS fid, zeroblob(100000) AS geom, '主干路' AS "道路等级" FROM r;
                DELETE FROM gpkg_contents; DELETE FROM gpkg_geometry_columns;
                INSERT INTO gpkg_contents VALUES ('endless', 'features', 'endless', 4527);
                INSERT INTO gpkg_geometry_columns VALUES ('endless', 'geom', 'LINESTRING', 4527, 0, 0);
                """);
        }));
        yield return new("the catalogue itself is an endless view", "gpkg", GeoPackage(db => Exec(db, """
            CREATE TABLE roads (fid INTEGER PRIMARY KEY, geom BLOB);
            CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT);
            INSERT INTO gpkg_contents VALUES ('roads', 'features');
            CREATE VIEW gpkg_geometry_columns AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'roads' AS table_name, 'geom' AS column_name FROM r;
            """), catalogue: false));
        yield return new("geometry column holds TEXT", "gpkg", GeoPackage(db => Road(db, "LINESTRING(0 0, 1 1)")));
        yield return new("geometry column holds INTEGER", "gpkg", GeoPackage(db => Road(db, 42L)));
        yield return new("blob shorter than its header says", "gpkg", GeoPackage(db => Road(db, Blob([1, 2, 0, 0], flags: 0b1001))));
        yield return new("envelope code 7", "gpkg", GeoPackage(db => Road(db, Blob(LineWkb((0, 0), (10, 0)), flags: 0b1111))));
        yield return new("WKB line claiming 0x7fffffff points", "gpkg", GeoPackage(db =>
        {
            var wkb = LineWkb((0, 0), (10, 0));
            BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(5), 0x7fffffff);
            Road(db, Blob(wkb));
        }));
        yield return new("geometry column missing from the table", "gpkg", GeoPackage(db =>
        {
            Road(db, Blob(LineWkb((0, 0), (10, 0))));
            Exec(db, "UPDATE gpkg_geometry_columns SET column_name = 'shape'");
        }));
        yield return new("NULL table_name", "gpkg", GeoPackage(db => Exec(db, "UPDATE gpkg_geometry_columns SET table_name = NULL; UPDATE gpkg_contents SET table_name = NULL")));
        yield return new("not a database", "gpkg", Encoding.ASCII.GetBytes("SQLite format 3\0 but then nothing of the kind"));
    }

    // ---------- zipped Shapefile ----------

    /// <summary>A .shp of polylines (local metres), per ESRI's white paper: big-endian file code and lengths, little-endian content.</summary>
    public static byte[] Shp(params (double X, double Y)[][] lines)
    {
        using var ms = new MemoryStream();
        var header = new byte[100];
        BinaryPrimitives.WriteInt32BigEndian(header, 9994);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), 1000);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(32), 3);
        ms.Write(header);
        for (var r = 0; r < lines.Length; r++)
        {
            var pts = lines[r];
            var content = new byte[44 + 4 + 16 * pts.Length];
            BinaryPrimitives.WriteInt32LittleEndian(content, 3);
            BinaryPrimitives.WriteDoubleLittleEndian(content.AsSpan(4), X0 + pts.Min(p => p.X));
            BinaryPrimitives.WriteDoubleLittleEndian(content.AsSpan(12), Y0 + pts.Min(p => p.Y));
            BinaryPrimitives.WriteDoubleLittleEndian(content.AsSpan(20), X0 + pts.Max(p => p.X));
            BinaryPrimitives.WriteDoubleLittleEndian(content.AsSpan(28), Y0 + pts.Max(p => p.Y));
            BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(36), 1);
            BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(40), pts.Length);
            BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(44), 0);
            for (var i = 0; i < pts.Length; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(content.AsSpan(48 + 16 * i), X0 + pts[i].X);
                BinaryPrimitives.WriteDoubleLittleEndian(content.AsSpan(56 + 16 * i), Y0 + pts[i].Y);
            }
            var rh = new byte[8];
            BinaryPrimitives.WriteInt32BigEndian(rh, r + 1);
            BinaryPrimitives.WriteInt32BigEndian(rh.AsSpan(4), content.Length / 2);
            ms.Write(rh);
            ms.Write(content);
        }
        var bytes = ms.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(24), bytes.Length / 2);
        return bytes;
    }

    /// <summary>A dBASE III table of one character field 道路等级 (GBK, 20 wide), a row per grade.</summary>
    public static byte[] Dbf(params string[] grades)
    {
        const int width = 20;
        var header = new byte[32 + 32 + 1];
        header[0] = 0x03;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)grades.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)header.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), width + 1);
        header[29] = 0x4D; // language driver: GBK
        CodePages.Gbk.GetBytes("道路等级").CopyTo(header, 32);
        header[32 + 11] = (byte)'C';
        header[32 + 16] = width;
        header[64] = 0x0D;
        using var ms = new MemoryStream();
        ms.Write(header);
        foreach (var g in grades)
        {
            var row = Enumerable.Repeat((byte)' ', width + 1).ToArray();
            CodePages.Gbk.GetBytes(g).CopyTo(row, 1);
            ms.Write(row);
        }
        ms.WriteByte(0x1A);
        return ms.ToArray();
    }

    /// <summary>Members as given, deflated; a member's bytes may come from a writer (a bomb that is never held whole).</summary>
    public static byte[] Zip(params (string Name, Action<Stream> Write)[] members)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, write) in members)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                write(s);
            }
        return ms.ToArray();
    }

    private static Action<Stream> Bytes(byte[] b) => s => s.Write(b);

    /// <summary><paramref name="count"/> bytes of <paramref name="value"/>, written a MiB at a time.</summary>
    private static Action<Stream> Repeat(long count, byte value) => s =>
    {
        var block = new byte[1 << 20];
        Array.Fill(block, value);
        for (var left = count; left > 0; left -= block.Length) s.Write(block, 0, (int)Math.Min(block.Length, left));
    };

    public static readonly (double, double)[][] TwoRoads = [[(0, 1000), (2000, 1000)], [(1000, 0), (1000, 2000)]];

    public static byte[] ValidShapefile() => Zip(("roads.shp", Bytes(Shp(TwoRoads))), ("roads.dbf", Bytes(Dbf("主干路", "次干路"))), ("roads.cpg", Bytes("GBK"u8.ToArray())));

    public static IEnumerable<HostileFile> Shapefiles()
    {
        var shp = Shp(TwoRoads);
        var dbf = Dbf("主干路", "次干路");
        yield return new(".shp cut to 150 bytes", "shapefile", Zip(("roads.shp", Bytes(shp[..150])), ("roads.dbf", Bytes(dbf))));
        var parts = (byte[])shp.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(parts.AsSpan(100 + 8 + 36), 0x7fffffff);
        yield return new("record says numParts = 0x7fffffff", "shapefile", Zip(("roads.shp", Bytes(parts)), ("roads.dbf", Bytes(dbf))));
        var points = (byte[])shp.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(points.AsSpan(100 + 8 + 40), 0x7fffffff);
        yield return new("record says numPoints = 0x7fffffff", "shapefile", Zip(("roads.shp", Bytes(points)), ("roads.dbf", Bytes(dbf))));
        var start = (byte[])shp.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(start.AsSpan(100 + 8 + 44), 5);
        yield return new("part starts past its points", "shapefile", Zip(("roads.shp", Bytes(start)), ("roads.dbf", Bytes(dbf))));
        var records = (byte[])dbf.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(records.AsSpan(4), 0x7fffffff);
        yield return new(".dbf header says 2^31 records", "shapefile", Zip(("roads.shp", Bytes(shp)), ("roads.dbf", Bytes(records))));
        var corrupt = ValidShapefile();
        // The .shp member's deflated bytes start after its local header (30 bytes + its name): garble them.
        for (var i = 30 + "roads.shp".Length + 4; i < 30 + "roads.shp".Length + 40; i++) corrupt[i] ^= 0x5A;
        yield return new("corrupt deflate stream", "shapefile", corrupt);
        yield return new("zip bomb: a .dbf of 1 GiB of zeros", "shapefile", Zip(("roads.shp", Bytes(shp)), ("roads.dbf", Repeat(1L << 30, 0))));
        yield return new("zip bomb: a .shp of 1 GiB of zeros", "shapefile", Zip(("roads.shp", Repeat(1L << 30, 0)), ("roads.dbf", Bytes(dbf))));
        yield return new("zip bomb: a .cpg of 256 MiB of spaces", "shapefile", Zip(("roads.shp", Bytes(shp)), ("roads.dbf", Bytes(dbf)), ("roads.cpg", Repeat(256L << 20, (byte)' '))));
        yield return new("a zip listing 20,000 members", "shapefile",
            Zip([("roads.shp", Bytes(shp)), ("roads.dbf", Bytes(dbf)), .. Enumerable.Range(0, 20_000).Select(i => ($"x/{i}.txt", (Action<Stream>)(_ => { })))]));
        yield return new("not a zip", "shapefile", shp);
    }

    // ---------- centreline GeoJSON ----------

    private static string Feature(string grade, params (double X, double Y)[] points) => "{\"type\":\"Feature\",\"properties\":{\"道路等级\":\"" + grade
        + "\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + string.Join(",", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{X0 + p.X},{Y0 + p.Y}]"))) + "]}}";

    public static byte[] ValidGeoJson() => Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":["
        + Feature("主干路", (0, 1000), (2000, 1000)) + "," + Feature("次干路", (1000, 0), (1000, 2000)) + "]}");

    /// <summary><paramref name="n"/> east-west and <paramref name="n"/> north-south lines of two vertices each, every one crossing every other: n² crossings.</summary>
    public static byte[] Grid(int n)
    {
        var sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (var i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Feature("支路", (0, 2.0 * i + 1), (2.0 * n, 2.0 * i + 1))).Append(',').Append(Feature("支路", (2.0 * i + 1, 0), (2.0 * i + 1, 2.0 * n)));
        }
        return Encoding.UTF8.GetBytes(sb.Append("]}").ToString());
    }

    public static IEnumerable<HostileFile> GeoJsons()
    {
        yield return new("1,000 × 1,000 lines crossing without shared vertices", "geojson", Grid(1_000));
        var nested = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"道路等级\":\"主干路\"},\"geometry\":");
        for (var i = 0; i < 20_000; i++) nested.Append("{\"type\":\"GeometryCollection\",\"geometries\":[");
        nested.Append("{\"type\":\"Point\",\"coordinates\":[0,0]}");
        for (var i = 0; i < 20_000; i++) nested.Append("]}");
        yield return new("geometry collection nested 20,000 deep", "geojson", Encoding.UTF8.GetBytes(nested.Append("}]}").ToString()));
        yield return new("coordinates of 1e400", "geojson", Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"道路等级\":\"主干路\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1e400,1],[2,2]]}}]}"));
    }

    public static IEnumerable<HostileFile> All() => GeoPackages().Concat(Shapefiles()).Concat(GeoJsons());
}
