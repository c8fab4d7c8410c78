using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;

namespace RecycleNet.Tests.Core.Geography;

public class LocalProjectionTests
{
    [Theory]
    [InlineData(117.0, 39, 4527)] // Jinan
    [InlineData(118.6, 40, 4528)] // Binzhou east edge rounds to zone 40
    [InlineData(119.2, 40, 4528)] // Anqiu
    [InlineData(75.0, 25, 4513)]
    [InlineData(135.0, 45, 4533)]
    public void Zone_and_EPSG_follow_the_longitude(double lon, int zone, int epsg)
    {
        var p = LocalProjection.ForLongitude(lon);
        Assert.Equal(zone, p.Zone);
        Assert.Equal(epsg, p.Epsg);
        Assert.Equal(zone * 3, p.CentralMeridian);
    }

    [Fact]
    public void On_the_central_meridian_easting_is_the_false_easting()
    {
        var (x, y) = LocalProjection.ForZone(39).Project(117.0, 36.0);
        Assert.Equal(39_500_000, x, 1e-3);
        // Meridian arc length from the equator to 36°N on the CGCS2000 ellipsoid, about 3,986 km.
        Assert.InRange(y, 3_985_000, 3_988_000);
    }

    [Fact]
    public void A_degree_of_latitude_is_about_111_km_and_projection_round_trips()
    {
        var p = LocalProjection.ForZone(39);
        Assert.InRange(p.DistanceM(117.1, 36.0, 117.1, 37.0), 110_900, 111_100);
        var (x, y) = p.Project(117.3, 36.7);
        var (lon, lat) = p.Unproject(x, y);
        Assert.Equal(117.3, lon, 1e-9);
        Assert.Equal(36.7, lat, 1e-9);
    }

    [Fact]
    public void Area_of_a_small_lon_lat_square_is_in_square_metres()
    {
        // 0.01° x 0.01° at 36.65°N: 0.01 * 111,320 * cos(36.65°) by 0.01 * 110,990 ≈ 893 m x 1,110 m.
        var square = new GeometryFactory().CreatePolygon([new(117, 36.65), new(117.01, 36.65), new(117.01, 36.66), new(117, 36.66), new(117, 36.65)]);
        Assert.InRange(LocalProjection.ForLongitude(117).AreaM2(square), 0.98e6, 1.0e6);
    }

    [Fact]
    public void Longitudes_outside_China_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalProjection.ForLongitude(2.35));
}
