using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Demo;

/// <summary>Options of the synthetic demo set. Densities and sizes are plausible, not measured.</summary>
public sealed record DemoOptions
{
    public ulong Seed { get; init; } = 2027;
    /// <summary>Urban population density used to size the urban core around each district seat, persons/km².</summary>
    public double UrbanDensityPerKm2 { get; init; } = 10_000;
    /// <summary>Median households of an urban compound and of a village.</summary>
    public double UrbanMedianHouseholds { get; init; } = 750;
    public double RuralMedianHouseholds { get; init; } = 280;
    /// <summary>Existing fixed outlets: one per this many urban (rural) households — far below the 1 per 2,000 practice, as today.</summary>
    public double UrbanHouseholdsPerOutlet { get; init; } = 45_000;
    public double RuralHouseholdsPerOutlet { get; init; } = 200_000;
}

/// <summary>
/// The generated layers; communities, townships and villages carry temporary ids 1..n that other layers refer to (written
/// to the files as names). The rural layers are empty for Jinan.
/// </summary>
public sealed record DemoDataSet(List<Community> Communities, List<Outlet> Outlets, List<SortingCenter> SortingCenters, List<Enterprise> Enterprises)
{
    public List<Township> Townships { get; init; } = [];
    public List<Village> Villages { get; init; } = [];
    public List<TransferStation> TransferStations { get; init; } = [];
    public List<WasteSortingPoint> WasteSortingPoints { get; init; } = [];
}

/// <summary>
/// Generates the SYNTHETIC Jinan demo set from the district outlines and census: communities placed
/// around each district's seat (urban residents, normally distributed) and across the district
/// (villages), sized to the census households; a few existing outlets, mobile stations, sorting centres
/// and operators. Deterministic for a seed. Every record's <see cref="SpatialEntity.Source"/> is "synthetic-demo"
/// and every name starts with 模拟 (simulated).
/// </summary>
public sealed class JinanDemoGenerator(DemoOptions options)
{
    public const string SourceTag = "synthetic-demo";

    // District seats (the "cp" points of the same echarts outline files, GCJ-02), around which urban compounds cluster.
    private static readonly Dictionary<string, (double Lon, double Lat)> SeatsGcj02 = new()
    {
        ["370102"] = (117.076441, 36.666465), ["370103"] = (116.997845, 36.651335), ["370104"] = (116.901224, 36.651441),
        ["370105"] = (116.987153, 36.678589), ["370112"] = (117.06523, 36.680259), ["370113"] = (116.751843, 36.55371),
        ["370114"] = (117.526228, 36.681258), ["370115"] = (117.173524, 36.978537), ["370116"] = (117.659884, 36.203179),
        ["370117"] = (117.811354, 36.058572), ["370124"] = (116.456006, 36.289251), ["370126"] = (117.157232, 37.309041),
    };

    // (adcode, green certified, status, capacity t/day) of the demo sorting centres.
    private static readonly (string Adcode, bool Green, FacilityStatus Status, double Capacity)[] Centres =
    [
        ("370104", true, FacilityStatus.Operating, 200), ("370112", true, FacilityStatus.Operating, 300),
        ("370114", true, FacilityStatus.Operating, 150), ("370116", false, FacilityStatus.Operating, 120),
        ("370113", false, FacilityStatus.Operating, 80), ("370105", false, FacilityStatus.Planned, 200),
    ];

    private static readonly string[] OperatorNames =
        ["模拟泉城再生资源回收有限公司", "模拟齐鲁绿色回收科技有限公司", "模拟济南供销再生资源有限公司", "模拟历山回收服务部"];

    public DemoDataSet Generate(IReadOnlyList<District> districts)
    {
        var rng = new DemoRandom(options.Seed);
        var projection = LocalProjection.ForLongitude(117.0);
        var communities = new List<Community>();
        var urbanByDistrict = new Dictionary<string, List<Community>>();
        var outlets = new List<Outlet>();
        var centres = new List<SortingCenter>();

        foreach (var d in districts)
        {
            var area = new AreaSampler(d.Geometry, projection, rng);
            var seat = ChinaCoordinates.Gcj02ToWgs84(SeatsGcj02[d.Adcode].Lon, SeatsGcj02[d.Adcode].Lat);
            var urbanHouseholds = d.Households * (d.UrbanShare ?? 0.5);
            var ruralHouseholds = d.Households - urbanHouseholds;
            var sigmaM = Math.Sqrt(urbanHouseholds * d.AvgHouseholdSize / options.UrbanDensityPerKm2 / Math.PI) * 1000 / 1.2;
            var shortName = d.Name.TrimEnd('区', '县');

            var urban = Fill(urbanHouseholds, options.UrbanMedianHouseholds, 60, 4500, rng, n => new Community
            {
                Name = $"模拟小区·{shortName}·{n:0000}",
                Geometry = area.NearSeat(seat, sigmaM),
            });
            var rural = Fill(ruralHouseholds, options.RuralMedianHouseholds, 40, 1500, rng, n => new Community
            {
                Name = $"模拟村·{shortName}·{n:0000}",
                Geometry = area.Anywhere(),
            });
            foreach (var c in urban.Concat(rural))
            {
                c.Id = communities.Count + 1;
                c.Population = (int)Math.Round(c.Households * d.AvgHouseholdSize);
                c.Source = SourceTag;
                communities.Add(c);
            }
            urbanByDistrict[d.Adcode] = urban;

            var fixedCount = Math.Max(1, (int)Math.Round(urbanHouseholds / options.UrbanHouseholdsPerOutlet))
                             + (int)Math.Round(ruralHouseholds / options.RuralHouseholdsPerOutlet);
            for (var i = 1; i <= fixedCount; i++)
                outlets.Add(FixedOutlet(rng, area, $"模拟回收网点·{shortName}·{i:00}", rng.Pick(urban.Count > 0 ? urban : rural).Location, OperatorNames));
            if (d.UrbanShare >= 0.5 && urban.Count >= 30)
                outlets.Add(MobileStation(rng, projection, $"模拟流动回收站·{shortName}", rng.Pick(urban), urban, OperatorNames));

            foreach (var centre in Centres.Where(c => c.Adcode == d.Adcode))
                centres.Add(new SortingCenter
                {
                    Name = $"模拟分拣中心·{shortName}",
                    Geometry = area.Near(rng.Pick(rural.Count > 0 ? rural : urban).Location, 100, 400),
                    Status = centre.Status, GreenCertified = centre.Green, CapacityTonnesPerDay = centre.Capacity,
                    Source = SourceTag,
                });
        }
        return new DemoDataSet(communities, outlets, centres, Enterprises(rng, outlets, OperatorNames, "91370100"));
    }

