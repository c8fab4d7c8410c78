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
            .Answers("Targets (target, current, remaining, citation), coverage, fair shares, density, hauls and centre loads")
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
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

    private static object Json(Scorecard s) => new
    {
        policy = s.Policy.Id, city = s.Policy.City, year = s.Year,
        targets = s.Targets.Select(t => new
        {
            t.Target.Id, t.Target.Metric, t.Target.LabelZh, t.Target.LabelEn, t.Target.Kind, t.Target.Unit, t.Target.Year,
            target = t.Target.Value, current = t.Current, remaining = t.Remaining, progress = t.Progress, status = t.Status,
            counted = t.Counted.En, countedZh = t.Counted.Zh,
            citation = t.Target.Citation,
            volume = t.Volume is { } v ? VolumeTargetJson.Of(v, s.Coverage) : null,
        }),
        coverage = CoverageJson.Summary(s.Coverage),
        fairShare = new
        {
            target = s.OutletTarget?.Id, outlets = s.OutletTarget?.Value,
            basis = "the outlet target split by each district's households (communities); seats by largest remainder add up to the target; shortfall = fair share - modern operating outlets in the district",
            basisZh = "网点目标按各区县户数（小区）分摊；按最大余数法取整，合计等于目标；缺口 = 应建数 − 区县内运营中的现代化网点数",
        },
        districts = s.Districts.Select(d => new
        {
            id = d.Coverage.District.Id, name = d.Coverage.District.Name, adcode = d.Coverage.District.Adcode,
            households = d.Coverage.Totals.Households, coveredHouseholds = d.Coverage.Totals.CoveredHouseholds,
            share = Math.Round(d.Coverage.Totals.Share, 4),
            operatingOutlets = d.Coverage.OperatingOutlets, modernOperatingOutlets = d.Coverage.ModernOperatingOutlets,
            fairShare = d.FairShare, fairShareSeats = d.FairShareSeats, shortfall = d.Shortfall,
            urbanHouseholds = d.UrbanHouseholds, outletsPer2000UrbanHouseholds = d.OutletsPer2000UrbanHouseholds,
        }),
        density = new
        {
            urbanHouseholds = s.UrbanHouseholds, operatingOutlets = s.OperatingOutlets,
            outletsPer2000UrbanHouseholds = s.OutletsPer2000UrbanHouseholds,
            practice = $"about 1 outlet per {s.Options.HouseholdsPerOutlet:0} urban households; urban households = census households × urban share",
            practiceZh = $"约每 {s.Options.HouseholdsPerOutlet:0} 户城镇家庭设 1 个网点；城镇户数 = 普查户数 × 城镇化率",
        },
        haul = new
        {
            method = s.RoadMethod.StartsWith("road network", StringComparison.Ordinal) ? "network" : "straightLine",
            roads = s.RoadMethod, roadsZh = s.RoadMethodZh, circuity = s.Options.HaulCircuity, limitM = s.Options.HaulLimitM,
            kgPerHouseholdPerDay = s.Options.KgPerHouseholdPerDay,
            loadBasis = "a centre's load = its own reported tonnage + each of its outlets' tonnage: reported (the last twelve months, per day of the months reported) where the outlet reports tonnages, else assumed: households served (covered households nearest the outlet, or listed by a mobile station) × kgPerHouseholdPerDay",
            loadBasisZh = "分拣中心负荷 = 自身上报吨数 + 各所属网点吨数：网点上报吨数的按上报值（近十二个月，按所报月份日均）；未上报的按假设值：服务户数（距该网点最近的已覆盖户，或流动站点所列小区）× 每户每日千克数",
            reportsTo = s.Reported.AsOf?.ToString(),
            outletsBeyondLimit = s.Hauls.Count(h => h.BeyondLimit),
            centersOverCapacity = s.Centers.Count(c => c.OverCapacity),
            outlets = s.Hauls.Select(h => new
            {
                id = h.Outlet.Id, name = h.Outlet.Name, centerId = h.Center?.Id, centerName = h.Center?.Name,
                haulDistanceM = h.HaulDistanceM, beyondLimit = h.BeyondLimit, householdsServed = h.HouseholdsServed,
            }),
            centers = s.Centers.Select(c => new
            {
                id = c.Center.Id, name = c.Center.Name, capacityTonnesPerDay = c.Center.CapacityTonnesPerDay, greenCertified = c.Center.GreenCertified,
                outlets = c.Outlets, householdsServed = c.HouseholdsServed, loadTonnesPerDay = c.LoadTonnesPerDay, overCapacity = c.OverCapacity,
                reportedTonnesPerDay = c.ReportedTonnesPerDay, assumedTonnesPerDay = c.AssumedTonnesPerDay, outletsReporting = c.OutletsReporting,
                centerReportedTonnesPerDay = c.CenterReportedTonnesPerDay,
                loadSource = c.ReportedTonnesPerDay > 0 && c.AssumedTonnesPerDay > 0 ? "mixed" : c.ReportedTonnesPerDay > 0 ? "reported" : "assumed",
            }),
        },
        tiers = s.Tiers is { } t ? TierJson.Summary(t) : null,
        mergedPoints = s.MergedPoints is { } m ? new
        {
            points = m.Points, merged = m.Merged, share = m.Points > 0 ? Math.Round((double)m.Merged / m.Points, 4) : (double?)null,
            basis = "operating waste-sorting points that also take recyclables (两网融合) out of all operating waste-sorting points",
            basisZh = "兼收可回收物（两网融合）的运营中垃圾分类投放点占全部运营中投放点的比例",
            measure = s.Policy.Measures.FirstOrDefault(x => x.Id == "merge-two-networks")?.Citation,
        } : null,
    };
}
