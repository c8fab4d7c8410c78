using System.Globalization;
using System.Text.Json;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Input;
using RecycleNet.Core.Network;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.SiteSelection;

/// <summary>The parts of a siting request both kinds share: policy and year (for targets and costs), planner sites, time.</summary>
/// <param name="UploadedAreasM2">Per planner site, its floor area when given (properties.areaM2), which prices it.</param>
public sealed record SitingCommon(Policy? Policy, int? Year, bool ReachTarget, IReadOnlyList<PlannedSite> UploadedSites,
    IReadOnlyList<decimal?> UploadedAreasM2, double TimeLimitSeconds, bool Exact);

/// <summary>
/// Reads siting requests (JSON) into the solvers' options, every problem named by its JSON path in both languages (the
/// API answers them as one 400; the durable runner re-reads a stored request with the same code): one goal, shares in
/// 0–1, counts and money ≥ 0, a known candidate source, planner sites as GeoJSON Points in a declared CRS.
/// </summary>
public static class SitingRequest
{
    public const string Outlets = "outlets", Centers = "sortingCenters", Tiers = "tiers";

    public static IReadOnlyList<FieldError>? TryReadOutlets(JsonElement root, PolicyCatalog catalog, (Core.Cities.City City, Core.Cities.CityCatalog Cities) of, CitySnapshot city, SitingLimits limits,
        out OutletSitingOptions? options, out decimal? siteCost)
    {
        (options, siteCost) = (null, null);
        var r = new JsonFieldReader();
        r.OnlyKnown(root, "", Fields.Of<OutletSitingBody>());
        var c = ReadCommon(r, root, catalog, of);
        var sites = r.Count(root, "", "sites");
        var share = Number(r, root, "cityShare");
        var districtShare = Number(r, root, "districtShare");
        var floor = Number(r, root, "districtFloor");
        var budget = r.Amount(root, "", "budgetYuan");
        var area = r.Amount(root, "", "siteAreaM2") ?? 20m;
        var grid = Number(r, root, "gridSpacingM") ?? 250;
        var minutes = Number(r, root, "minutes") ?? 15;
        var speed = Number(r, root, "speedKmh") ?? 4.5;
        foreach (var (name, v) in new[] { ("cityShare", share), ("districtShare", districtShare), ("districtFloor", floor) })
            if (v is > 1)
                r.Fail(name, $"is a share of households from 0 to 1 (got {v.Value.ToString(CultureInfo.InvariantCulture)}, above 100 %)",
                    $"是 0 到 1 之间的户数比例（实际为 {v.Value.ToString(CultureInfo.InvariantCulture)}，超过 100%）");
        if (floor is not null && sites is null && budget is null && c?.ReachTarget != true)
            r.Fail("districtFloor", "goes with sites, budgetYuan or reachTarget", "须与站点数（sites）、预算（budgetYuan）或达标（reachTarget）一起给出");
        if (grid is < 50 or > 10_000) r.Fail("gridSpacingM", Reason.FromTo("50", "10,000", "m", "米"));
        var walk = new WalkingOptions { Minutes = minutes, SpeedKmh = speed };
        if (walk.Validate() is { } w) r.Errors.Add(w);
        var source = CandidateSource.Communities;
        if (r.Text(root, "", "candidates") is { } text)
        {
            if (!Enum.TryParse(text, ignoreCase: true, out source) || !Enum.IsDefined(source) || text.Trim().All(char.IsAsciiDigit))
                r.Fail("candidates", $"'{JsonFieldReader.Clip(text)}' is not a candidate source; use communities, grid, uploaded or wasteSortingPoints",
                    $"“{JsonFieldReader.Clip(text)}”不是候选点来源；可用 communities（小区）、grid（网格）、uploaded（上传）或 wasteSortingPoints（垃圾分类投放点）");
        }
        else if (c?.UploadedSites.Count > 0) source = CandidateSource.Uploaded;
        if (source == CandidateSource.Uploaded && c?.UploadedSites.Count == 0)
            r.Fail("uploadedSites", "is required (a GeoJSON FeatureCollection of points) when candidates are uploaded; the candidate set is empty",
                "候选点为上传时必填（GeoJSON 点要素集合）；现在候选点为空");
        if (source == CandidateSource.WasteSortingPoints && !OutletSiting.MergeCandidates(city).Any())
            r.Fail("candidates", "the city has no operating waste-sorting point that does not take recyclables yet (import waste-sorting-points)",
                "本市没有尚未兼收可回收物的运营中垃圾分类投放点（请导入垃圾分类投放点图层）");

        // The policy's fixed-outlet rule prices a site: the subsidy a new outlet of siteAreaM2 earns.
        var rule = c?.Policy?.Subsidies?.Rules.FirstOrDefault(x => x.AppliesTo == SubsidyItemTypes.FixedOutlet);
        siteCost = rule is null ? null : SubsidyEstimator.AmountFor(rule, area);

        var goals = new[] { sites is not null, share is not null, districtShare is not null, budget is not null, c?.ReachTarget == true }.Count(g => g);
        if (goals != 1)
            r.Fail("goal", goals == 0
                ? new Reason("give one goal: sites, cityShare, districtShare, budgetYuan or reachTarget", "请给出一个目标：站点数、全市覆盖率、区县覆盖率、预算或达到政策目标")
                : new Reason("give only one goal of sites, cityShare, districtShare, budgetYuan and reachTarget", "只能给出一个目标（站点数、全市覆盖率、区县覆盖率、预算、达到政策目标）"));
        if (budget is not null && siteCost is not > 0)
            r.Fail("budgetYuan", $"needs a policy with a fixed-outlet subsidy rule to price the sites (policy {c?.Policy?.Id ?? "none"})",
                $"需要有固定型站点补贴规则的政策来为站点定价（当前政策：{c?.Policy?.Id ?? "无"}）");
        if (c?.ReachTarget == true && c.Policy is { } p)
        {
            var remaining = Remaining(p, c.Year, "modernOutlets", city);
            if (remaining is null)
                r.Fail("reachTarget", $"policy {p.Id} sets no modern-outlet target{(c.Year is { } y ? $" for {y}" : "")}",
                    $"政策 {p.Id} 没有{(c.Year is { } yz ? $" {yz} 年的" : "")}现代化回收网点目标");
            else sites = remaining;
        }
        if (r.Errors.Count > 0) return r.Errors;
        // One goal was given (checked above): the union says which, with only the settings that goal takes.
        OutletSitingGoal goal = sites is { } count ? new OutletSitingGoal.Sites(count, floor)
            : share is { } s ? new OutletSitingGoal.CityShare(s)
            : districtShare is { } ds ? new OutletSitingGoal.DistrictShare(ds)
            : new OutletSitingGoal.Budget(budget!.Value, siteCost!.Value, floor);
        options = new OutletSitingOptions
        {
            Goal = goal, Walking = walk, Candidates = source, GridSpacingM = grid, UploadedSites = c!.UploadedSites,
            UploadedCostsYuan = [.. c.UploadedAreasM2.Select(a => a is { } m2 && rule is not null ? SubsidyEstimator.AmountFor(rule, m2) : (decimal?)null)],
            Exact = c.Exact,
            Solver = new MclpOptions { SwapSeconds = c.TimeLimitSeconds, ExactSeconds = c.TimeLimitSeconds },
            TimeLimitSeconds = c.TimeLimitSeconds,
            MaxThreads = limits.MaxThreads,
        };
        // Size before work: a grid too fine for the area is refused here, not discovered as gigabytes later.
        if (limits.CheckOutlets(city, options) is { } tooLarge) { options = null; return [tooLarge]; }
        return null;
    }

