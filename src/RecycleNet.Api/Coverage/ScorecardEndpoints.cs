using RecycleNet.Api.Http;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Export;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;

using RecycleNet.Api.Cities;
using RecycleNet.Api.Volumes;

namespace RecycleNet.Api.Coverage;

/// <summary>/api/scorecard: progress toward a policy's targets, coverage, fair shares, density and sorting-centre hauls.</summary>
public static class ScorecardEndpoints
{
    public static void MapScorecard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/scorecard", ScorecardAsync).WithTags("Coverage")
            .WithSummary("Targets scorecard: ?policy=jinan-2024&year=2027 (policy: the city's by default) (also minutes, speedKmh, haulLimitKm, haulCircuity, kgPerHouseholdPerDay)")
            .Produces<ScorecardAnswer>(200).WithName("GetScorecard")
            .OrFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<IResult> ScorecardAsync(HttpRequest req, CityContext here, CityCache cities, NetworkStore network, PolicyCatalog catalog,
        VolumeCache volumes, CancellationToken ct)
    {
        var choice = Core.Cities.CityPolicy.Resolve(here.City, req.Query["policy"].ToString(), catalog, here.Cities);
        if (choice.Policy is not { } policy) return Problems.PolicyRefused(choice);
        int? year = null;
        if (req.Query.ContainsKey("year"))
        {
            var years = policy.Targets.Select(t => t.Year).Distinct().Order().ToList();
            if (!int.TryParse(req.Query["year"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) || !years.Contains(y))
                return Problems.BadParameter("year", $"policy {policy.Id} has targets for {string.Join(", ", years)}", $"政策 {policy.Id} 只有 {string.Join("、", years)} 年的目标");
            year = y;
        }
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        var d = new ScorecardOptions();
        if (!WalkingQuery.TryNumber(req, "haulLimitKm", d.HaulLimitM / 1000, out var haulKm, out problem)
            || !WalkingQuery.TryNumber(req, "haulCircuity", d.HaulCircuity, out var haulCircuity, out problem)
            || !WalkingQuery.TryNumber(req, "kgPerHouseholdPerDay", d.KgPerHouseholdPerDay, out var kg, out problem)) return problem!;
        if (HaulAssumptions.Check(haulKm, haulCircuity, kg).FirstOrDefault() is { } bad) return Problems.BadParameter(bad);
        var options = d with
        {
            Coverage = new CoverageOptions { Walking = walk }, HaulLimitM = haulKm * 1000, HaulCircuity = haulCircuity, KgPerHouseholdPerDay = kg,
        };
        var city = await cities.GetAsync(ct);
        var reports = await volumes.GetAsync(ct);
        var s = ScorecardBuilder.Build(city, network.Graph, policy, year, options, network.RoadsFor(city, new RoadFallbackOptions { Circuity = haulCircuity }),
            reports);
        var format = req.Query["f"].ToString();
        if (format is "xlsx") return TypedResults.File(DistrictsWorkbook(s), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"scorecard-districts-{policy.Id}.xlsx");
        if (format is not ("" or "json")) return Problems.BadParameter("f", $"'{format}' is not offered; use json or xlsx", $"不提供“{format}”格式；可用 json 或 xlsx");
        return TypedResults.Ok(Json(s));
    }

    /// <summary>The district table as a workbook (Chinese headers with English), numbers as numbers.</summary>
    private static byte[] DistrictsWorkbook(Scorecard s)
    {
        var rows = s.Districts.Select(d => new Dictionary<string, object?>
        {
            ["区县 District"] = d.Coverage.District.Name,
            ["行政区划代码 Adcode"] = d.Coverage.District.Adcode,
            ["户数 Households"] = d.Coverage.Totals.Households,
            ["已覆盖户数 Covered households"] = d.Coverage.Totals.CoveredHouseholds,
            ["覆盖率 Coverage share"] = Math.Round(d.Coverage.Totals.Share, 4),
            ["运营网点 Operating outlets"] = d.Coverage.OperatingOutlets,
            ["现代化网点 Modern outlets"] = d.Coverage.ModernOperatingOutlets,
            ["应建数 Fair share"] = d.FairShare,
            ["缺口 Shortfall"] = d.Shortfall,
        }).ToList();
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, SpreadsheetText.SafeRows(rows).ToList(), sheetName: "districts");
        return ms.ToArray();
    }

