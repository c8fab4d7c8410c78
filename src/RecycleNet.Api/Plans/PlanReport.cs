using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Export;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Plans;
using RecycleNet.Core.Policies;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using RecycleNet.Core.Cities;

namespace RecycleNet.Api.Plans;

/// <summary>
/// A plan's evaluation as a Word report (.docx), as Chinese government work files it: the plan, its map, the scorecard
/// before and after, the districts it changes, its sites with coordinates and subsidies, and the policy clauses cited.
/// Text from planners (names) goes in as text runs, never as markup.
/// </summary>
public static class PlanReport
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Build(Plan plan, PlanEvaluation e, Policy policy, CitySnapshot city, string cityName, DateTime now)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Heading($"规划方案评估报告：{plan.Name}"));
            body.Append(Text($"城市：{cityName}　政策：{policy.Title}（{policy.DocumentNumber}）"));
            body.Append(Text($"编制人：{ReportWords.AuthorZh(plan.Author)}　状态：{ReportWords.PlanStatusZh(plan.Status)}　版本：{plan.Version}　生成时间：{now:yyyy-MM-dd HH:mm} (UTC)"));

            body.Append(Heading("一、方案地图", 2));
            var image = main.AddImagePart(ImagePartType.Png);
            var options = new PlanMapOptions();
            using (var png = new MemoryStream(PlanMapImage.Render(city, e.Application, options))) image.FeedData(png);
            body.Append(new Paragraph(new Run(Picture(main.GetIdOfPart(image), options.Width, options.Height))));
            body.Append(Text("图例：灰线为区县界；蓝点为现有运营网点，绿点为分拣中心；橙点为新增站点；紫点为迁移后位置（灰点为原位置）；蓝圈为属性变更；黑叉为关闭或删除。"));

            body.Append(Heading("二、评估结果（采纳前后）", 2));
            var before = e.Before.Coverage.City;
            var after = e.After.Coverage.City;
            body.Append(Table(["指标", "采纳前", "采纳后"],
            [
                ["一刻钟生活圈覆盖户数", N(before.CoveredHouseholds), N(after.CoveredHouseholds)],
                ["户数覆盖率", P(before.Share), P(after.Share)],
                ["运营网点数", N(e.Before.OperatingOutlets), N(e.After.OperatingOutlets)],
                ["超出运距的网点", N(e.Before.Hauls.Count(h => h.BeyondLimit)), N(e.After.Hauls.Count(h => h.BeyondLimit))],
                ["超负荷的分拣中心", N(e.Before.Centers.Count(c => c.OverCapacity)), N(e.After.Centers.Count(c => c.OverCapacity))],
            ]));
            body.Append(Text($"新增覆盖 {N(e.HouseholdsGained)} 户；新建固定型网点补贴合计 {(e.SubsidyYuan is { } y ? N(y) + " 元" : "—（政策未规定）")}；" +
                             $"每万元新增覆盖 {(e.HouseholdsPer10kYuan is { } k ? k.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—")} 户。距离测算：{ReportWords.DistanceMethodZh(e.After.Coverage.Method)}。"));
            if (e.Application.Warnings.Count > 0)
            {
                body.Append(Text("请注意："));
                foreach (var w in e.Application.Warnings) body.Append(Text($"· {w.RuleZh ?? w.Rule}（{w.Field}）"));
            }
            var afterTargets = e.After.Targets.ToDictionary(t => t.Target.Id);
            body.Append(Heading("三、目标进度", 2));
            body.Append(Table(["目标", "年份", "目标值", "采纳前", "采纳后"], e.Before.Targets.Select(t => new[]
            {
                t.Target.LabelZh, t.Target.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                t.Target.Kind == "growth" ? "+" + P((double)t.Target.Value) : t.Target.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                Current(t), Current(afterTargets[t.Target.Id]),
            }).ToList()));
            var afterDistricts = e.After.Districts.ToDictionary(d => d.Coverage.District.Id);
            var changed = e.Before.Districts.Where(d => d.Coverage.Totals.CoveredHouseholds != afterDistricts[d.Coverage.District.Id].Coverage.Totals.CoveredHouseholds
                                                        || d.Coverage.OperatingOutlets != afterDistricts[d.Coverage.District.Id].Coverage.OperatingOutlets).ToList();
            body.Append(Heading("四、涉及的区县", 2));
            body.Append(changed.Count == 0 ? Text("无区县的覆盖或网点数发生变化。") : Table(["区县", "户数", "覆盖率 前", "覆盖率 后", "网点 前", "网点 后"], changed.Select(d =>
            {
                var a = afterDistricts[d.Coverage.District.Id];
                return new[] { d.Coverage.District.Name, N(d.Coverage.Totals.Households), P(d.Coverage.Totals.Share), P(a.Coverage.Totals.Share),
                    N(d.Coverage.OperatingOutlets), N(a.Coverage.OperatingOutlets) };
            }).ToList()));
            body.Append(Heading("五、站点清单", 2));
            var costs = e.Costs.ToDictionary(c => c.Outlet.Id);
            string[] Site(string change, SpatialEntity x)
            {
                var p = (Point)x.Geometry;
                var (gx, gy) = ChinaCoordinates.Wgs84ToGcj02(p.X, p.Y);
                var yuan = costs.GetValueOrDefault(x.Id)?.Yuan;
                return [change, x.Name, $"{p.X:0.000000}, {p.Y:0.000000}", $"{gx:0.000000}, {gy:0.000000}", (x as Outlet)?.AreaM2?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    yuan is { } v ? N(v) : ""];
            }
            var sites = e.Application.Added.Select(a => Site(PlanChangeKind.Add.Zh(), a.Entity))
                .Concat(e.Application.Replaced.Select(r => Site(e.Application.KindOf(r.Layer, r.Before.Id).Zh(), r.After)))
                .Concat(e.Application.Removed.Select(r => Site(PlanChangeKind.Remove.Zh(), r.Before))).ToList();
            body.Append(sites.Count == 0 ? Text("无。") : Table(["改动", "名称", "WGS84 经纬度", "GCJ-02 经纬度", "面积（㎡）", "补贴（元）"], sites));
            body.Append(Heading("六、政策依据", 2));
            foreach (var (label, c) in policy.Targets.Select(t => (t.LabelZh, t.Citation)).Concat(e.Rule is { } r ? [(r.LabelZh, r.Citation)] : []))
                body.Append(Text($"{label}：{policy.DocumentNumber} {c.Section} {c.Item}——“{c.Quote}”"));
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, // A4
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document.Save();
        }
        return ms.ToArray();
    }


    private static string Current(TargetProgress t) =>
        t.Current is null ? "未统计" : t.Target.Kind == "growth" ? P((double)t.Current.Value) : t.Current.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    private static string N(int n) => N((long)n);
    private static string N(decimal n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    private static string P(double share) => share.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture);

    // 宋体 for Chinese, as government documents are set; a machine without it substitutes its own CJK font.
    private static RunProperties Fonts(bool bold = false, int halfPoints = 21)
    {
        var p = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "SimSun" }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold) p.Append(new Bold());
        return p;
    }

    private static Paragraph Text(string text) => new(new Run(Fonts(), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Heading(string text, int level = 1) =>
        new(new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }), new Run(Fonts(true, level == 1 ? 32 : 26), new Text(text)));

    private static Table Table(string[] headers, IReadOnlyList<string[]> rows)
    {
        var borders = new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(borders, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        TableRow Row(IEnumerable<string> cells, bool bold) =>
            new(cells.Select(c => new TableCell(new Paragraph(new Run(Fonts(bold, 19), new Text(c) { Space = SpaceProcessingModeValues.Preserve })))));
        table.Append(Row(headers, true));
        foreach (var r in rows) table.Append(Row(r, false));
        return table;
    }

    /// <summary>An inline picture of the image part <paramref name="relationshipId"/>, 16 cm wide.</summary>
    private static Drawing Picture(string relationshipId, int widthPx, int heightPx)
    {
        const long cx = 16L * 360_000; // 16 cm in EMU
        var cy = cx * heightPx / widthPx;
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = "方案地图" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "plan-map.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
    }
}
