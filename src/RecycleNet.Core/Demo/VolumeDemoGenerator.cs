using RecycleNet.Core.Model;
using RecycleNet.Core.Volumes;

namespace RecycleNet.Core.Demo;

/// <summary>
/// SYNTHETIC monthly volume reports (模拟数据) for a demo city, from January 2023 to the latest full month: every operating
/// or closed outlet from its opening (or 2023) to its closing, some sorting centres' own collection, and two enterprises'
/// end-of-life vehicles. Quantities follow a per-facility size, a season (the Spring Festival dip, the 618 and Singles' Day
/// appliance trade-in peaks), a yearly growth of the city's own, and noise; a few facility-months are left out on purpose,
/// so the missing-month lists have something to show. Each facility-month is drawn from its own seed: a later month added
/// never changes an earlier one. Every figure's source says it is synthetic.
/// </summary>
public static class VolumeDemoGenerator
{
    public const string SourceTag = "synthetic-demo";
    public static readonly ReportMonth FirstMonth = new(2023, 1);

    /// <summary>
    /// A city's demo growth per year of an outlet's own collection (the city's grows faster: outlets open) and its vehicle
    /// dismantling in 2023 (vehicles a month) and growth.
    /// </summary>
    private sealed record Profile(double ApplianceGrowth, double OtherGrowth, double VehiclesPerMonth2023, double VehicleGrowth);

    private static Profile ProfileOf(string city) => city switch
    {
        "binzhou" => new Profile(-0.06, 0.0, 560, 0.22),
        "anqiu" => new Profile(-0.05, 0.0, 330, 0.12),
        _ => new Profile(0.0, 0.0, 1100, 0.25),
    };

    // Spring Festival dip in February, 618 (June) and Singles' Day (November) trade-in peaks for appliances.
    private static readonly double[] ApplianceSeason = [1.05, 0.70, 0.95, 0.98, 1.02, 1.18, 0.96, 0.94, 0.98, 1.00, 1.20, 1.04];
    private static readonly double[] OtherSeason = [1.08, 0.72, 0.98, 1.00, 1.00, 1.00, 0.96, 0.96, 1.02, 1.04, 1.08, 1.16];

