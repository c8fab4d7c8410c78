using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using RecycleNet.Core.Import;

namespace RecycleNet.Core.Network.Centrelines;

/// <summary>The forms road centrelines come in from a surveying institute.</summary>
public enum CentrelineFormat { GeoJson, Shapefile, GeoPackage }

/// <summary>One centreline as read: its line (in the file's CRS) and its attributes (case-insensitive).</summary>
public sealed record CentrelineRow(int Index, Geometry? Line, IReadOnlyDictionary<string, object?> Attributes);

/// <summary>
/// Reads road centrelines — a city's 1:10,000 survey data as bureaus hold it — from a GeoJSON FeatureCollection, a zipped
/// Shapefile (.shp, .dbf, and .cpg naming the attribute encoding; none: GBK, what Chinese GIS software writes) or a
/// GeoPackage (its first features table, or the one named). Geometry stays in the file's CRS; the caller declares it.
/// Throws <see cref="OsmFormatException"/> for a file that is none of these.
/// </summary>
public static class CentrelineFile
{
    static CentrelineFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static List<CentrelineRow> Read(string path, CentrelineFormat format, string? table = null) => format switch
    {
        CentrelineFormat.GeoJson => ReadGeoJson(File.ReadAllBytes(path)),
        CentrelineFormat.Shapefile => ReadZippedShapefile(path),
        _ => ReadGeoPackage(path, table),
    };

    private static List<CentrelineRow> ReadGeoJson(byte[] bytes)
    {
        try
        {
            return [.. GeoJsonRowReader.Read(bytes).Select(r => new CentrelineRow(r.Index, r.Geometry, r.Properties))];
        }
        catch (ImportFormatException e)
        {
            throw new OsmFormatException($"The GeoJSON cannot be read: {e.Field} {e.Message}");
        }
    }

    private static List<CentrelineRow> ReadZippedShapefile(string path)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException) { throw new OsmFormatException("A Shapefile must come zipped (.shp, .shx, .dbf and .cpg in one .zip)."); }
        using (zip)
        {
            var shp = zip.Entries.Where(e => e.FullName.EndsWith(".shp", StringComparison.OrdinalIgnoreCase)).ToList();
            if (shp.Count != 1) throw new OsmFormatException($"The zip holds {shp.Count} .shp files; it must hold one.");
            var stem = shp[0].FullName[..^4];
            var dbf = zip.GetEntry(stem + ".dbf") ?? zip.GetEntry(stem + ".DBF") ?? throw new OsmFormatException($"The zip has {shp[0].FullName} but no {stem}.dbf beside it.");
            var cpg = zip.GetEntry(stem + ".cpg") ?? zip.GetEntry(stem + ".CPG");
            var encoding = Encoding.GetEncoding(936); // GBK, when no .cpg says otherwise
            if (cpg is not null)
            {
                using var reader = new StreamReader(cpg.Open());
                var name = reader.ReadToEnd().Trim();
                encoding = name.ToUpperInvariant() switch
                {
                    "UTF-8" or "UTF8" or "65001" => Encoding.UTF8,
                    "GBK" or "GB2312" or "CP936" or "936" or "ANSI 936" => Encoding.GetEncoding(936),
                    "GB18030" or "54936" => Encoding.GetEncoding(54936),
                    _ => throw new OsmFormatException($"The .cpg names the encoding '{name}', which is not one of UTF-8, GBK (936) or GB18030."),
                };
            }
            // The reader wants seekable streams: the entries are copied out (bounded by the upload's own limit).
            using var shpStream = Copy(shp[0]);
            using var dbfStream = Copy(dbf);
            try
            {
                var features = Shapefile.ReadAllFeatures(shpStream, dbfStream, new ShapefileReaderOptions { Encoding = encoding });
                return [.. features.Select((f, i) => new CentrelineRow(i, f.Geometry,
                    f.Attributes.GetNames().ToDictionary(n => n, n => (object?)f.Attributes[n], StringComparer.OrdinalIgnoreCase)))];
            }
            catch (Exception e) when (e is not OsmFormatException and (InvalidDataException or IOException or ArgumentException or NotSupportedException or FormatException))
            {
                throw new OsmFormatException($"The Shapefile cannot be read: {e.Message}");
            }
        }
    }

    private static MemoryStream Copy(ZipArchiveEntry entry)
    {
        var ms = new MemoryStream();
        using (var s = entry.Open()) s.CopyTo(ms);
        ms.Position = 0;
        return ms;
    }

    private static List<CentrelineRow> ReadGeoPackage(string path, string? table)
    {
        try
        {
            using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            db.Open();
            string name, column;
            using (var c = db.CreateCommand())
            {
                c.CommandText = "SELECT table_name, column_name FROM gpkg_geometry_columns" + (table is null ? " ORDER BY table_name LIMIT 1" : " WHERE table_name = $t");
                if (table is not null) c.Parameters.AddWithValue("$t", table);
                using var r = c.ExecuteReader();
                if (!r.Read()) throw new OsmFormatException(table is null ? "The GeoPackage has no features table." : $"The GeoPackage has no features table '{table}'.");
                (name, column) = (r.GetString(0), r.GetString(1));
            }
            var rows = new List<CentrelineRow>();
            var wkb = new WKBReader();
            using var q = db.CreateCommand();
            // Identifiers from the file's own catalogue, quoted: a table name cannot become SQL.
            q.CommandText = $"SELECT * FROM \"{name.Replace("\"", "\"\"")}\"";
            using var reader = q.ExecuteReader();
            var geometryAt = reader.GetOrdinal(column);
            while (reader.Read())
            {
                var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                    if (i != geometryAt) attributes[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                var blob = reader.IsDBNull(geometryAt) ? null : (byte[])reader.GetValue(geometryAt);
                rows.Add(new CentrelineRow(rows.Count, blob is null ? null : wkb.Read(StandardWkb(blob)), attributes));
            }
            return rows;
        }
        catch (SqliteException e)
        {
            throw new OsmFormatException($"The GeoPackage cannot be read: {e.Message}");
        }
        catch (ParseException e)
        {
            throw new OsmFormatException($"A GeoPackage geometry cannot be read: {e.Message}");
        }
    }

    /// <summary>The standard WKB inside a GeoPackage geometry blob: after "GP", version, flags, SRS id and the envelope the flags announce.</summary>
    private static byte[] StandardWkb(byte[] blob)
    {
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P') throw new ParseException("not a GeoPackage geometry (no 'GP' header)");
        var envelope = (blob[3] >> 1 & 0b111) switch { 0 => 0, 1 => 32, 2 or 3 => 48, 4 => 64, var e => throw new ParseException($"envelope code {e}") };
        return blob[(8 + envelope)..];
    }
}
