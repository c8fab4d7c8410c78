using RecycleNet.Core.Geography;

namespace RecycleNet.Tests.Core.Geography;

public class ChinaCoordinatesTests
{
    // Reference outputs published with the widely used coordtransform library for input (116.404, 39.915).
    [Fact]
    public void Forward_formulas_match_published_reference_values()
    {
        var gcj = ChinaCoordinates.Wgs84ToGcj02(116.404, 39.915);
        Assert.Equal(116.41024449916938, gcj.Lon, 1e-9);
        Assert.Equal(39.91640428150164, gcj.Lat, 1e-9);

        var bd = ChinaCoordinates.Gcj02ToBd09(116.404, 39.915);
        Assert.Equal(116.41036949371029, bd.Lon, 1e-9);
        Assert.Equal(39.92133699351021, bd.Lat, 1e-9);
    }

    [Fact]
    public void Inverses_agree_with_published_one_step_approximations_within_half_a_metre()
    {
        // coordtransform's inverses are one-step approximations; ours iterate, so they may differ by centimetres.
        var proj = LocalProjection.ForLongitude(116.4);
        var wgs = ChinaCoordinates.Gcj02ToWgs84(116.404, 39.915);
        Assert.True(proj.DistanceM(wgs.Lon, wgs.Lat, 116.39775550083061, 39.91359571849836) < 0.5);
        var gcj = ChinaCoordinates.Bd09ToGcj02(116.404, 39.915);
        Assert.True(proj.DistanceM(gcj.Lon, gcj.Lat, 116.39762729119315, 39.90865673957631) < 0.5);
    }

    [Fact]
    public void Round_trips_across_China_are_well_under_half_a_metre()
    {
        var rng = new Random(7);
        var worst = 0.0;
        for (var i = 0; i < 2000; i++)
        {
            var lon = 74 + rng.NextDouble() * 60;
            var lat = 18 + rng.NextDouble() * 35;
            var proj = LocalProjection.ForLongitude(Math.Clamp(lon, 75, 135));
            var g = ChinaCoordinates.Wgs84ToGcj02(lon, lat);
            var w = ChinaCoordinates.Gcj02ToWgs84(g.Lon, g.Lat);
            var b = ChinaCoordinates.Wgs84ToBd09(lon, lat);
            var w2 = ChinaCoordinates.Bd09ToWgs84(b.Lon, b.Lat);
            worst = Math.Max(worst, Math.Max(proj.DistanceM(lon, lat, w.Lon, w.Lat), proj.DistanceM(lon, lat, w2.Lon, w2.Lat)));
        }
        Assert.True(worst < 0.01, $"worst round trip {worst} m");
    }

    [Fact]
    public void Offsets_in_Jinan_are_hundreds_of_metres_and_BD09_adds_more()
    {
        var proj = LocalProjection.ForLongitude(117.0);
        var (lon, lat) = (117.0, 36.65);
        var g = ChinaCoordinates.Wgs84ToGcj02(lon, lat);
        var b = ChinaCoordinates.Wgs84ToBd09(lon, lat);
        var gcjOffset = proj.DistanceM(lon, lat, g.Lon, g.Lat);
        Assert.InRange(gcjOffset, 200, 700);
        Assert.True(proj.DistanceM(lon, lat, b.Lon, b.Lat) > gcjOffset + 300);
    }

    [Fact]
    public void Outside_China_GCJ02_applies_no_offset()
    {
        Assert.Equal((2.35, 48.85), ChinaCoordinates.Wgs84ToGcj02(2.35, 48.85));
        Assert.Equal((2.35, 48.85), ChinaCoordinates.Gcj02ToWgs84(2.35, 48.85));
    }
}