    internal static List<Community> Fill(double households, double median, int min, int max, DemoRandom rng, Func<int, Community> make)
    {
        var list = new List<Community>();
        var left = households;
        while (left >= min)
        {
            var size = (int)Math.Clamp(Math.Round(median * Math.Exp(0.55 * rng.NextGaussian())), min, max);
            size = (int)Math.Min(size, Math.Round(left));
            var c = make(list.Count + 1);
            c.Households = size;
            list.Add(c);
            left -= size;
        }
        return list;
    }

    internal static Outlet FixedOutlet(DemoRandom rng, AreaSampler area, string name, Point near, IReadOnlyList<string> operators)
    {
        var roll = rng.NextDouble();
        var status = roll < 0.82 ? FacilityStatus.Operating : roll < 0.94 ? FacilityStatus.Planned : FacilityStatus.Closed;
        var outlet = new Outlet
        {
            Name = name,
            Kind = OutletKind.Fixed,
            Status = status,
            Modern = status != FacilityStatus.Closed && rng.NextDouble() < 0.55,
            AreaM2 = Math.Round((6 + rng.NextDouble() * 54) * 2) / 2, // 6-60 m²: some below the 10 m² subsidy floor
            Operator = rng.Pick(operators),
            OpenedOn = status == FacilityStatus.Planned ? null : new DateOnly(2019, 1, 1).AddDays(rng.Next(0, 2130)),
            Geometry = area.Near(near, 30, 120),
            Source = SourceTag,
        };
        // A closed outlet closed some time after it opened and before the latest demo month: its volume reports stop there.
        // Derived, not drawn, so the rest of the demo stays what it was.
        if (status == FacilityStatus.Closed && outlet.OpenedOn is { } opened)
            outlet.ClosedOn = DateOnly.FromDayNumber(Math.Max(opened.AddDays(365).DayNumber, new DateOnly(2023, 6, 30).DayNumber) + opened.DayNumber % 400);
        return outlet;
    }

    internal static Outlet MobileStation(DemoRandom rng, LocalProjection projection, string name, Community home, List<Community> candidates,
        IReadOnlyList<string> operators)
    {
        var (hx, hy) = projection.Project(home.Location.X, home.Location.Y);
        double Dist(Community c)
        {
            var (x, y) = projection.Project(c.Location.X, c.Location.Y);
            return (x - hx) * (x - hx) + (y - hy) * (y - hy);
        }
        var served = candidates.OrderBy(Dist).ThenBy(c => c.Id).Take(rng.Next(20, 31)).Select(c => c.Id).ToList();
        return new Outlet
        {
            Name = name, Kind = OutletKind.Mobile, Status = FacilityStatus.Operating, Modern = false,
            Operator = rng.Pick(operators), OpenedOn = new DateOnly(2022, 1, 1).AddDays(rng.Next(0, 900)),
            Geometry = home.Geometry.Copy(), ServedCommunityIds = served, Source = SourceTag,
        };
    }

    /// <param name="creditPrefix">The first 8 characters of the codes: 91 (enterprise) and the city's adcode.</param>
    internal static List<Enterprise> Enterprises(DemoRandom rng, List<Outlet> outlets, IReadOnlyList<string> operatorNames, string creditPrefix)
    {
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return operatorNames.Select((name, i) =>
        {
            var org = new string(Enumerable.Range(0, 9).Select(_ => charset[rng.Next(0, 31)]).ToArray());
            var first17 = creditPrefix + org;
            return new Enterprise
            {
                Name = name,
                CreditCode = first17 + UnifiedSocialCreditCode.CheckCharacter(first17),
                MofcomRegistered = i != 3,
                DirectOutletCount = outlets.Count(o => o.Operator == name && o.Kind == OutletKind.Fixed && o.Status == FacilityStatus.Operating),
                Source = SourceTag,
            };
        }).ToList();
    }
}
