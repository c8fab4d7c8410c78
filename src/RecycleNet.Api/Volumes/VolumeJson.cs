using RecycleNet.Api.Http;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Volumes;

namespace RecycleNet.Api.Volumes;

/// <summary>Volume figures, totals, corrections and import answers as the API and its workbooks write them.</summary>
public static class VolumeJson
{
    private static decimal Q(long milli) => milli / 1000m;

    /// <summary>
    /// One figure as a row. The columns facility, month, category, quantity, unit, source and note are the long layout of the
    /// import, so an exported workbook imports back as it is; the labels beside them are for people and are ignored by it.
    /// </summary>
    public static Dictionary<string, object?> Figure(VolumeReport v, FacilityDirectory directory, IReadOnlyDictionary<long, string> districts,
        VolumeCategories categories)
    {
        var facility = directory.Find(v.FacilityKind, v.FacilityId);
        return new()
        {
            ["facility"] = $"{FacilityDirectory.RouteOf(v.FacilityKind)}/{v.FacilityId}",
            ["facilityLabel"] = facility?.Name,
            ["month"] = ReportMonth.FromKey(v.Month).ToString(),
            ["category"] = v.Category,
            ["categoryLabel"] = categories.Find(v.Category)?.LabelZh,
            ["quantity"] = v.Quantity,
            ["unit"] = v.Unit,
            ["unitLabel"] = categories.FindUnit(v.Unit)?.LabelZh,
            ["district"] = v.DistrictId is { } d ? districts.GetValueOrDefault(d) : null,
            ["source"] = v.Source,
            ["note"] = v.Note,
        };
    }

    public static Dictionary<string, object?> Total(VolumeTotal t, IReadOnlyCollection<VolumeGroup> by, FacilityDirectory directory,
        IReadOnlyDictionary<long, string> districts, VolumeCategories categories)
    {
        var row = new Dictionary<string, object?>();
        if (by.Contains(VolumeGroup.Category)) { row["category"] = t.Category; row["categoryLabel"] = categories.Find(t.Category!)?.LabelZh; }
        if (by.Contains(VolumeGroup.Month)) row["month"] = ReportMonth.FromKey(t.Period!.Value).ToString();
        if (by.Contains(VolumeGroup.Year)) row["year"] = t.Period;
        if (by.Contains(VolumeGroup.District))
        {
            row["districtId"] = t.DistrictId;
            row["district"] = t.DistrictId is { } d ? districts.GetValueOrDefault(d) : null;
        }
        if (by.Contains(VolumeGroup.Facility))
        {
            row["facility"] = $"{FacilityDirectory.RouteOf(t.Kind!.Value)}/{t.FacilityId}";
            row["facilityLabel"] = directory.Find(t.Kind.Value, t.FacilityId!.Value)?.Name;
        }
        row["unit"] = t.Unit;
        row["unitLabel"] = categories.FindUnit(t.Unit)?.LabelZh;
        row["quantity"] = Q(t.QuantityMilli);
        row["figures"] = t.Figures;
        return row;
    }

    /// <param name="names">Whether the reader may see who corrected it (a planner); else <c>planner</c> is null.</param>
    public static object Correction(VolumeCorrection c, FacilityDirectory directory, VolumeCategories categories, bool names = true) => new
    {
        id = c.Id, at = DateTime.SpecifyKind(c.At, DateTimeKind.Utc), planner = names ? c.Planner : null,
        facility = $"{FacilityDirectory.RouteOf(c.FacilityKind)}/{c.FacilityId}", facilityLabel = directory.Find(c.FacilityKind, c.FacilityId)?.Name,
        month = ReportMonth.FromKey(c.Month).ToString(), category = c.Category, categoryLabel = categories.Find(c.Category)?.LabelZh, unit = c.Unit,
        oldQuantity = c.OldQuantityMilli is { } o ? Q(o) : (decimal?)null, newQuantity = c.NewQuantityMilli is { } n ? Q(n) : (decimal?)null, note = c.Note,
    };

    public static VolumeImportAnswer ImportAnswer(VolumeWriteResult r, string layout, string format, string? encoding, FacilityDirectory directory, VolumeCategories categories) =>
        new(r.DryRun, layout, format, encoding, r.Inserted, r.FacilityMonths, r.Resubmitted, r.Replaced, r.Corrections.Count,
            r.Corrections.Take(500).Select(c => Correction(c, directory, categories)).ToList(),
            r.Mode == VolumeResubmission.Unstated ? null : r.Mode.ToString().ToLowerInvariant(), r.Removed.Count, r.NeedsMode,
            r.Removed.Take(500).Select(c => Correction(c, directory, categories)).ToList());

    /// <summary>
    /// 409: the report resubmits facility-months without some of their categories and says neither replace nor merge; it names
    /// the figures that would go, and both ways on.
    /// </summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NeedsMode(VolumeWriteResult r, FacilityDirectory directory, VolumeCategories categories)
    {
        var months = r.Removed.Select(c => (c.FacilityKind, c.FacilityId, c.Month)).Distinct().Count();
        var problem = Problems.Make(409, "resubmission-needs-mode", "The resubmission would remove figures",
            $"{r.Removed.Count} stored figure(s) of {months} resubmitted facility-month(s) are not in this report (listed in removed). "
            + "Send ?mode=replace to replace those months whole (the figures not resent are removed and kept as corrections), "
            + "or ?mode=merge to change only the categories resent. Nothing was saved.", field: "mode",
            detailZh: $"本次重报涉及的 {months} 个单位月份中，有 {r.Removed.Count} 项已有数据未再上报（见 removed）。"
            + "如要整月替换（未重报的品类将删除，并留存更正记录），请加 ?mode=replace；如只更新本次上报的品类，请加 ?mode=merge。未保存任何数据。");
        problem.ProblemDetails.Extensions["removed"] = r.Removed.Take(500).Select(c => Correction(c, directory, categories)).ToList();
        return problem;
    }
}
