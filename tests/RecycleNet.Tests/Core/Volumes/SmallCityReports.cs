using RecycleNet.Core.Model;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Volumes;

namespace RecycleNet.Tests.Core.Volumes;

/// <summary>
/// A small city's appliance reports, small enough to add up by hand: F1 (district 1) 60 台 a month in 2023, 66 in 2024, 72 in
/// 2025, but nothing for 2023-05; F2 (district 2) 40, 44, 48; F3 (an enterprise, no
/// district) 10 a month from 2024-07 to 2025-02, then silent. The city: 2023 = 1,140; 2024 = 1,380; 2025-01..06 = 740.
/// </summary>
public static class SmallCityReports
{
    public static readonly VolumeCategories Categories = VolumeCategories.Load(Path.Combine(RepoPaths.Root, "seeds", "volume-categories.json"));

    public static readonly ReportingFacility F1 = new(FacilityKind.Outlet, 1, "F1", null, null, 1, null, FacilityStatus.Operating);
    public static readonly ReportingFacility F2 = new(FacilityKind.Outlet, 2, "F2", null, null, 2, null, FacilityStatus.Operating);
    public static readonly ReportingFacility F3 = new(FacilityKind.Enterprise, 3, "F3", null, null, null, null, null);

    public static List<(ReportingFacility F, ReportMonth M, decimal Q)> Figures(ReportMonth through)
    {
        var list = new List<(ReportingFacility, ReportMonth, decimal)>();
        foreach (var m in ReportMonth.Range(new ReportMonth(2023, 1), through))
        {
            var step = m.Year - 2023; // 0, 1, 2
            if (m != new ReportMonth(2023, 5)) list.Add((F1, m, 60 + 6 * step));
            list.Add((F2, m, 40 + 4 * step));
            if (m >= new ReportMonth(2024, 7) && m <= new ReportMonth(2025, 2)) list.Add((F3, m, 10));
        }
        return list;
    }

    /// <summary>The summary a store would give for these figures (appliances in 台), grouped as its SQL groups them.</summary>
    public static VolumeSummary Summary(ReportMonth asOf, IEnumerable<(ReportingFacility F, ReportMonth M, decimal Q)> figures, params ReportingFacility[] facilities)
    {
        var rows = figures.Where(x => x.M <= asOf).ToList();
        var monthly = rows.GroupBy(x => (x.F.DistrictId, x.M.Key))
            .Select(g => new MonthTotal("appliances", "units", g.Key.DistrictId, g.Key.Key, (long)(g.Sum(x => x.Q) * 1000), g.Count())).ToList();
        var spans = rows.GroupBy(x => x.F)
            .Select(g => new ReportSpan(g.Key.Kind, g.Key.Id, "appliances", "units", g.Min(x => x.M), g.Max(x => x.M), g.Count())).ToList();
        var gaps = spans.Where(s => !s.Unbroken).ToDictionary(s => s,
            s => (IReadOnlyList<int>)rows.Where(x => x.F.Id == s.FacilityId).Select(x => x.M.Key).Order().ToList());
        return new VolumeSummary(asOf, monthly, spans, gaps, [], new FacilityDirectory(facilities.Length > 0 ? facilities : [F1, F2, F3]));
    }

    public static PolicyTarget Growth(int year, decimal share, int baseline = 2023) =>
        new($"appliances-{year}", "applianceRecyclingGrowth", "废旧家电回收量较2023年增长", "appliance growth", "growth", share, "share", year, baseline, false,
            new Citation("plan", "一", "到" + year, "废旧家电回收量较2023年增长"));

    public static PolicyTarget Count(int year, decimal value) =>
        new($"appliances-count-{year}", "applianceRecyclingGrowth", "废旧家电回收量", "appliances", "count", value, "units", year, null, false,
            new Citation("plan", "一", "到" + year, "废旧家电回收量"));

    public static VolumeMeasure Measure(PolicyTarget t, VolumeSummary s) =>
        VolumeProgressOp.Measure(t, Categories.All.Single(c => c.Id == "appliances"), Categories.Unit("units"), s, new VolumeProgressOptions());
}