    private static ScorecardAnswer Json(Scorecard s) => new(s.Policy.Id, s.Policy.City, s.Year,
        [.. s.Targets.Select(t => new TargetAnswer(t.Target.Id, t.Target.Metric, t.Target.LabelZh, t.Target.LabelEn, t.Target.Kind, t.Target.Unit,
            t.Target.Year, t.Target.Value, t.Current, t.Remaining, t.Progress, t.Status, t.Counted.En, t.Counted.Zh, t.Target.Citation,
            t.Volume is { } v ? VolumeTargetJson.Of(v, s.Coverage) : null))],
        CoverageJson.Summary(s.Coverage),
        new FairShareBasisAnswer(s.OutletTarget?.Id, s.OutletTarget?.Value,
            "the outlet target split by each district's households (communities); seats by largest remainder add up to the target; shortfall = fair share - modern operating outlets in the district",
            "网点目标按各区县户数（小区）分摊；按最大余数法取整，合计等于目标；缺口 = 应建数 − 区县内运营中的现代化网点数"),
        [.. s.Districts.Select(d => new DistrictScoreAnswer(d.Coverage.District.Id, d.Coverage.District.Name, d.Coverage.District.Adcode,
            d.Coverage.Totals.Households, d.Coverage.Totals.CoveredHouseholds, Math.Round(d.Coverage.Totals.Share, 4),
            d.Coverage.OperatingOutlets, d.Coverage.ModernOperatingOutlets, d.FairShare, d.FairShareSeats, d.Shortfall,
            d.UrbanHouseholds, d.OutletsPer2000UrbanHouseholds))],
        new DensityAnswer(s.UrbanHouseholds, s.OperatingOutlets, s.OutletsPer2000UrbanHouseholds,
            $"about 1 outlet per {s.Options.HouseholdsPerOutlet:0} urban households; urban households = census households × urban share",
            $"约每 {s.Options.HouseholdsPerOutlet:0} 户城镇家庭设 1 个网点；城镇户数 = 普查户数 × 城镇化率"),
        new HaulAnswer(s.RoadMethod.StartsWith("road network", StringComparison.Ordinal) ? "network" : "straightLine",
            s.RoadMethod, s.RoadMethodZh, s.Options.HaulCircuity, s.Options.HaulLimitM, s.Options.KgPerHouseholdPerDay,
            "a centre's load = its own reported tonnage + each of its outlets' tonnage: reported (the last twelve months, per day of the months reported) where the outlet reports tonnages, else assumed: households served (covered households nearest the outlet, or listed by a mobile station) × kgPerHouseholdPerDay",
            "分拣中心负荷 = 自身上报吨数 + 各所属网点吨数：网点上报吨数的按上报值（近十二个月，按所报月份日均）；未上报的按假设值：服务户数（距该网点最近的已覆盖户，或流动站点所列小区）× 每户每日千克数",
            s.Reported.AsOf?.ToString(), s.Hauls.Count(h => h.BeyondLimit), s.Centers.Count(c => c.OverCapacity),
            [.. s.Hauls.Select(h => new OutletHaulAnswer(h.Outlet.Id, h.Outlet.Name, h.Center?.Id, h.Center?.Name, h.HaulDistanceM, h.BeyondLimit, h.HouseholdsServed))],
            [.. s.Centers.Select(c => new CenterLoadAnswer(c.Center.Id, c.Center.Name, c.Center.CapacityTonnesPerDay, c.Center.GreenCertified, c.Outlets,
                c.HouseholdsServed, c.LoadTonnesPerDay, c.OverCapacity, c.ReportedTonnesPerDay, c.AssumedTonnesPerDay, c.OutletsReporting,
                c.CenterReportedTonnesPerDay,
                c.ReportedTonnesPerDay > 0 && c.AssumedTonnesPerDay > 0 ? "mixed" : c.ReportedTonnesPerDay > 0 ? "reported" : "assumed"))]),
        s.Tiers is { } t ? TierJson.Summary(t) : null,
        s.MergedPoints is { } m
            ? new MergedPointsAnswer(m.Points, m.Merged, m.Points > 0 ? Math.Round((double)m.Merged / m.Points, 4) : null,
                "operating waste-sorting points that also take recyclables (两网融合) out of all operating waste-sorting points",
                "兼收可回收物（两网融合）的运营中垃圾分类投放点占全部运营中投放点的比例",
                s.Policy.Measures.FirstOrDefault(x => x.Id == "merge-two-networks")?.Citation)
            : null);
}
