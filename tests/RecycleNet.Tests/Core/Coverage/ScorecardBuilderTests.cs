using RecycleNet.Core.Coverage;
using RecycleNet.Core.Network;
using static RecycleNet.Tests.Core.Network.TestNetworks;

namespace RecycleNet.Tests.Core.Coverage;

public class ScorecardBuilderTests
{
    private static readonly ScorecardOptions Options = new()
    {
        Coverage = new CoverageOptions { Walking = new WalkingOptions { SnapDistanceM = 60 } },
        HaulLimitM = 2000, KgPerHouseholdPerDay = 1.0,
    };

    private static Scorecard Card(int? year = 2027) => ScorecardBuilder.Build(HandMadeCity.Build(), RiverWithOneBridge(), HandMadeCity.Policy(), year, Options);

    [Fact]
    public void Targets_count_operating_modern_outlets_and_green_centres()
    {
        var s = Card();
        Assert.Equal(3, s.Targets.Count); // the 2025 target is not of the year asked
        var outlets = s.Targets.Single(t => t.Target.Id == "outlets-2027");
        Assert.Equal((1m, 9m, 0.1, "open"), (outlets.Current!.Value, outlets.Remaining!.Value, outlets.Progress!.Value, outlets.Status));
        var centres = s.Targets.Single(t => t.Target.Id == "centres-2027");
        Assert.Equal((1m, 1m, 0.5), (centres.Current!.Value, centres.Remaining!.Value, centres.Progress!.Value));
        var appliances = s.Targets.Single(t => t.Target.Id == "appliances-2027");
        Assert.Equal(("notMeasured", null), (appliances.Status, appliances.Current));
        Assert.Equal("第42项", outlets.Target.Citation.Item);
        Assert.Equal(4, Card(null).Targets.Count);
    }

    [Fact]
    public void Fair_shares_split_the_target_by_households_and_seats_add_up()
    {
        var s = Card();
        var west = s.Districts.Single(d => d.Coverage.District.Adcode == "379901");
        var east = s.Districts.Single(d => d.Coverage.District.Adcode == "379902");
        // 10 outlets × 2,000 / 3,300 households = 6.06; × 1,300 / 3,300 = 3.94.
        Assert.Equal((6.06m, 6, 5.06m), (west.FairShare, west.FairShareSeats, west.Shortfall));
        Assert.Equal((3.94m, 4, 3.94m), (east.FairShare, east.FairShareSeats, east.Shortfall));
    }

    [Fact]
    public void Outlet_density_uses_census_urban_households()
    {
        var s = Card();
        var west = s.Districts.Single(d => d.Coverage.District.Adcode == "379901");
        var east = s.Districts.Single(d => d.Coverage.District.Adcode == "379902");
        // West: 30,000 / 3.0 = 10,000 households, 80 % urban = 8,000: 1 outlet per 8,000 = 0.25 per 2,000.
        Assert.Equal((8000L, 0.25), (west.UrbanHouseholds, west.OutletsPer2000UrbanHouseholds!.Value));
        // East: 10,000 × 50 % = 5,000 urban households, 2 operating outlets (F4, M1) = 0.8 per 2,000.
        Assert.Equal((5000L, 0.8), (east.UrbanHouseholds, east.OutletsPer2000UrbanHouseholds!.Value));
        Assert.Equal(0.462, s.OutletsPer2000UrbanHouseholds!.Value); // 3 / 6.5
    }

    [Fact]
    public void Each_outlet_hauls_to_its_nearest_centre_with_limit_and_load_flags()
    {
        var s = Card();
        var f1 = s.Hauls.Single(h => h.Outlet.Id == 1);
        // F1 (-500,110) to S1 (-2500,0): 2,003.02 m straight × 1.3 = 2,603.9 m, beyond the 2 km limit.
        Assert.Equal((1L, 2603.9, true), (f1.Center!.Id, f1.HaulDistanceM!.Value, f1.BeyondLimit));
        var f4 = s.Hauls.Single(h => h.Outlet.Id == 4);
        Assert.Equal((2L, 921.2, false), (f4.Center!.Id, f4.HaulDistanceM!.Value, f4.BeyondLimit));
        Assert.Equal(3, s.Hauls.Count); // F1, F4, M1: closed and planned outlets haul nothing
        // F1 serves C1 and C3 (1,600 households): 1.6 t/day at 1 kg each, over S1's 1 t/day.
        var s1 = s.Centers.Single(c => c.Center.Id == 1);
        Assert.Equal((1, 1600L, 1.6, true), (s1.Outlets, s1.HouseholdsServed, s1.LoadTonnesPerDay, s1.OverCapacity));
        // S2 takes F4 (nobody nearer to it than to F1) and M1 (C4's 400 households).
        var s2 = s.Centers.Single(c => c.Center.Id == 2);
        Assert.Equal((2, 400L, 0.4, false), (s2.Outlets, s2.HouseholdsServed, s2.LoadTonnesPerDay, s2.OverCapacity));
        Assert.DoesNotContain(s.Centers, c => c.Center.Id == 3); // planned
    }

    [Fact]
    public void Largest_remainder_seats_always_add_up_to_the_target()
    {
        var rng = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var weights = Enumerable.Range(0, rng.Next(1, 15)).Select(_ => (long)rng.Next(0, 500_000)).ToList();
            var total = rng.Next(0, 300);
            var seats = ScorecardBuilder.LargestRemainder(total, weights);
            if (weights.Sum() > 0) Assert.Equal(total, seats.Sum());
            for (var k = 0; k < weights.Count; k++)
            {
                var exact = (double)total * weights[k] / Math.Max(1, weights.Sum());
                Assert.InRange(seats[k], Math.Floor(exact), Math.Floor(exact) + 1);
            }
        }
    }
}
