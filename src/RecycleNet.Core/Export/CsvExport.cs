using System.Globalization;
using System.Text;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Export;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel on a Chinese Windows shows 中文 rather than mojibake;
/// CRLF line ends; numbers culture-invariant; text that a spreadsheet would run as a formula is neutralised
/// (<see cref="SpreadsheetText"/>). O(features).
/// </summary>
public static class CsvExport
{
    public static void Write(Stream output, CollectionInfo c, IEnumerable<FeatureRecord> features, OutputCrs crs)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        w.WriteLine(string.Join(",", FeatureExport.Header(c, crs).Select(Quote)));
        foreach (var f in features)
            w.WriteLine(string.Join(",", FeatureExport.Cells(c, f, crs).Select(v => Quote(v switch
            {
                null => "",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                _ => SpreadsheetText.Safe(PropertyValues.Text(v) ?? ""),
            }))));
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