    /// <summary>A whole-chain request: counts per tier (0 skips one), capacity, volumes, haul limits, time limit; the city's policy must set tier rules.</summary>
    public static IReadOnlyList<FieldError>? TryReadTiers(JsonElement root, Policy? policy, CitySnapshot city, out TierSitingOptions? options)
    {
        options = null;
        var r = new JsonFieldReader();
        r.OnlyKnown(root, "", Fields.Of<TierSitingBody>());
        var d = new TierSitingOptions();
        var outlets = r.Count(root, "", "villageOutlets") ?? d.VillageOutlets;
        var stations = r.Count(root, "", "transferStations") ?? d.TransferStations;
        var centres = r.Count(root, "", "countyCentres") ?? d.CountyCentres;
        var capacity = Number(r, root, "capacityTonnesPerDay") ?? d.CountyCentreCapacityTonnesPerDay;
        var kg = Number(r, root, "kgPerHouseholdPerDay") ?? d.KgPerHouseholdPerDay;
        var stationKm = Number(r, root, "stationHaulLimitKm") ?? d.StationHaulLimitM / 1000;
        var centreKm = Number(r, root, "centreHaulLimitKm") ?? d.CentreHaulLimitM / 1000;
        var seconds = Number(r, root, "timeLimitSeconds") ?? d.TimeLimitSeconds;
        if (outlets > 5_000) r.Fail("villageOutlets", Reason.AtMost("5,000"));
        if (stations > 1_000) r.Fail("transferStations", Reason.AtMost("1,000"));
        if (centres > 100) r.Fail("countyCentres", Reason.AtMost("100"));
        if (outlets + stations + centres == 0) r.Fail("villageOutlets", "ask for at least one site in some tier", "至少要在某一级要求一个站点");
        if (capacity is <= 0 or > 100_000) r.Fail("capacityTonnesPerDay", Reason.AboveZeroAtMost("100,000", "t/day", "吨/日"));
        r.Errors.AddRange(HaulAssumptions.Check(kgPerHouseholdPerDay: kg));
        if (stationKm is <= 0 or > 500) r.Fail("stationHaulLimitKm", Reason.AboveZeroAtMost("500", "km", "千米"));
        if (centreKm is <= 0 or > 1_000) r.Fail("centreHaulLimitKm", Reason.AboveZeroAtMost("1,000", "km", "千米"));
        if (seconds is <= 0 or > 600) r.Fail("timeLimitSeconds", TimeLimit);
        if (policy?.Tiers is null)
            r.Fail("city", $"{policy?.City ?? "this city"}'s policy sets no county – township – village tiers", $"{policy?.City ?? "本市"}的政策没有设定县—乡—村三级体系");
        else if (city.Villages.Count == 0) r.Fail("city", "the city has no villages (import the villages layer)", "本市还没有村（请导入村图层）");
        if (r.Errors.Count > 0) return r.Errors;
        options = new TierSitingOptions
        {
            VillageOutlets = outlets, TransferStations = stations, CountyCentres = centres, CountyCentreCapacityTonnesPerDay = capacity,
            KgPerHouseholdPerDay = kg, StationHaulLimitM = stationKm * 1000, CentreHaulLimitM = centreKm * 1000, TimeLimitSeconds = seconds,
        };
        return null;
    }

