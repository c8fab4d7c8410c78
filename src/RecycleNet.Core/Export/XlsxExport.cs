using MiniExcelLibs;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Export;

/// <summary>One worksheet named after the collection: a header row, then a row per feature with numeric cells for numbers.</summary>
public static class XlsxExport
{
    public static void Write(Stream output, CollectionInfo c, IEnumerable<FeatureRecord> features, OutputCrs crs)
    {
        var header = FeatureExport.Header(c, crs);
        var rows = features.Select(f =>
        {
            var row = new Dictionary<string, object?>(header.Count);
            var i = 0;
            foreach (var v in FeatureExport.Cells(c, f, crs))
                row[header[i++]] = v switch { DateOnly d => PropertyValues.Text(d), string s => SpreadsheetText.Safe(s), _ => v };
            return row;
        });
        output.SaveAs(rows, sheetName: c.Id.Length > 31 ? c.Id[..31] : c.Id);
    }
}
