using NetTopologySuite.Geometries;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Model;

namespace RecycleNet.Tests.Core.Cities;

/// <summary>
/// Every city is placed by its own extent (seeds/cities.json's bbox) before anything is imported: the metric projection
/// and a plan's map frame of an empty Binzhou are Binzhou's, not the Jinan frame and longitude 117.0 that were written
/// into CitySnapshot and PlanMapImage.
/// </summary>
public class CityExtentTests
{
    private static readonly CityCatalog Catalog = CityCatalog.Load(RepoPaths.Cities);

    private static CitySnapshot Empty(City? city) => new([], [], [], []) { City = city };

    [Fact]
    public void Each_configured_city_has_its_own_extent_inside_China()
    {
        Assert.All(Catalog.All, c => Assert.NotNull(c.Extent));
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(c => c.Extent!.Centre).Distinct().Count());
    }

    [Theory]
    [InlineData("binzhou", 117.26, 118.39)]
    [InlineData("anqiu", 118.73, 119.45)]
    public void An_empty_city_is_placed_by_its_configured_extent(string id, double west, double east)
    {
        var city = Catalog.Find(id)!;
        var snapshot = Empty(city);
        Assert.Equal(city.Extent, snapshot.Extent());
        Assert.InRange(snapshot.CentreLongitude(), west, east);
    }

    [Fact]
    public void An_empty_snapshot_of_no_city_is_refused_rather_than_placed_in_Jinan() =>
        Assert.Throws<InvalidOperationException>(() => Empty(null).CentreLongitude());

    [Fact]
    public void Imported_districts_place_a_city_before_its_configured_extent()
    {
        var district = new District { Id = 1, Name = "甲区", Geometry = new GeometryFactory(new PrecisionModel(), 4326).CreatePolygon(
            [new(118.0, 37.0), new(118.1, 37.0), new(118.1, 37.1), new(118.0, 37.1), new(118.0, 37.0)]) };
        var snapshot = new CitySnapshot([district], [], [], []) { City = Catalog.Find("binzhou") };
        Assert.Equal(new Envelope(118.0, 118.1, 37.0, 37.1), snapshot.Extent());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(new[] { 117.0, 36.0, 116.0, 37.0 })]
    [InlineData(new[] { 10.0, 50.0, 11.0, 51.0 })]
    [InlineData(new[] { 117.0, 36.0, 118.0 })]
    public void A_city_without_a_sound_extent_is_refused_on_load(double[]? bbox)
    {
        var seed = new CitySeed("x", [new City("x", "某市", "X", "370000", "jinan-2024", Bbox: bbox)]);
        Assert.Throws<InvalidDataException>(() => new CityCatalog(seed));
    }
}