    public static IReadOnlyList<FieldError>? TryReadCenters(JsonElement root, PolicyCatalog catalog, (Core.Cities.City City, Core.Cities.CityCatalog Cities) of, CitySnapshot city, SitingLimits limits,
        out CenterSitingOptions? options)
    {
        options = null;
        var r = new JsonFieldReader();
        r.OnlyKnown(root, "", Fields.Of<CenterSitingBody>());
        var c = ReadCommon(r, root, catalog, of);
        var centers = r.Count(root, "", "centers");
        var grid = Number(r, root, "gridSpacingM") ?? 2_000;
        var capacity = Number(r, root, "capacityTonnesPerDay");
        var limit = Number(r, root, "haulLimitKm") ?? HaulAssumptions.LimitM / 1000;
        var circuity = Number(r, root, "haulCircuity") ?? HaulAssumptions.Circuity;
        var kg = Number(r, root, "kgPerHouseholdPerDay") ?? HaulAssumptions.KgPerHouseholdPerDay;
        if (grid is < 200 or > 50_000) r.Fail("gridSpacingM", Reason.FromTo("200", "50,000", "m", "米"));
        if (capacity is <= 0) r.Fail("capacityTonnesPerDay", "must be above 0", "须大于 0");
        r.Errors.AddRange(HaulAssumptions.Check(limit, circuity, kg));
        var goals = (centers is not null ? 1 : 0) + (c?.ReachTarget == true ? 1 : 0);
        if (goals != 1)
            r.Fail("goal", goals == 0 ? new Reason("give centers or reachTarget", "请给出分拣中心数（centers）或达到政策目标（reachTarget）")
                : new Reason("give only one of centers and reachTarget", "分拣中心数（centers）和达到政策目标（reachTarget）只能给一个"));
        if (c?.ReachTarget == true && c.Policy is { } p)
        {
            var remaining = Remaining(p, c.Year, "greenSortingCenters", city);
            if (remaining is null) r.Fail("reachTarget", $"policy {p.Id} sets no green sorting-centre target", $"政策 {p.Id} 没有绿色分拣中心目标");
            else centers = remaining;
        }
        if (r.Errors.Count > 0) return r.Errors;
        options = new CenterSitingOptions
        {
            Centers = centers!.Value, GridSpacingM = grid, UploadedSites = c!.UploadedSites, CapacityTonnesPerDay = capacity,
            HaulLimitM = limit * 1000, HaulCircuity = circuity, KgPerHouseholdPerDay = kg,
            ExactSeconds = c.Exact || capacity is not null ? c.TimeLimitSeconds : 0,
            TimeLimitSeconds = c.TimeLimitSeconds,
        };
        if (limits.CheckCenters(city, options) is { } tooLarge) { options = null; return [tooLarge]; }
        return null;
    }

