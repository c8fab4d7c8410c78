using RecycleNet.Core.Coverage;
using MiniExcelLibs;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Export;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Plans;
using RecycleNet.Core.Policies;

namespace RecycleNet.Api.Plans;

/// <summary>
/// A plan's evaluation as an XLSX workbook for the bureau's files: 汇总 (summary), 区县 (each district before and after),
/// 站点 (every site the plan adds, moves or changes, in WGS84 and GCJ-02, with its subsidy), 目标 (the targets before and
/// after) and 依据 (the clauses cited). Chinese headers with the English in brackets; numbers are numeric cells.
/// </summary>
public static class PlanWorkbook
{
    public static byte[] Build(Plan plan, PlanEvaluation e, Policy policy)
    {
        Dictionary<string, object?> Row(string what, object? value) => new() { ["项目 (item)"] = what, ["值 (value)"] = value };
        var before = e.Before.Coverage.City;
        var after = e.After.Coverage.City;
        var summary = new List<Dictionary<string, object?>>
        {
            Row("方案 (plan)", plan.Name), Row("编制人 (author)", ReportWords.AuthorZh(plan.Author)), Row("状态 (status)", $"{ReportWords.PlanStatusZh(plan.Status)} {plan.Status.Name()}"), Row("版本 (version)", plan.Version),
            Row("政策 (policy)", $"{policy.Title}（{policy.DocumentNumber}）"),
            Row("覆盖户数 之前 (covered households before)", before.CoveredHouseholds), Row("覆盖户数 之后 (after)", after.CoveredHouseholds),
            Row("新增覆盖户数 (households gained)", e.HouseholdsGained),
            Row("覆盖率 之前 (share before)", Math.Round(before.Share, 4)), Row("覆盖率 之后 (share after)", Math.Round(after.Share, 4)),
            Row("运营网点 之前 (operating outlets before)", e.Before.OperatingOutlets), Row("运营网点 之后 (after)", e.After.OperatingOutlets),
            Row("新建网点补贴合计 (new-outlet subsidy), 元", e.SubsidyYuan),
            Row("每万元新增覆盖户数 (households per 10,000 yuan)", e.HouseholdsPer10kYuan),
            Row("距离测算 (distances)", $"{ReportWords.DistanceMethodZh(e.After.Coverage.Method)} {e.After.Coverage.Method}"),
        };
        foreach (var w in e.Application.Warnings) summary.Add(Row($"请注意 (warning) {w.Field}", $"{w.RuleZh} ({w.Rule})"));
        var afterDistricts = e.After.Districts.ToDictionary(d => d.Coverage.District.Id);
        var districts = e.Before.Districts.Select(d =>
        {
            var a = afterDistricts[d.Coverage.District.Id];
            return new Dictionary<string, object?>
            {
                ["区县 (district)"] = d.Coverage.District.Name, ["户数 (households)"] = d.Coverage.Totals.Households,
                ["覆盖户数 之前 (covered before)"] = d.Coverage.Totals.CoveredHouseholds, ["覆盖户数 之后 (after)"] = a.Coverage.Totals.CoveredHouseholds,
                ["覆盖率 之前 (share before)"] = Math.Round(d.Coverage.Totals.Share, 4), ["覆盖率 之后 (after)"] = Math.Round(a.Coverage.Totals.Share, 4),
                ["运营网点 之前 (outlets before)"] = d.Coverage.OperatingOutlets, ["运营网点 之后 (after)"] = a.Coverage.OperatingOutlets,
                ["缺口 之前 (shortfall before)"] = d.Shortfall, ["缺口 之后 (after)"] = a.Shortfall,
            };
        }).ToList();
        var costs = e.Costs.ToDictionary(c => c.Outlet.Id);
        Dictionary<string, object?> Site(string change, string layer, SpatialEntity x)
        {
            var p = (Point)x.Geometry;
            var (gx, gy) = ChinaCoordinates.Wgs84ToGcj02(p.X, p.Y);
            var cost = costs.GetValueOrDefault(x.Id);
            return new()
            {
                ["变更 (change)"] = change, ["图层 (layer)"] = layer, ["名称 (name)"] = x.Name, ["编号 (id)"] = change.StartsWith(PlanChangeKind.Add.Zh(), StringComparison.Ordinal) ? null : x.Id,
                ["经度 WGS84 (lon)"] = Math.Round(p.X, 7), ["纬度 WGS84 (lat)"] = Math.Round(p.Y, 7),
                ["经度 GCJ-02 (lon)"] = Math.Round(gx, 7), ["纬度 GCJ-02 (lat)"] = Math.Round(gy, 7),
                ["面积 (areaM2)"] = (x as Outlet)?.AreaM2, ["状态 (status)"] = ((x as Outlet)?.Status ?? (x as SortingCenter)?.Status ?? (x as WasteSortingPoint)?.Status)?.ToString().ToLowerInvariant(),
                ["补贴 (subsidy), 元"] = cost?.Yuan, ["说明 (note)"] = cost?.Why,
            };
        }
        static string Kind(PlanChangeKind k) => $"{k.Zh()} {k.Code()}";
        var sites = e.Application.Added.Select(a => Site(Kind(PlanChangeKind.Add), a.Layer, a.Entity))
            .Concat(e.Application.Replaced.Select(r => Site(Kind(e.Application.KindOf(r.Layer, r.Before.Id)), r.Layer, r.After)))
            .Concat(e.Application.Removed.Select(r => Site(Kind(PlanChangeKind.Remove), r.Layer, r.Before))).ToList();
        if (sites.Count == 0) sites.Add(new() { ["变更 (change)"] = "无 (none)" });
        var afterTargets = e.After.Targets.ToDictionary(t => t.Target.Id);
        var targets = e.Before.Targets.Select(t => new Dictionary<string, object?>
        {
            ["目标 (target)"] = t.Target.LabelZh, ["年份 (year)"] = t.Target.Year, ["目标值 (value)"] = t.Target.Value,
            ["现状 之前 (current before)"] = t.Current, ["状态 之前 (status before)"] = $"{ReportWords.TargetStatusZh(t.Status)} {t.Status}",
            ["现状 之后 (current after)"] = afterTargets[t.Target.Id].Current,
            ["状态 之后 (status after)"] = $"{ReportWords.TargetStatusZh(afterTargets[t.Target.Id].Status)} {afterTargets[t.Target.Id].Status}",
        }).ToList();
        var cited = policy.Targets.Select(t => (t.LabelZh, t.Citation)).Concat(e.Rule is { } r ? [(r.LabelZh, r.Citation)] : [])
            .Select(c => new Dictionary<string, object?>
            {
                ["内容 (what)"] = c.LabelZh, ["文件 (document)"] = policy.DocumentNumber, ["部分 (section)"] = c.Citation.Section,
                ["条款 (item)"] = c.Citation.Item, ["原文 (quote)"] = c.Citation.Quote,
            }).ToList();
        // Names come from planners: none may open as a formula.
        var sheets = new Dictionary<string, object>
        {
            ["汇总 Summary"] = SpreadsheetText.SafeRows(summary).ToList(),
            ["区县 Districts"] = SpreadsheetText.SafeRows(districts).ToList(),
            ["站点 Sites"] = SpreadsheetText.SafeRows(sites).ToList(),
            ["目标 Targets"] = SpreadsheetText.SafeRows(targets).ToList(),
            ["依据 Citations"] = SpreadsheetText.SafeRows(cited).ToList(),
        };
        using var ms = new MemoryStream();
        ms.SaveAs(sheets);
        return ms.ToArray();
    }
}
