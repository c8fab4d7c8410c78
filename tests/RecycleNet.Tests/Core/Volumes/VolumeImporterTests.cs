using System.Text;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;
using RecycleNet.Core.Volumes;

namespace RecycleNet.Tests.Core.Volumes;

public class VolumeImporterTests
{
    private static readonly FacilityDirectory Facilities = new(
    [
        new ReportingFacility(FacilityKind.Outlet, 1, "东风回收站", null, null, 7, null, FacilityStatus.Operating),
        new ReportingFacility(FacilityKind.Outlet, 2, "同名网点", null, null, 7, null, FacilityStatus.Operating),
        new ReportingFacility(FacilityKind.SortingCenter, 3, "同名网点", null, null, 7, null, FacilityStatus.Operating),
        new ReportingFacility(FacilityKind.Outlet, 4, "已停业网点", null, new DateOnly(2025, 3, 15), 7, null, FacilityStatus.Closed),
        new ReportingFacility(FacilityKind.Enterprise, 5, "拆解公司", null, null, null, null, null),
    ]);

    private static VolumeSheet Read(string csv) =>
        new VolumeImporter(SmallCityReports.Categories, Facilities, new VolumeImportOptions { LatestMonth = new ReportMonth(2025, 10) })
            .Read(TableRowReader.ReadCsv(Encoding.UTF8.GetBytes(csv)));

    [Fact]
    public void Wide_form_with_chinese_headers_gives_a_figure_per_filled_cell()
    {
        var sheet = Read("单位名称,统计月份,废钢铁(吨),废纸（吨）,废弃电器电子产品(台),废弃电器电子产品/吨,备注\n东风回收站,2025年3月,12.5,,40,1.8,三月\n");
        Assert.Empty(sheet.Errors);
        Assert.Equal("wide", sheet.Layout);
        Assert.Equal(["scrap-steel/t/12500", "appliances/units/40000", "appliances/t/1800"],
            sheet.Figures.Select(f => $"{f.Category.Id}/{f.Unit.Id}/{f.QuantityMilli}"));
        Assert.All(sheet.Figures, f => Assert.Equal((1L, new ReportMonth(2025, 3), "三月"), (f.Facility.Id, f.Month, f.Note)));
    }

    [Fact]
    public void Long_form_by_type_and_id_or_by_reference()
    {
        var sheet = Read("facilityType,facilityId,month,category,quantity,unit\nenterprises,5,2025-01,报废汽车,120,辆\nsorting-centers,3,202502,废纸,3.5,t\n");
        Assert.Empty(sheet.Errors);
        Assert.Equal("long", sheet.Layout);
        Assert.Equal([(FacilityKind.Enterprise, "vehicles", 120_000L), (FacilityKind.SortingCenter, "paper", 3_500L)],
            sheet.Figures.Select(f => (f.Facility.Kind, f.Category.Id, f.QuantityMilli)));
        var byRef = Read("facility,month,category,quantity,unit\noutlets/1,2025-01,plastics,2,吨\n");
        Assert.Equal(1L, Assert.Single(byRef.Figures).Facility.Id);
    }

    [Fact]
    public void Every_bad_row_is_named_with_its_field_and_nothing_is_kept()
    {
        var sheet = Read(
            "单位名称,统计月份,品类,数量,计量单位\n" +
            "东风回收站,2025-01,废纸,-3,吨\n" +          // row 2: negative
            "东风回收站,2025-01,废塑料,三吨,吨\n" +        // row 3: not a number
            "东风回收站,2025-01,废纸,1,台\n" +            // row 4: a unit paper is not reported in
            "东风回收站,2025-11,废纸,1,吨\n" +            // row 5: the month has not ended
            "东风回收站,1999-12,废纸,1,吨\n" +            // row 6: before 2000
            "无名网点,2025-01,废纸,1,吨\n" +              // row 7: unknown facility
            "同名网点,2025-01,废纸,1,吨\n" +              // row 8: ambiguous
            "东风回收站,2025-02,废纸,1,吨\n" +            // row 9: fine
            "东风回收站,2025-02,废纸,2,吨\n" +            // row 10: the same facility-month-category again
            "已停业网点,2025-04,废纸,1,吨\n" +            // row 11: after its closing
            "东风回收站,2025-02,废弃电器电子产品,1.5,台\n"); // row 12: appliances are counted
        Assert.Empty(sheet.Figures);
        Assert.Equal([(2, "quantity"), (3, "quantity"), (4, "unit"), (5, "month"), (6, "month"), (7, "facility"), (8, "facility"), (10, "category"), (11, "month"), (12, "quantity")],
            sheet.Errors.Select(e => (e.Index!.Value, e.Field!)));
        Assert.Contains("row 9", sheet.Errors.Single(e => e.Index == 10).Reason);
        Assert.Contains("outlets/2, sorting-centers/3", sheet.Errors.Single(e => e.Index == 8).Reason);
        Assert.Contains("closed on 2025-03-15", sheet.Errors.Single(e => e.Index == 11).Reason);
        Assert.Contains("2025-10", sheet.Errors.Single(e => e.Index == 5).Reason);
    }

    [Fact]
    public void A_name_made_unique_by_its_type_is_found()
    {
        var sheet = Read("单位名称,类型,统计月份,废纸(吨)\n同名网点,分拣中心,2025-01,4\n");
        Assert.Equal((FacilityKind.SortingCenter, 3L), (Assert.Single(sheet.Figures).Facility.Kind, sheet.Figures[0].Facility.Id));
    }

    [Theory]
    [InlineData("单位名称,统计月份,废钢材(吨)\n东风回收站,2025-01,1\n", "废钢材(吨)", "is not a category")]
    [InlineData("单位名称,统计月份,废弃电器电子产品\n东风回收站,2025-01,1\n", "废弃电器电子产品", "does not say its unit")]
    [InlineData("单位名称,统计月份,废纸(千克)\n东风回收站,2025-01,1\n", "废纸(千克)", "is not a unit")]
    [InlineData("单位名称,统计月份,废纸(台)\n东风回收站,2025-01,1\n", "废纸(台)", "is not reported in 台")]
    [InlineData("单位名称,统计月份,备注\n东风回收站,2025-01,x\n", "category", "no category found")]
    [InlineData("单位名称,品类,数量,计量单位\n东风回收站,废纸,1,吨\n", "month", "no month column")]
    [InlineData("单位名称,统计月份,品类,数量,计量单位,废纸(吨)\n东风回收站,2025-01,废纸,1,吨,2\n", "category", "use one layout")]
    public void Header_faults_are_refused_naming_the_column(string csv, string field, string reason)
    {
        var error = Assert.Single(Read(csv).Errors);
        Assert.Equal((null, field), (error.Index, error.Field));
        Assert.Contains(reason, error.Reason);
    }

    [Theory]
    [InlineData("2024-03", 202403)]
    [InlineData("2024/3", 202403)]
    [InlineData("2024年3月", 202403)]
    [InlineData("202403", 202403)]
    [InlineData("2024-03-01", 202403)]
    [InlineData("2024.12", 202412)]
    public void Months_as_forms_write_them(string text, int key)
    {
        Assert.True(ReportMonth.TryParse(text, out var m));
        Assert.Equal(key, m.Key);
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("24-03")]
    [InlineData("March 2024")]
    [InlineData("2024")]
    public void Months_that_are_not_months(string text) => Assert.False(ReportMonth.TryParse(text, out _));
}
