using NetTopologySuite.Geometries;
using NetTopologySuite.Precision;
using NetTopologySuite.Triangulate;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Demo;

/// <summary>A township of the national division codes (shared data's townships.csv): 9-digit code, name, county adcode.</summary>
public sealed record TownshipListing(string Code, string Name, string CountyCode)
{
    /// <summary>街道 (subdistricts, urban) have codes 0xx after the county; 镇 and 乡 1xx and 2xx.</summary>
    public bool IsSubdistrict => Code.Length == 9 && Code[6] == '0';
}

/// <summary>What differs between the county-network demo cities: seats, centres, operators, credit-code prefix.</summary>
/// <param name="SeatsGcj02">Each county's seat, GCJ-02 (the "cp" points of the echarts outline files).</param>
/// <param name="Centres">(county adcode, tier, green, status, capacity t/day) of the demo sorting centres.</param>
public sealed record CountyDemoProfile(string City, ulong Seed, IReadOnlyDictionary<string, (double Lon, double Lat)> SeatsGcj02,
    IReadOnlyList<(string Adcode, CenterTier Tier, bool Green, FacilityStatus Status, double Capacity)> Centres,
    IReadOnlyList<string> Operators, string CreditPrefix)
{
    public static readonly CountyDemoProfile Binzhou = new("滨州", 2024_0531,
        new Dictionary<string, (double, double)>
        {
            ["371602"] = (118.019326, 37.430724), ["371603"] = (118.098902, 37.69926), ["371621"] = (117.509921, 37.489877),
            ["371622"] = (117.603339, 37.632433), ["371623"] = (117.625696, 37.77026), ["371625"] = (118.110709, 37.15457),
            ["371681"] = (117.743109, 36.862989),
        },
        [
            ("371602", CenterTier.City, true, FacilityStatus.Operating, 300), ("371602", CenterTier.County, false, FacilityStatus.Operating, 120),
            ("371681", CenterTier.County, false, FacilityStatus.Operating, 150), ("371625", CenterTier.County, false, FacilityStatus.Operating, 100),
            ("371621", CenterTier.County, false, FacilityStatus.Planned, 80),
        ],
        ["模拟滨州供销再生资源有限公司", "模拟渤海绿色回收科技有限公司", "模拟黄河三角洲回收服务部"], "91371600");

    public static readonly CountyDemoProfile Anqiu = new("安丘", 2024_0723,
        new Dictionary<string, (double, double)> { ["370784"] = (119.218978, 36.478493) },
        [("370784", CenterTier.County, false, FacilityStatus.Operating, 120)],
        ["模拟安丘供销再生资源有限公司", "模拟汶河绿色回收有限公司"], "91370784");
}

/// <summary>
/// Generates a SYNTHETIC county-network demo set (Binzhou, Anqiu) from the real county outlines, the census and the real
/// township names and codes: township outlines as Voronoi cells of seeds inside each county (subdistricts around the
/// county seat, towns spread across it), clipped to the county; urban communities around the seat as in the Jinan demo;
/// villages (rural residents, lognormal sizes) in the towns in proportion to their area; a few community and village
/// outlets, county sorting centres, transfer stations in some towns, and waste-sorting points, some of them merged
/// (两网融合). Deterministic for the profile's seed; every record is labelled "synthetic-demo" and named 模拟….
/// </summary>
public sealed class CountyDemoGenerator(DemoOptions options, CountyDemoProfile profile)
{
    /// <summary>Median residents of a generated village (自然村-sized), persons.</summary>
    public const double MedianVillagePopulation = 320;

