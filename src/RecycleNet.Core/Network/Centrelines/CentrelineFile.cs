using System.Text;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using RecycleNet.Core.Import;
using RecycleNet.Core.Input;

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

    /// <summary>Reads the file under <paramref name="limits"/>; a file past one, or malformed, throws <see cref="OsmFormatException"/> naming the rule.</summary>
    public static List<CentrelineRow> Read(string path, CentrelineFormat format, string? table = null, CentrelineLimits? limits = null, ReadDeadline? deadline = null)
    {
        limits ??= new CentrelineLimits();
        deadline ??= new ReadDeadline(limits.TimeLimit);
        try
        {
            return format switch
            {
                CentrelineFormat.GeoJson => ReadGeoJson(path, limits),
                CentrelineFormat.Shapefile => ReadZippedShapefile(path, limits, deadline),
                _ => ReadGeoPackage(path, table, limits, deadline),
            };
        }
        catch (FileBudgetException e) { throw OsmFormatException.Of(e.Reason); }
    }

    private static List<CentrelineRow> ReadGeoJson(string path, CentrelineLimits limits)
    {
        var bytes = new FileInfo(path).Length;
        if (bytes > limits.MaxGeoJsonBytes)
            throw new FileBudgetException(new($"the GeoJSON is {ZipBudget.Size(bytes)}; centrelines as GeoJSON are read up to {ZipBudget.Size(limits.MaxGeoJsonBytes)} (send a GeoPackage or a zipped Shapefile)",
                $"GeoJSON 文件有 {ZipBudget.Size(bytes)}；GeoJSON 格式的道路中心线最多读取 {ZipBudget.Size(limits.MaxGeoJsonBytes)}（请改用 GeoPackage 或 zip 压缩的 Shapefile）"));
        List<ImportRow> read;
        try { read = GeoJsonRowReader.Read(File.ReadAllBytes(path)); }
        catch (ImportFormatException e) { throw new FileBudgetException(new($"The GeoJSON cannot be read: {e.Field} {e.Message}", $"GeoJSON 无法读取：{e.Field} {e.MessageZh}")); }
        if (read.Count > limits.MaxLines)
            throw new FileBudgetException(new($"the GeoJSON holds {read.Count:N0} features; at most {limits.MaxLines:N0} are read", $"GeoJSON 有 {read.Count:N0} 个要素；最多读取 {limits.MaxLines:N0} 个"));
        return [.. read.Select(r => new CentrelineRow(r.Index, r.Geometry, r.Properties))];
    }

    private static List<CentrelineRow> ReadZippedShapefile(string path, CentrelineLimits limits, ReadDeadline deadline)
    {
        using var file = File.OpenRead(path);
        using var zip = ZipBudget.Open(file, limits.Zip, "the Shapefile's zip (.shp, .shx, .dbf and .cpg in one .zip)", "Shapefile 压缩包（.shp、.shx、.dbf 和 .cpg 须在同一个 .zip 中）");
        var shp = zip.Entries.Where(e => e.FullName.EndsWith(".shp", StringComparison.OrdinalIgnoreCase)).ToList();
        if (shp.Count != 1) throw new FileBudgetException(new($"The zip holds {shp.Count} .shp files; it must hold one.", $"压缩包中有 {shp.Count} 个 .shp 文件，须恰好一个。"));
        var stem = shp[0].FullName[..^4];
        var dbf = zip.GetEntry(stem + ".dbf") ?? zip.GetEntry(stem + ".DBF")
            ?? throw new FileBudgetException(new($"The zip has {shp[0].FullName} but no {stem}.dbf beside it.", $"压缩包中有 {shp[0].FullName}，但旁边没有 {stem}.dbf。"));
        var cpg = zip.GetEntry(stem + ".cpg") ?? zip.GetEntry(stem + ".CPG");
        long unpacked = 0;
        Encoding? encoding = null;
        if (cpg is not null)
        {
            // A code page's name is a word: 64 bytes hold any, and a .cpg of gigabytes is refused at its 65th.
            using var text = new MemoryStream();
            ZipBudget.Inflate(cpg, text, limits.Zip, ref unpacked, memberCap: 64);
            encoding = ShapefileEncoding.FromCpg(Encoding.ASCII.GetString(text.ToArray()));
        }
        // The reader wants seekable streams: the members are inflated under the budget into files that vanish when closed.
        using var shpStream = NetworkTempFiles.Create();
        ZipBudget.Inflate(shp[0], shpStream, limits.Zip, ref unpacked);
        using var dbfStream = NetworkTempFiles.Create();
        ZipBudget.Inflate(dbf, dbfStream, limits.Zip, ref unpacked);
        ShapefileGuard.CheckShp(shpStream, limits, deadline);
        ShapefileGuard.CheckDbf(dbfStream, limits);
        if (encoding is null)
        {
            // No .cpg: the header's language driver says (the guard has read the header, so byte 29 is there).
            dbfStream.Position = ShapefileEncoding.LanguageDriverOffset;
            encoding = ShapefileEncoding.FromLanguageDriver((byte)dbfStream.ReadByte());
        }
        shpStream.Position = 0;
        dbfStream.Position = 0;
        try
        {
            var rows = new List<CentrelineRow>();
            foreach (var f in Shapefile.ReadAllFeatures(shpStream, dbfStream, new ShapefileReaderOptions { Encoding = encoding }))
            {
                if ((rows.Count & 1023) == 0) deadline.Check();
                rows.Add(new CentrelineRow(rows.Count, f.Geometry,
                    f.Attributes.GetNames().ToDictionary(n => n, n => (object?)f.Attributes[n], StringComparer.OrdinalIgnoreCase)));
            }
            return rows;
        }
        catch (Exception e) when (e is not (FileBudgetException or OperationCanceledException or OutOfMemoryException))
        {
            // The structure was checked; what remains is content the reader could not make sense of.
            throw new FileBudgetException(new($"The Shapefile cannot be read: {ForeignText.Of(e)}", $"Shapefile 无法读取：{ForeignText.Of(e)}"));
        }
    }

    private static List<CentrelineRow> ReadGeoPackage(string path, string? table, CentrelineLimits limits, ReadDeadline deadline)
    {
        try
        {
            return GeoPackageLines.Read(path, table, limits, deadline);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 9) // SQLITE_INTERRUPT: the budget's clock stopped a statement
        {
            deadline.Check();
            throw new FileBudgetException(new("The GeoPackage took too long to read.", "GeoPackage 读取超时。"));
        }
        catch (SqliteException e)
        {
            throw new FileBudgetException(new($"The GeoPackage cannot be read: {ForeignText.Of(e)}", $"GeoPackage 无法读取：{ForeignText.Of(e)}"));
        }
    }
}
