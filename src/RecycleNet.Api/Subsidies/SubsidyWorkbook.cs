using System.Globalization;
using MiniExcelLibs;
using RecycleNet.Core.Export;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Api.Subsidies;

/// <summary>
/// The estimate as an XLSX workbook for an applicant's paperwork: 汇总 (summary), 明细 (items with reasons and
/// remedies), 封顶 (caps applied), 依据 (every clause cited, word for word) and 说明 (assumptions). Headers are
/// Chinese with the English in brackets; amounts are numeric cells in yuan.
/// </summary>
public static class SubsidyWorkbook
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool Wanted(HttpRequest req) =>
        req.Headers.Accept.Any(a => a is not null && a.Contains(MediaType, StringComparison.OrdinalIgnoreCase));

    public static byte[] Build(SubsidyRequest req, SubsidyEstimate e, CoverageGain? gain)
    {
        var gains = gain?.Sites.ToDictionary(s => s.Site.Id);
        var summary = new List<Dictionary<string, object?>>
        {
            Row("政策 (policy)", $"{req.Policy.Title}（{req.Policy.DocumentNumber}）"),
            Row("申报主体 (applicant)", req.Application.Applicant.Name ?? ""),
            Row("申报期 (application window)", string.Create(CultureInfo.InvariantCulture, $"{e.WindowFrom:yyyy-MM-dd} 至 {e.WindowTo:yyyy-MM-dd}")),
            Row("回收网点补贴，封顶后 (outlet subsidy after caps), 元", e.OutletSubsidyYuan),
            Row("产业园/分拣中心奖励最高 (facility rewards, up to), 元", e.FacilityRewardUpToYuan),
            Row("合计 (total), 元", e.TotalYuan),
            Row("说明 (note)", e.FacilityRewardUpToYuan > 0
                ? "合计含“最高”奖励额度，为上限 (the total includes maxima, so it is an upper bound)"
                : "合计为按条款计算的确定金额 (the total is exact under the clauses)"),
        };
        if (gain is not null)
        {
            summary.Add(Row("新增一刻钟覆盖户数 (newly covered households)", gain.Combined.Households));
            summary.Add(Row("覆盖率 之前→之后 (coverage before → after)",
                string.Create(CultureInfo.InvariantCulture, $"{gain.Before.Share:P1} → {gain.After.Share:P1}")));
            summary.Add(Row("距离测算方式 (distance method)", gain.Method));
        }

        var items = e.Items.Select(i =>
        {
            var g = gains?.GetValueOrDefault(i.Item.Id);
            return new Dictionary<string, object?>
            {
                ["编号 (id)"] = i.Item.Id,
                ["类型 (type)"] = i.Item.ItemType,
                ["适用条款 (rule)"] = i.Rule.LabelZh,
                ["是否符合 (eligible)"] = i.Eligible ? "是 (yes)" : "否 (no)",
                ["金额，封顶前 (amount before caps), 元"] = i.AmountYuan,
                ["金额性质 (kind)"] = i.UpTo ? "最高额度 (up to)" : "确定金额 (exact)",
                ["计算 (calculation)"] = i.Calculation.Zh,
                ["不符合原因 (reasons)"] = string.Join("；", i.Reasons.Select(r => r.Reason.Zh)),
                ["如何符合 (what would qualify)"] = string.Join("；", i.Reasons.Select(r => r.Remedy.Zh)),
                ["依据 (citation)"] = $"{req.Policy.DocumentNumber} {i.Rule.Citation.Section} {i.Rule.Citation.Item}",
                ["新增覆盖户数 (newly covered households)"] = g?.Gained.Households,
            };
        }).ToList();

        var caps = e.CapsApplied.Select(c => new Dictionary<string, object?>
        {
            ["封顶规则 (cap)"] = c.Cap.LabelZh,
            ["上限 (limit), 元"] = c.Cap.MaxYuan,
            ["封顶前 (before), 元"] = c.BeforeYuan,
            ["核减 (cut), 元"] = c.CutYuan,
            ["依据 (citation)"] = c.Cap.Citation.Quote,
        }).ToList();
        if (caps.Count == 0) caps.Add(new() { ["封顶规则 (cap)"] = "未触及封顶 (no cap was reached)" });

        var cited = e.Items.Select(i => i.Rule).Distinct().SelectMany(r => new[] { (Id: r.Id, r.LabelZh, r.Citation) }
                .Concat(r.Conditions.Select(c => (Id: $"{r.Id}/{c.Id}", LabelZh: c.TextZh, Citation: c.CitationIn(r)))))
            .Concat(e.CapsApplied.Select(c => (Id: c.Cap.Id, c.Cap.LabelZh, c.Cap.Citation)))
            .Select(c => new Dictionary<string, object?>
            {
                ["条目 (id)"] = c.Id,
                ["内容 (what)"] = c.LabelZh,
                ["文件 (document)"] = req.Policy.DocumentNumber,
                ["部分 (section)"] = c.Citation.Section,
                ["条款 (item)"] = c.Citation.Item,
                ["原文 (quote)"] = c.Citation.Quote,
            }).ToList();

        var notes = e.Assumptions.Select(a => new Dictionary<string, object?> { ["说明"] = a.Zh, ["Assumption"] = a.En }).ToList();

        // The applicant's name and the item ids are the requester's text: none may open as a formula.
        var sheets = new Dictionary<string, object>
        {
            ["汇总 Summary"] = SpreadsheetText.SafeRows(summary).ToList(),
            ["明细 Items"] = SpreadsheetText.SafeRows(items).ToList(),
            ["封顶 Caps"] = SpreadsheetText.SafeRows(caps).ToList(),
            ["依据 Citations"] = SpreadsheetText.SafeRows(cited).ToList(),
            ["说明 Assumptions"] = SpreadsheetText.SafeRows(notes).ToList(),
        };
        using var ms = new MemoryStream();
        ms.SaveAs(sheets);
        return ms.ToArray();
    }

    private static Dictionary<string, object?> Row(string what, object value) => new() { ["项目 (item)"] = what, ["值 (value)"] = value };
}