    public DemoDataSet Generate(IReadOnlyList<District> districts, IReadOnlyList<TownshipListing> listings)
    {
        var rng = new DemoRandom(profile.Seed);
        var env = new Envelope();
        foreach (var d in districts) env.ExpandToInclude(d.Geometry.EnvelopeInternal);
        var projection = LocalProjection.ForLongitude(env.Centre.X);
        var set = new DemoDataSet([], [], [], []);
        var (townships, villages, stations, points) = (new List<Township>(), new List<Village>(), new List<TransferStation>(), new List<WasteSortingPoint>());

        foreach (var d in districts)
        {
            var area = new AreaSampler(d.Geometry, projection, rng);
            var seat = ChinaCoordinates.Gcj02ToWgs84(profile.SeatsGcj02[d.Adcode].Lon, profile.SeatsGcj02[d.Adcode].Lat);
            var urbanHouseholds = d.Households * (d.UrbanShare ?? 0.5);
            var ruralPopulation = (d.Households - urbanHouseholds) * d.AvgHouseholdSize;
            var sigmaM = Math.Sqrt(urbanHouseholds * d.AvgHouseholdSize / options.UrbanDensityPerKm2 / Math.PI) * 1000 / 1.2;
            var shortName = d.Name.TrimEnd('区', '县', '市');

            var cells = Townships(d, listings.Where(t => t.CountyCode == d.Adcode).OrderBy(t => t.Code).ToList(), area, seat, sigmaM, projection, rng);
            foreach (var t in cells) t.Id = townships.Count + 1 + cells.IndexOf(t);
            townships.AddRange(cells);

            var urban = JinanDemoGenerator.Fill(urbanHouseholds, options.UrbanMedianHouseholds, 60, 4500, rng, n => new Community
            {
                Name = $"模拟小区·{shortName}·{n:0000}", Geometry = area.NearSeat(seat, sigmaM),
            });
            foreach (var c in urban)
            {
                c.Id = set.Communities.Count + 1;
                c.Population = (int)Math.Round(c.Households * d.AvgHouseholdSize);
                c.Source = JinanDemoGenerator.SourceTag;
                set.Communities.Add(c);
            }

            var rural = Villages(d, cells, ruralPopulation, projection, rng);
            foreach (var v in rural) v.Id = villages.Count + 1 + rural.IndexOf(v);
            villages.AddRange(rural);

            var fixedCount = Math.Max(1, (int)Math.Round(urbanHouseholds / options.UrbanHouseholdsPerOutlet));
            for (var i = 1; i <= fixedCount && urban.Count > 0; i++)
                set.Outlets.Add(JinanDemoGenerator.FixedOutlet(rng, area, $"模拟回收网点·{shortName}·{i:00}", rng.Pick(urban).Location, profile.Operators));
            if (urban.Count >= 30)
                set.Outlets.Add(JinanDemoGenerator.MobileStation(rng, projection, $"模拟流动回收站·{shortName}", rng.Pick(urban), urban, profile.Operators));
            // Village outlets in about one village in eight: the tier the plan asks to build out.
            foreach (var v in rural.Where(_ => rng.NextDouble() < 0.125))
            {
                var o = JinanDemoGenerator.FixedOutlet(rng, area, $"模拟村级回收网点·{v.Name[4..]}", v.Location, profile.Operators);
                o.Tier = OutletTier.Village;
                set.Outlets.Add(o);
            }
            foreach (var c in profile.Centres.Where(c => c.Adcode == d.Adcode))
                set.SortingCenters.Add(new SortingCenter
                {
                    Name = c.Tier == CenterTier.County ? $"模拟县域分拣中心·{shortName}" : $"模拟分拣中心·{shortName}",
                    Geometry = area.Near(rural.Count > 0 ? rng.Pick(rural).Location : seatPoint(seat), 200, 800),
                    Status = c.Status, GreenCertified = c.Green, CapacityTonnesPerDay = c.Capacity, Tier = c.Tier,
                    Source = JinanDemoGenerator.SourceTag,
                });
            stations.AddRange(Stations(cells, rural, area, rng));
            points.AddRange(SortingPoints(urban, rural, area, rng, points.Count));
        }
        return set with
        {
            Enterprises = JinanDemoGenerator.Enterprises(rng, set.Outlets, profile.Operators, profile.CreditPrefix),
            Townships = townships, Villages = villages, TransferStations = stations, WasteSortingPoints = points,
        };

        static Point seatPoint((double Lon, double Lat) s) => new(s.Lon, s.Lat) { SRID = 4326 };
    }

