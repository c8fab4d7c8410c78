using System.Text;
using MiniExcelLibs;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Import;

namespace RecycleNet.Tests.Core.Import;

public class TableRowReaderTests
{
    [Fact]
    public void CSV_rows_carry_sheet_row_numbers_and_point_geometry()
    {
        var rows = TableRowReader.ReadCsv(Encoding.UTF8.GetBytes("name,households,lon,lat\nA,10,117.1,36.6\n\nB,20,117.2,36.7\n"));
        Assert.Equal([2, 4], rows.Select(r => r.Index));
        var p = Assert.IsType<Point>(rows[1].Geometry);
        Assert.Equal((117.2, 36.7), (p.X, p.Y));
        Assert.Equal("20", rows[1].Properties["HOUSEHOLDS"]);
    }

    [Fact]
    public void Chinese_headers_and_a_combined_lnglat_column_are_understood()
    {
        var rows = TableRowReader.ReadCsv(Encoding.UTF8.GetBytes("名称,户数,经纬度\n华润中央公园,2372,\"117.045243,36.609251\"\n"));
        var p = Assert.IsType<Point>(rows[0].Geometry);
        Assert.Equal(117.045243, p.X);
    }

    [Theory]
    [InlineData("name\nA\n", "is missing: add lon/lat (or x/y) columns")]
    [InlineData("name,lon\nA,117\n", "needs both columns: found 'lon' only")]
    [InlineData("name,lon,lat\nA,abc,36\n", "column 'lon' must be a number, got 'abc'")]
    public void Missing_or_bad_coordinates_are_row_errors_not_exceptions(string csv, string reason)
    {
        var row = Assert.Single(TableRowReader.ReadCsv(Encoding.UTF8.GetBytes(csv)));
        Assert.Null(row.Geometry);
        Assert.Equal(reason, row.GeometryError?.En);
    }

    [Fact]
    public void GBK_text_is_read_as_GB18030_and_text_in_neither_is_refused_at_its_byte()
    {
        // "n\n你" in GBK: not UTF-8, clean GB18030.
        var rows = TableRowReader.ReadCsv(new byte[] { 0x6E, 0x0A, 0xC4, 0xE3 }, null, out var encoding);
        Assert.Equal("GB18030", encoding);
        Assert.Equal("你", Assert.Single(rows).Properties["n"]);
        // 0xFF starts nothing in either: the first byte UTF-8 cannot read is named.
        var e = Assert.Throws<ImportFormatException>(() => TableRowReader.ReadCsv(new byte[] { 0x6E, 0x0A, 0xFF, 0xE3 }));
        Assert.Contains("byte 3", e.Message);
        Assert.Contains("UTF-8", e.MessageZh);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0xE4, 0xBD, 0xA0 }, null)] // valid UTF-8 with a BOM
    [InlineData(new byte[] { 0x61, 0xC4 }, 2L)] // a lead byte and nothing after it
    [InlineData(new byte[] { 0x61, 0x62, 0xE4, 0xBD }, 3L)] // a character cut short
    public void The_first_byte_UTF8_cannot_read_is_found(byte[] body, long? expected) => Assert.Equal(expected, CsvText.FirstInvalidUtf8(body));

    [Fact]
    public void XLSX_first_sheet_with_header_row()
    {
        using var ms = new MemoryStream();
        ms.SaveAs(new[]
        {
            new Dictionary<string, object> { ["name"] = "甲", ["households"] = 300, ["lon"] = 117.01, ["lat"] = 36.65 },
            new Dictionary<string, object> { ["name"] = "乙", ["households"] = 400, ["lon"] = 117.02, ["lat"] = 36.66 },
        });
        var rows = TableRowReader.ReadXlsx(ms.ToArray());
        Assert.Equal(2, rows.Count);
        Assert.Equal(3, rows[1].Index);
        Assert.Equal("乙", rows[1].Properties["name"]);
        Assert.Equal(117.02, ((Point)rows[1].Geometry!).X);
    }

    [Fact]
    public void A_body_that_is_not_a_workbook_is_a_format_error() =>
        Assert.Throws<ImportFormatException>(() => TableRowReader.ReadXlsx("PK\u0003\u0004garbage"u8.ToArray()));
}
