namespace RecycleNet.Tests.Api.Ogc;

/// <summary>
/// An empty collection (siting proposals before any run, plan sites before any plan) still states its geometry type
/// and fields to GDAL's OAPIF driver, QGIS's reader underneath: from the collection's GML application schema
/// (rel="describedby"), which GDAL reads before the first page.
/// </summary>
public class EmptyCollectionTests(KestrelService service) : IClassFixture<KestrelService>
{
    [GdalFact]
    public void An_empty_collection_has_its_geometry_type_and_fields_in_GDAL()
    {
        var summary = Gdal.Ok("ogrinfo", "-ro", "-so", $"OAPIF:{service.BaseUrl}/ogc", "siting-proposals");
        Assert.Equal(0, Gdal.FeatureCount(summary));
        Assert.Contains("Geometry: Point", summary);
        Assert.Contains("rank: Integer", summary);
        // The plan sites before any draft: points too, with the plan's id typed.
        var plans = Gdal.Ok("ogrinfo", "-ro", "-so", $"OAPIF:{service.BaseUrl}/ogc", "plan-sites");
        Assert.Equal(0, Gdal.FeatureCount(plans));
        Assert.Contains("Geometry: Point", plans);
        Assert.Contains("planId: Integer", plans);
        // Without the schema (GDAL told to ignore it), an empty collection is of no known type: what QGIS met before.
        var blind = Gdal.Ok("ogrinfo", "-ro", "-so", "-oo", "IGNORE_SCHEMA=YES", $"OAPIF:{service.BaseUrl}/ogc", "siting-proposals");
        Assert.DoesNotContain("Geometry: Point", blind);
    }

    /// <summary>A district layer holds Polygons and MultiPolygons: the schema leaves GDAL the type it reads from the features.</summary>
    [GdalFact]
    public void A_collection_of_areas_keeps_the_type_its_features_have()
    {
        string Geometry(string summary) => summary.Split('\n').Single(l => l.StartsWith("Geometry:", StringComparison.Ordinal));
        var districts = Gdal.Ok("ogrinfo", "-ro", "-so", $"OAPIF:{service.BaseUrl}/ogc", "districts");
        var sampled = Gdal.Ok("ogrinfo", "-ro", "-so", "-oo", "IGNORE_SCHEMA=YES", $"OAPIF:{service.BaseUrl}/ogc", "districts");
        Assert.Equal(Geometry(sampled), Geometry(districts));
        Assert.Contains("adcode: String", districts);
        Assert.Contains("population: Integer", districts);
    }
}
