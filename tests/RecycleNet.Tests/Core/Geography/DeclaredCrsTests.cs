using RecycleNet.Core.Geography;

namespace RecycleNet.Tests.Core.Geography;

public class DeclaredCrsTests
{
    [Theory]
    [InlineData("WGS84", "WGS84")]
    [InlineData("epsg:4326", "WGS84")]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "WGS84")]
    [InlineData("GCJ-02", "GCJ02")]
    [InlineData("bd09", "BD09")]
    [InlineData("EPSG:4490", "EPSG:4490")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4527", "EPSG:4527")]
    [InlineData("EPSG:3857", "EPSG:3857")]
    public void Accepts_names_codes_and_OGC_URIs(string text, string name)
    {
        Assert.True(DeclaredCrs.TryParse(text, out var crs));
        Assert.Equal(name, crs.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("EPSG:2000")]
    [InlineData("Mars")]
    public void Refuses_unknown_CRSs(string text) => Assert.False(DeclaredCrs.TryParse(text, out _));

    [Fact]
    public void Projected_zone_and_web_mercator_convert_back_to_degrees()
    {
        DeclaredCrs.TryParse("EPSG:4527", out var gk);
        var (x, y) = LocalProjection.ForZone(39).Project(117.02, 36.66);
        var back = gk.ToWgs84(x, y);
        Assert.Equal(117.02, back.Lon, 1e-9);
        Assert.Equal(36.66, back.Lat, 1e-9);

        // 117.02°E, 36.66°N in EPSG:3857 (spherical Mercator, R = 6,378,137 m).
        var merc = DeclaredCrs.WebMercator.ToWgs84(13_026_606.8, 4_391_820.5);
        Assert.Equal(117.02, merc.Lon, 1e-6);
        Assert.Equal(36.66, merc.Lat, 1e-6);
    }

    [Fact]
    public void GCJ02_and_BD09_declarations_undo_their_offsets()
    {
        var g = ChinaCoordinates.Wgs84ToGcj02(117.02, 36.66);
        var w = DeclaredCrs.Gcj02.ToWgs84(g.Lon, g.Lat);
        Assert.Equal(117.02, w.Lon, 1e-8);
        var b = ChinaCoordinates.Wgs84ToBd09(117.02, 36.66);
        var w2 = DeclaredCrs.Bd09.ToWgs84(b.Lon, b.Lat);
        Assert.Equal(36.66, w2.Lat, 1e-8);
    }
}
