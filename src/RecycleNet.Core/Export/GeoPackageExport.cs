using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Export;

/// <summary>
/// An OGC GeoPackage 1.3 with one feature table named after the collection: the required metadata tables, the
/// CRS by its EPSG code with WKT, fid = the feature's stable id, and geometries as GeoPackage binary (header with
/// envelope, then little-endian WKB). Written to a file (SQLite needs one) that the caller streams and deletes.
/// </summary>
public static class GeoPackageExport
{
    public static void Write(string path, CollectionInfo c, IEnumerable<FeatureRecord> features, OutputCrs crs)
    {
        if (crs.Epsg is null && !ReferenceEquals(crs, OutputCrs.Crs84) || crs.Wkt is null)
            throw new ArgumentException($"{crs} has no EPSG code to put in a GeoPackage", nameof(crs));
        var srs = crs.Epsg ?? 4326;
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var tx = db.BeginTransaction();
        void Run(string sql, params (string, object?)[] args)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (k, v) in args) cmd.Parameters.AddWithValue(k, v ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }
        Run("PRAGMA application_id = 1196444487"); // 'GPKG'
        Run("PRAGMA user_version = 10300");
        Run("""
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)
            """);
        Run("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL), ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL)");
        Run("INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, 'EPSG', $id, $wkt, $title)", ("$name", crs.Title), ("$id", srs), ("$wkt", crs.Wkt), ("$title", crs.Uri));
        Run("""
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id))
            """);
        Run("""
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL REFERENCES gpkg_spatial_ref_sys(srs_id), z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))
            """);

        var table = c.Id;
        var columns = string.Concat(c.Fields.Select(f => $", \"{f.Name}\" {SqlType(f.Type, f.Name == c.DateField)}"));
        Run($"CREATE TABLE \"{table}\" (fid INTEGER PRIMARY KEY NOT NULL, geom {(c.GeometryType == "point" ? "POINT" : "GEOMETRY")}{columns})");
        Run("INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, $srs, 0, 0)", ("$t", table), ("$type", c.GeometryType == "point" ? "POINT" : "GEOMETRY"), ("$srs", srs));

        var extent = new Envelope();
        using (var insert = db.CreateCommand())
        {
            var names = c.Fields.Select((f, i) => $"$p{i}").ToList();
            insert.CommandText = $"INSERT INTO \"{table}\" VALUES ($fid, $geom{string.Concat(names.Select(n => ", " + n))})";
            var fid = insert.Parameters.Add("$fid", SqliteType.Integer);
            var geom = insert.Parameters.Add("$geom", SqliteType.Blob);
            // Untyped: SQLite stores each value with its own type (INTEGER, REAL, TEXT), as GDAL expects.
            var values = names.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToList();
            var wkb = new WKBWriter(ByteOrder.LittleEndian, handleSRID: false, emitZ: false, emitM: false);
            foreach (var f in features)
            {
                var g = crs.FromWgs84EastFirst(f.Geometry);
                extent.ExpandToInclude(g.EnvelopeInternal);
                fid.Value = f.Id;
                geom.Value = Blob(g, srs, wkb);
                for (var i = 0; i < values.Count; i++)
                {
                    var v = f[c.Fields[i].Name];
                    values[i].Value = v switch
                    {
                        null => DBNull.Value,
                        bool b => b ? 1 : 0,
                        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        string s => s,
                        int or long or double or decimal => v,
                        _ => Layers.PropertyValues.Text(v),
                    };
                }
                insert.ExecuteNonQuery();
            }
        }
        Run("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $d, $x0, $y0, $x1, $y1, $srs)",
            ("$t", table), ("$d", c.Title), ("$x0", extent.IsNull ? null : extent.MinX), ("$y0", extent.IsNull ? null : extent.MinY),
            ("$x1", extent.IsNull ? null : extent.MaxX), ("$y1", extent.IsNull ? null : extent.MaxY), ("$srs", srs));
        tx.Commit();
    }

    private static string SqlType(string type, bool isDate) => isDate ? "DATE" : type switch
    {
        "integer" => "INTEGER",
        "number" => "REAL",
        "boolean" => "BOOLEAN",
        _ => "TEXT",
    };

    /// <summary>GeoPackage binary: "GP", version 0, flags (little-endian, xy envelope or empty), srs id, envelope, WKB.</summary>
    private static byte[]? Blob(Geometry g, int srs, WKBWriter wkb)
    {
        if (g.IsEmpty) return null;
        var body = wkb.Write(g);
        var env = g.EnvelopeInternal;
        var blob = new byte[8 + 32 + body.Length];
        blob[0] = (byte)'G'; blob[1] = (byte)'P'; blob[2] = 0;
        blob[3] = 0b0000_0011; // bit 0: little-endian; bits 1-3 = 1: envelope [minx, maxx, miny, maxy]
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), srs);
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(8), env.MinX);
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(16), env.MaxX);
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(24), env.MinY);
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(32), env.MaxY);
        body.CopyTo(blob, 40);
        return blob;
    }
}
