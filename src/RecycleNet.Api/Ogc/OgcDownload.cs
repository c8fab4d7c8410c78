using RecycleNet.Core.Export;
using RecycleNet.Core.Features;

namespace RecycleNet.Api.Ogc;

/// <summary>A page of features as a file (CSV, XLSX, GeoPackage, zipped Shapefile), named after the collection.</summary>
public static class OgcDownload
{
    public static async Task<IResult> FileAsync(CollectionInfo c, FeaturePage page, OgcItemsQuery q, CancellationToken ct)
    {
        var (mediaType, extension, _) = OgcFormat.Describe(q.Format);
        var name = $"{c.Id}.{extension}";
        if (q.Format == OgcFormat.GeoPackage)
        {
            // SQLite writes to a file; it is read back and deleted.
            var path = Path.Combine(Path.GetTempPath(), $"recyclenet-{Guid.NewGuid():N}.gpkg");
            try
            {
                GeoPackageExport.Write(path, c, page.Features, q.Crs);
                return TypedResults.File(await File.ReadAllBytesAsync(path, ct), mediaType, name);
            }
            finally
            {
                File.Delete(path);
            }
        }
        var body = new MemoryStream();
        switch (q.Format)
        {
            case OgcFormat.Csv: CsvExport.Write(body, c, page.Features, q.Crs); break;
            case OgcFormat.Xlsx: XlsxExport.Write(body, c, page.Features, q.Crs); break;
            default: ShapefileExport.Write(body, c, page.Features, q.Crs); break;
        }
        body.Position = 0;
        return TypedResults.File(body, mediaType, name);
    }
}