    /// <summary>What is left of a count target (latest year, or the year asked for), or null when the policy sets none.</summary>
    private static int? Remaining(Policy p, int? year, string metric, CitySnapshot city)
    {
        var t = p.Targets.Where(t => t.Metric == metric && (year is null || t.Year == year)).OrderByDescending(t => t.Year).FirstOrDefault();
        return t is null ? null : (int?)(ScorecardBuilder.Progress(t, city).Remaining ?? 0);
    }

    /// <param name="city">The request's city: its policy when the request names none, and the only one it may name.</param>
    private static SitingCommon? ReadCommon(JsonFieldReader r, JsonElement root, PolicyCatalog catalog, (Core.Cities.City City, Core.Cities.CityCatalog Cities) city)
    {
        var choice = Core.Cities.CityPolicy.Resolve(city.City, r.Text(root, "", "policy"), catalog, city.Cities);
        var policy = choice.Policy;
        if (choice.Refusal is { } refused) r.Fail("policy", refused);
        var year = r.Count(root, "", "year");
        var reach = r.Flag(root, "", "reachTarget") ?? false;
        var exact = r.Flag(root, "", "exact") ?? false;
        var seconds = Number(r, root, "timeLimitSeconds") ?? 10;
        if (seconds is <= 0 or > 600) r.Fail("timeLimitSeconds", TimeLimit);
        var crs = LocationReader.Crs(r, root);
        var sites = new List<PlannedSite>();
        var areas = new List<decimal?>();
        if (r.Object(root, "", "uploadedSites") is { } fc)
        {
            var n = 0;
            foreach (var (f, path) in r.Objects(fc, "features"))
            {
                var at = $"uploadedSites.{path}";
                var props = JsonFieldReader.Member(f, "properties") is { ValueKind: JsonValueKind.Object } o ? o : (JsonElement?)null;
                var label = props is { } pr && JsonFieldReader.Member(pr, "name") is { ValueKind: JsonValueKind.String } name ? name.GetString() : null;
                var area = props is { } pa ? r.Amount(pa, $"{at}.properties", "areaM2") : null;
                if (LocationReader.Read(r, f, at, crs, "geometry") is { } p)
                {
                    sites.Add(new PlannedSite(label ?? $"site {n + 1}", p.Lon, p.Lat));
                    areas.Add(area);
                }
                else if (JsonFieldReader.Member(f, "geometry") is null) r.Fail($"{at}.geometry", "is required: a Point", "必填：一个点（Point）");
                n++;
            }
        }
        return new SitingCommon(policy, year, reach, sites, areas, seconds, exact);
    }

    private static readonly Reason TimeLimit = Reason.AboveZeroAtMost("600", "s", "秒");

    private static double? Number(JsonFieldReader r, JsonElement root, string name) => (double?)r.Amount(root, "", name) is { } v ? v : null;

}
