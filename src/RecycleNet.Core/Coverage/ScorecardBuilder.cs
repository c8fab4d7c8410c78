using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Volumes;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Coverage;

/// <summary>
/// How far the city is from its policy's targets. Counts: modern outlets = operating outlets marked modern
/// (fixed and mobile); green sorting centres = operating centres marked green-certified. Metrics the service
/// holds no data for (e.g. appliance recycling volume) are listed as "not measured", never guessed.
/// Also: each district's fair share of the outlet target by its households (largest-remainder seats that add
/// up to the target) and its shortfall; outlets per 2,000 urban households (census households × urban share);
/// each operating outlet's nearest operating centre by road (straight line × haul circuity) with centre loads.
/// </summary>
public static class ScorecardBuilder
{
    /// <param name="roads">Road distances for hauls and tiers; null: straight line × <see cref="ScorecardOptions.HaulCircuity"/>.</param>
    /// <param name="volumes">The city's volume reports: targets of the statistics measured from them, centre loads from reported tonnages. Null: not measured, loads assumed.</param>
    /// <param name="coverageBasis">The coverage of the same city with other outlets (a plan's "before"): see <see cref="CoverageScorer"/>.</param>
    public static Scorecard Build(CitySnapshot city, WalkingGraph? graph, Policy policy, int? year, ScorecardOptions options, IRoadDistances? roads = null,
        VolumeInputs? volumes = null, CoverageReport? coverageBasis = null)
    {
        roads ??= StraightLineRoads.For(city, graph, new RoadFallbackOptions { Circuity = options.HaulCircuity });
        var coverage = CoverageScorer.Score(city, graph, options.Coverage, coverageBasis);
        var targets = policy.Targets.Where(t => year is null || t.Year == year).ToList();
        var progress = targets.Select(t => Progress(t, city, volumes)).ToList();

        // The outlet target whose fair shares are shown: the chosen year's, else the latest.
        var outletTarget = targets.Where(t => t.Metric == "modernOutlets").OrderByDescending(t => t.Year).FirstOrDefault()
                           ?? policy.Targets.Where(t => t.Metric == "modernOutlets").OrderByDescending(t => t.Year).FirstOrDefault();
        var seats = outletTarget is null ? null
            : LargestRemainder((int)outletTarget.Value, coverage.Districts.Select(d => d.Totals.Households).ToList());
        var cityHouseholds = coverage.Districts.Sum(d => d.Totals.Households);
        var districts = coverage.Districts.Select((d, i) =>
        {
            var fair = outletTarget is null || cityHouseholds == 0 ? 0m
                : Math.Round(outletTarget.Value * d.Totals.Households / cityHouseholds, 2);
            var urban = UrbanHouseholds(d.District);
            return new DistrictScore(d, fair, seats?[i] ?? 0, Math.Max(0, fair - d.ModernOperatingOutlets), urban,
                urban > 0 ? Math.Round(d.OperatingOutlets / (urban / options.HouseholdsPerOutlet), 3) : null);
        }).ToList();
        var urbanAll = districts.Sum(d => d.UrbanHouseholds);
        var operating = city.Outlets.Count(o => o.Status == FacilityStatus.Operating);

        var reported = volumes?.Tonnage ?? ReportedTonnage.None;
        var (hauls, centers) = Hauls(city, coverage, roads, options, reported);
        var operatingPoints = city.OperatingWasteSortingPoints.ToList();
        return new Scorecard(policy, year, progress, coverage, outletTarget, districts, urbanAll, operating,
            urbanAll > 0 ? Math.Round(operating / (urbanAll / options.HouseholdsPerOutlet), 3) : null, hauls, centers, options)
        {
            Tiers = policy.Tiers is { } rules && (city.Villages.Count > 0 || city.Townships.Count > 0) ? TierCoverageOp.Measure(city, rules, roads) : null,
            MergedPoints = operatingPoints.Count > 0 ? (operatingPoints.Count, operatingPoints.Count(p => p.TakesRecyclables)) : null,
            RoadMethod = roads.Method, RoadMethodZh = roads.MethodZh,
            Reported = reported,
        };
    }

