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
    /// One figure. The members facility, month, category, quantity, unit, source and note are the long layout of the import,
    /// so an exported workbook imports back as it is; the labels beside them are for people and are ignored by it.
    /// </summary>
    public static VolumeFigureAnswer Figure(VolumeReport v, FacilityDirectory directory, IReadOnlyDictionary<long, string> districts,
        VolumeCategories categories) => new(
            $"{FacilityDirectory.RouteOf(v.FacilityKind)}/{v.FacilityId}", directory.Find(v.FacilityKind, v.FacilityId)?.Name,
            ReportMonth.FromKey(v.Month).ToString(), v.Category, categories.Find(v.Category)?.LabelZh, v.Quantity, v.Unit,
            categories.FindUnit(v.Unit)?.LabelZh, v.DistrictId is { } d ? districts.GetValueOrDefault(d) : null, v.Source, v.Note);

    /// <summary>A total: the members of the groupings not asked for are null (and left out of the workbook, <see cref="TotalColumns"/>).</summary>
    public static VolumeTotalAnswer Total(VolumeTotal t, IReadOnlyCollection<VolumeGroup> by, FacilityDirectory directory,
        IReadOnlyDictionary<long, string> districts, VolumeCategories categories)
    {
        var facility = by.Contains(VolumeGroup.Facility);
        var district = by.Contains(VolumeGroup.District);
        return new(
            t.Category, t.Category is { } c ? categories.Find(c)?.LabelZh : null,
            by.Contains(VolumeGroup.Month) ? ReportMonth.FromKey(t.Period!.Value).ToString() : null,
            by.Contains(VolumeGroup.Year) ? t.Period : null,
            district ? t.DistrictId : null, district && t.DistrictId is { } d ? districts.GetValueOrDefault(d) : null,
            facility ? $"{FacilityDirectory.RouteOf(t.Kind!.Value)}/{t.FacilityId}" : null,
            facility ? directory.Find(t.Kind!.Value, t.FacilityId!.Value)?.Name : null,
            t.Unit, categories.FindUnit(t.Unit)?.LabelZh, Q(t.QuantityMilli), t.Figures);
    }

    /// <summary>The workbook's columns of totals grouped by these: each grouping's own, then unit, quantity and figures.</summary>
    public static Func<string, bool> TotalColumns(IReadOnlyCollection<VolumeGroup> by) => column => column switch
    {
        "category" or "categoryLabel" => by.Contains(VolumeGroup.Category),
        "month" => by.Contains(VolumeGroup.Month),
        "year" => by.Contains(VolumeGroup.Year),
        "districtId" or "district" => by.Contains(VolumeGroup.District),
        "facility" or "facilityLabel" => by.Contains(VolumeGroup.Facility),
        _ => true,
    };

    /// <param name="names">Whether the reader may see who corrected it (a planner); else <c>planner</c> is null.</param>
    public static VolumeCorrectionAnswer Correction(VolumeCorrection c, FacilityDirectory directory, VolumeCategories categories, bool names = true) => new(
        c.Id, DateTime.SpecifyKind(c.At, DateTimeKind.Utc), names ? c.Planner : null,
        $"{FacilityDirectory.RouteOf(c.FacilityKind)}/{c.FacilityId}", directory.Find(c.FacilityKind, c.FacilityId)?.Name,
        ReportMonth.FromKey(c.Month).ToString(), c.Category, categories.Find(c.Category)?.LabelZh, c.Unit,
        c.OldQuantityMilli is { } o ? Q(o) : null, c.NewQuantityMilli is { } n ? Q(n) : null, c.Note);

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
