using System.IO.Compression;
using System.Text;
using RecycleNet.Core.Import;
using RecycleNet.Core.Volumes;
using RecycleNet.Tests.Core.Volumes;

namespace RecycleNet.Tests.Core.Import;

/// <summary>
/// Chinese Excel formats a month as yyyy"年"m"月" (built-in number format 57) and a date as yyyy"年"m"月"d"日" (31):
/// the workbook reader leaves such cells a bare day count, which used to be refused as "not a month". Built here part by
/// part as Excel writes them, beside a cell in the format the reader knows (14, m/d/yyyy).
/// </summary>
public class ChineseDateCellTests
{
    /// <summary>A one-sheet workbook; each cell is text, a plain number, or (day count, number format id).</summary>
    private static byte[] Workbook(params object[][] rows)
    {
        var styles = new List<int> { 0 };
        var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var at = $"{(char)('A' + c)}{r + 1}";
                switch (rows[r][c])
                {
                    case string s: sheet.Append($"<c r=\"{at}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(s)}</t></is></c>"); break;
                    case (int days, int format):
                        if (!styles.Contains(format)) styles.Add(format);
                        sheet.Append($"<c r=\"{at}\" s=\"{styles.IndexOf(format)}\"><v>{days}</v></c>"); break;
                    case var n: sheet.Append($"<c r=\"{at}\"><v>{Convert.ToString(n, System.Globalization.CultureInfo.InvariantCulture)}</v></c>"); break;
                }
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        var xfs = string.Concat(styles.Select(f => $"<xf numFmtId=\"{f}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"));
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>",
            ["_rels/.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>",
            ["xl/styles.xml"] = $"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"1\"><font><sz val=\"11\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"{styles.Count}\">{xfs}</cellXfs></styleSheet>",
            ["xl/worksheets/sheet1.xml"] = sheet.ToString(),
        };
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, xml) in parts)
                using (var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false)))
                    w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
        return ms.ToArray();
    }

    [Fact]
    public void A_month_in_Chinese_Excels_month_format_is_that_month()
    {
        // 45352 is 2024-03-01, 45383 is 2024-04-01.
        var book = Workbook(["单位名称", "统计月份", "废纸(吨)"], ["F1", (45352, 57), 1.5], ["F1", (45383, 14), 2]);
        var rows = TableRowReader.ReadXlsx(book);
        Assert.IsType<double>(rows[0].Properties["统计月份"]); // what the reader leaves: the day count
        var sheet = new VolumeImporter(SmallCityReports.Categories, new FacilityDirectory([SmallCityReports.F1]),
            new VolumeImportOptions { LatestMonth = new ReportMonth(2025, 10) }).Read(rows);
        Assert.Empty(sheet.Errors);
        Assert.Equal([new ReportMonth(2024, 3), new ReportMonth(2024, 4)], sheet.Figures.Select(f => f.Month));
    }

    [Fact]
    public void An_outlets_opening_date_in_Chinese_Excels_date_format_is_that_date()
    {
        var city = Coverage.HandMadeCity.Build();
        var (lon, lat) = Network.TestNetworks.LonLat(0, 0);
        var rows = TableRowReader.ReadXlsx(Workbook(["名称", "类型", "经度", "纬度", "openedOn"], ["新网点", "固定", lon, lat, (45352, 31)]));
        var errors = new List<ImportError>();
        var outlet = RecycleNet.Core.Layers.LayerImporter.Validate(RecycleNet.Core.Layers.OutletLayer.Instance, rows[0],
            RecycleNet.Core.Geography.DeclaredCrs.Wgs84, RecycleNet.Core.Plans.PlanApplier.ContextOf(city), errors);
        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2024, 3, 1), ((RecycleNet.Core.Model.Outlet)outlet!).OpenedOn);
    }

    [Theory]
    [InlineData(45352.0, true, 2024, 3, 1)]
    [InlineData(45352.75, true, 2024, 3, 1)] // a time of day is dropped
    [InlineData(202403.0, false, 0, 0, 0)]    // yyyyMM, read as such elsewhere
    [InlineData(3.0, false, 0, 0, 0)]         // a bare month number is not a date
    [InlineData(double.NaN, false, 0, 0, 0)]
    public void Only_a_day_count_of_this_century_is_read_as_a_date(double value, bool isDate, int y, int m, int d)
    {
        Assert.Equal(isDate, ExcelDates.TryDate(value, out var date));
        if (isDate) Assert.Equal(new DateOnly(y, m, d), date);
        Assert.False(ExcelDates.TryDate("45352", out _)); // text is text: a CSV's digits stay what they say
    }

    [Fact]
    public void A_yyyyMM_number_and_an_Excel_date_both_read_as_months()
    {
        Assert.True(ReportMonth.TryParse(202403L, out var a));
        Assert.True(ReportMonth.TryParse(45352.0, out var b));
        Assert.Equal(a, b);
        Assert.False(ReportMonth.TryParse(3.0, out _));
    }
}