    /// <summary>How far the city is on one target: current, remaining, share, status, and what is counted.</summary>
    public static TargetProgress Progress(PolicyTarget t, CitySnapshot city, VolumeInputs? volumes = null)
    {
        if (volumes?.Categories.ForMetric(t.Metric) is { } category)
        {
            var unit = volumes.Categories.Unit(category.MeasuredIn);
            var what = new Input.Reason($"{category.LabelZh} ({category.LabelEn}) in {unit.LabelZh} ({unit.Id}), from the monthly volume reports",
                $"{category.LabelZh}，以{unit.LabelZh}计，来自月度回收量报表");
            var m = VolumeProgressOp.Measure(t, category, unit, volumes.Summary, volumes.Options);
            if (m.City.Status == "notMeasured" && m.City.NotMeasuredBecause is { } why)
                return new TargetProgress(t, null, null, null, "notMeasured", new($"{what.En}: {why.En}", $"{what.Zh}：{why.Zh}")) { Volume = m };
            return new TargetProgress(t, m.City.Current, m.City.Remaining, m.City.Progress, m.City.Status, what) { Volume = m };
        }
        (decimal? current, var counted) = t.Metric switch
        {
            "modernOutlets" => (city.Outlets.Count(o => o.Status == FacilityStatus.Operating && o.Modern),
                new Input.Reason("operating outlets (fixed and mobile) marked modern", "标为现代化的运营中网点（固定型和流动型）")),
            "greenSortingCenters" => (city.SortingCenters.Count(c => c.Status == FacilityStatus.Operating && c.GreenCertified),
                new Input.Reason("operating sorting centres marked green-certified", "已认定为绿色分拣中心的运营中分拣中心")),
            _ => ((decimal?)null, new Input.Reason("not held by this service", "本服务不掌握此项数据")),
        };
        if (current is null || t.Kind != "count") return new TargetProgress(t, null, null, null, "notMeasured", counted);
        var remaining = Math.Max(0, t.Value - current.Value);
        var share = t.Value > 0 ? Math.Min(1.0, (double)(current.Value / t.Value)) : 1.0;
        return new TargetProgress(t, current, remaining, Math.Round(share, 4), remaining == 0 ? "met" : "open", counted);
    }

    private static long UrbanHouseholds(District d) => d.UrbanShare is { } u ? (long)Math.Round(d.Households * u) : 0;

    /// <summary>Hamilton's method: integer seats proportional to weights that add up to the total exactly.</summary>
    public static int[] LargestRemainder(int total, IReadOnlyList<long> weights)
    {
        var seats = new int[weights.Count];
        var sum = weights.Sum();
        if (sum <= 0 || total <= 0) return seats;
        var remainders = new (decimal Remainder, int Index)[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (decimal)total * weights[i] / sum;
            seats[i] = (int)Math.Floor(exact);
            remainders[i] = (exact - seats[i], i);
        }
        var left = total - seats.Sum();
        foreach (var (_, i) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(left)) seats[i]++;
        return seats;
    }

    /// <summary>Each operating outlet's nearest operating centre by road (shortest drive), and the centres' loads.</summary>
    private static (List<HaulAssignment>, List<CenterLoad>) Hauls(CitySnapshot city, CoverageReport coverage, IRoadDistances roads, ScorecardOptions options,
        ReportedTonnage reported)
    {
        var centers = city.SortingCenters.Where(c => c.Status == FacilityStatus.Operating).ToList();
        var served = coverage.HouseholdsServed();
        var outlets = city.Outlets.Where(o => o.Status == FacilityStatus.Operating).OrderBy(o => o.Id).ToList();
        var legs = roads.Nearest([.. outlets.Select(o => o.Location)], [.. centers.Select(c => c.Location)], RoadMetric.Distance);
        var hauls = outlets.Select((o, i) => legs[i] is { } leg
            ? new HaulAssignment(o, centers[leg.Target], Math.Round(leg.Metres, 1), leg.Metres > options.HaulLimitM, served.GetValueOrDefault(o.Id))
            : new HaulAssignment(o, null, null, true, served.GetValueOrDefault(o.Id))).ToList();
        var loads = centers.Select(c =>
        {
            var mine = hauls.Where(h => h.Center == c).ToList();
            var households = mine.Sum(h => h.HouseholdsServed);
            var outletLoads = mine.Select(h => reported.Outlet(h.Outlet.Id, h.HouseholdsServed, options.KgPerHouseholdPerDay)).ToList();
            var own = reported.PerDay(FacilityKind.SortingCenter, c.Id);
            var reportedPart = outletLoads.Where(l => l.Reported).Sum(l => l.TonnesPerDay) + (own ?? 0);
            var assumedPart = outletLoads.Where(l => !l.Reported).Sum(l => l.TonnesPerDay);
            var tonnes = Math.Round(reportedPart + assumedPart, 2);
            return new CenterLoad(c, mine.Count, households, tonnes, c.CapacityTonnesPerDay is { } cap && tonnes > cap)
            {
                ReportedTonnesPerDay = Math.Round(reportedPart, 3), AssumedTonnesPerDay = Math.Round(assumedPart, 3),
                OutletsReporting = outletLoads.Count(l => l.Reported), CenterReportedTonnesPerDay = own is { } o ? Math.Round(o, 3) : null,
            };
        }).ToList();
        return (hauls, loads);
    }
}