    public static List<VolumeFigure> Generate(string city, Cities.CitySnapshot snapshot, FacilityDirectory facilities, VolumeCategories categories,
        ReportMonth through)
    {
        var outlets = snapshot.Outlets.ToDictionary(o => o.Id);
        // The city's first two enterprises dismantle vehicles (ids are the store's, shared by every city).
        var dismantlers = facilities.All.Where(f => f.Kind == FacilityKind.Enterprise).OrderBy(f => f.Id).Take(2).Select(f => f.Id).ToHashSet();
        var profile = ProfileOf(city);
        var figures = new List<VolumeFigure>();
        VolumeCategory C(string id) => categories.All.First(c => c.Id == id);
        VolumeUnit U(string id) => categories.Unit(id);
        var tonnes = U("t");
        foreach (var f in facilities.All.OrderBy(f => f.Kind).ThenBy(f => f.Id))
        {
            var size = new DemoRandom(Seed(city, f, 0));
            (string Category, double TonnesPerMonth)[] mix;
            double appliancesPerMonth = 0;
            switch (f.Kind)
            {
                case FacilityKind.Outlet when f.Status is FacilityStatus.Planned: continue;
                case FacilityKind.Outlet when outlets[f.Id].Kind == OutletKind.Mobile:
                    mix = [("paper", 2 + size.NextDouble() * 3), ("plastics", 0.6 + size.NextDouble())];
                    appliancesPerMonth = 6 + size.NextDouble() * 10;
                    break;
                case FacilityKind.Outlet when outlets[f.Id].Tier == OutletTier.Village:
                    mix = [("paper", 1 + size.NextDouble() * 2), ("plastics", 0.5 + size.NextDouble()), ("scrap-steel", 1 + size.NextDouble() * 3)];
                    appliancesPerMonth = 4 + size.NextDouble() * 12;
                    break;
                case FacilityKind.Outlet:
                    mix =
                    [
                        ("paper", 4 + size.NextDouble() * 8), ("plastics", 1.5 + size.NextDouble() * 3), ("scrap-steel", 3 + size.NextDouble() * 8),
                        ("nonferrous", 0.2 + size.NextDouble() * 0.6), ("textiles", 0.5 + size.NextDouble() * 1.5), ("glass", 0.8 + size.NextDouble() * 2),
                    ];
                    appliancesPerMonth = 30 + size.NextDouble() * 60;
                    break;
                // Two centres in three collect directly too (from institutions and businesses): their own figures.
                case FacilityKind.SortingCenter when f.Status is FacilityStatus.Operating && f.Id % 3 != 0:
                    mix = [("scrap-steel", 60 + size.NextDouble() * 120), ("paper", 40 + size.NextDouble() * 80)];
                    break;
                case FacilityKind.Enterprise when dismantlers.Contains(f.Id):
                    mix = [];
                    break;
                default: continue;
            }
            var start = f.OpenedOn is { } opened && ReportMonth.Of(opened) > FirstMonth ? ReportMonth.Of(opened) : FirstMonth;
            var end = f.ClosedOn is { } closed && ReportMonth.Of(closed) < through ? ReportMonth.Of(closed) : through;
            // A few outlets stopped reporting some months ago; a few more missed one month.
            if (f.Kind == FacilityKind.Outlet && f.Id % 29 == 7) end = through.Plus(-3) < end ? through.Plus(-3) : end;
            foreach (var m in ReportMonth.Range(start, end))
            {
                if (f.Kind == FacilityKind.Outlet && f.Id % 17 == 5 && m == new ReportMonth(2023, 5)) continue;
                var rng = new DemoRandom(Seed(city, f, m.Key));
                var years = m.Since(FirstMonth) / 12.0;
                double Noise() => Math.Max(0.3, 1 + 0.12 * rng.NextGaussian());
                foreach (var (category, perMonth) in mix)
                {
                    var t = perMonth * OtherSeason[m.Month - 1] * Math.Pow(1 + profile.OtherGrowth, years) * Noise();
                    figures.Add(new VolumeFigure(0, f, m, C(category), tonnes, Milli(t, 3), SourceTag, null));
                }
                if (appliancesPerMonth > 0)
                {
                    var units = Math.Round(appliancesPerMonth * ApplianceSeason[m.Month - 1] * Math.Pow(1 + profile.ApplianceGrowth, years) * Noise());
                    figures.Add(new VolumeFigure(0, f, m, C("appliances"), U("units"), Milli(units, 0), SourceTag, null));
                    // About 45 kg an appliance, as a mix of small and large ones weighs.
                    figures.Add(new VolumeFigure(0, f, m, C("appliances"), tonnes, Milli(units * (0.035 + 0.02 * rng.NextDouble()), 3), SourceTag, null));
                }
                if (f.Kind == FacilityKind.Enterprise)
                {
                    var vehicles = Math.Round(profile.VehiclesPerMonth2023 / 2 * OtherSeason[m.Month - 1] * Math.Pow(1 + profile.VehicleGrowth, years) * Noise());
                    figures.Add(new VolumeFigure(0, f, m, C("vehicles"), U("vehicles"), Milli(vehicles, 0), SourceTag, null));
                    figures.Add(new VolumeFigure(0, f, m, C("vehicles"), tonnes, Milli(vehicles * 1.1, 3), SourceTag, null));
                }
            }
        }
        return figures;
    }

    private static long Milli(double quantity, int decimals) => (long)(Math.Round(quantity, decimals) * 1000);

    private static ulong Seed(string city, ReportingFacility f, int month)
    {
        // FNV-1a over the city, the facility and the month: stable across runs and platforms (string.GetHashCode is not).
        var h = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes($"{city}|{f.Kind}|{f.Id}|{month}")) h = (h ^ b) * 1099511628211UL;
        return h;
    }
}