    /// <summary>The county's townships as Voronoi cells of one seed each, clipped to the county.</summary>
    private static List<Township> Townships(District county, List<TownshipListing> listed, AreaSampler area, (double Lon, double Lat) seat,
        double sigmaM, LocalProjection projection, DemoRandom rng)
    {
        if (listed.Count == 0) return [];
        var countyM = projection.Project(county.Geometry);
        // Seeds at least this far apart, so towns get cells of comparable size.
        var spacing = 0.6 * Math.Sqrt(countyM.Area / listed.Count);
        var seeds = new List<Coordinate>();
        foreach (var t in listed)
        {
            Coordinate best = new(0, 0);
            for (var attempt = 0; attempt < 60; attempt++)
            {
                var p = t.IsSubdistrict ? area.NearSeat(seat, sigmaM) : area.Anywhere();
                var (x, y) = projection.Project(p.X, p.Y);
                best = new Coordinate(x, y);
                var minGap = t.IsSubdistrict ? spacing / 6 : spacing;
                if (seeds.All(s => s.Distance(best) >= minGap)) break;
            }
            seeds.Add(best);
        }
        var clip = new Envelope(countyM.EnvelopeInternal);
        clip.ExpandBy(1000);
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = clip };
        builder.SetSites(seeds);
        var diagram = builder.GetDiagram(new GeometryFactory());
        var cells = new List<Township>();
        for (var i = 0; i < listed.Count; i++)
        {
            var cell = Enumerable.Range(0, diagram.NumGeometries).Select(diagram.GetGeometryN)
                .First(g => g.UserData is Coordinate c && c.Equals2D(seeds[i]));
            var clipped = projection.Unproject(cell.Intersection(countyM));
            clipped = GeometryPrecisionReducer.Reduce(clipped, new PrecisionModel(1e6));
            if (!clipped.IsValid) clipped = NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(clipped);
            cells.Add(new Township { Name = listed[i].Name, Code = listed[i].Code, Geometry = clipped, Source = JinanDemoGenerator.SourceTag });
        }
        return cells;
    }

    /// <summary>Villages holding the county's rural residents, in its towns (its subdistricts when it has no towns) by area.</summary>
    private static List<Village> Villages(District county, List<Township> cells, double ruralPopulation, LocalProjection projection, DemoRandom rng)
    {
        var hosts = cells.Where(c => c.Code[6] != '0').ToList() is [_, ..] towns ? towns : cells;
        if (hosts.Count == 0) return [];
        var weights = hosts.Select(h => projection.AreaM2(h.Geometry)).ToList();
        var total = weights.Sum();
        var samplers = hosts.Select(h => new AreaSampler(h.Geometry, projection, rng)).ToList();
        var counts = new int[hosts.Count];
        var villages = new List<Village>();
        var left = ruralPopulation;
        while (left >= 60)
        {
            var size = (int)Math.Min(Math.Clamp(Math.Round(MedianVillagePopulation * Math.Exp(0.6 * rng.NextGaussian())), 60, 3000), Math.Round(left));
            var roll = rng.NextDouble() * total;
            var k = 0;
            while (k < hosts.Count - 1 && roll >= weights[k]) roll -= weights[k++];
            counts[k]++;
            var town = hosts[k].Name.Replace("街道", "").TrimEnd('镇', '乡');
            villages.Add(new Village
            {
                Name = $"模拟村·{town}·{counts[k]:000}", Kind = VillageKind.Administrative, Population = size,
                Households = (int)Math.Round(size / county.AvgHouseholdSize), Geometry = samplers[k].Anywhere(),
                TownshipId = hosts[k].Id, Source = JinanDemoGenerator.SourceTag,
            });
            left -= size;
        }
        return villages;
    }

    /// <summary>Transfer stations in a little under half of the towns, each beside one of its villages.</summary>
    private static IEnumerable<TransferStation> Stations(List<Township> cells, List<Village> villages, AreaSampler area, DemoRandom rng)
    {
        foreach (var town in cells.Where(c => c.Code[6] != '0'))
        {
            var own = villages.Where(v => v.TownshipId == town.Id).ToList();
            if (own.Count == 0 || rng.NextDouble() >= 0.45) continue;
            yield return new TransferStation
            {
                Name = $"模拟中转站·{town.Name}", TownshipId = town.Id, Geometry = area.Near(rng.Pick(own).Location, 100, 400),
                Status = rng.NextDouble() < 0.8 ? FacilityStatus.Operating : FacilityStatus.Planned,
                CapacityTonnesPerDay = Math.Round(10 + rng.NextDouble() * 30), Source = JinanDemoGenerator.SourceTag,
            };
        }
    }

    /// <summary>Waste-sorting points in most communities and a third of the villages; about one in ten already merged (两网融合).</summary>
    private static IEnumerable<WasteSortingPoint> SortingPoints(List<Community> urban, List<Village> villages, AreaSampler area, DemoRandom rng, int numbered)
    {
        WasteSortingPointKind Kind() => rng.NextDouble() switch { < 0.5 => WasteSortingPointKind.Bins, < 0.85 => WasteSortingPointKind.Station, _ => WasteSortingPointKind.Smart };
        foreach (var c in urban.Where(_ => rng.NextDouble() < 0.6))
            yield return new WasteSortingPoint
            {
                Name = $"模拟投放点·{++numbered:00000}", Kind = Kind(), CommunityId = c.Id, TakesRecyclables = rng.NextDouble() < 0.12,
                Geometry = area.Near(c.Location, 20, 80), Source = JinanDemoGenerator.SourceTag,
            };
        foreach (var v in villages.Where(_ => rng.NextDouble() < 0.35))
            yield return new WasteSortingPoint
            {
                Name = $"模拟投放点·{++numbered:00000}", Kind = Kind(), VillageId = v.Id, TakesRecyclables = rng.NextDouble() < 0.08,
                Geometry = area.Near(v.Location, 20, 80), Source = JinanDemoGenerator.SourceTag,
            };
    }
}
