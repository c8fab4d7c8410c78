using System.Text;
using RecycleNet.Core.Import;

namespace RecycleNet.Tests.Core.Import;

public class GeoJsonRowReaderTests
{
    private static List<ImportRow> Read(string json) => GeoJsonRowReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Features_become_rows_with_case_insensitive_properties()
    {
        var rows = Read("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[117,36.6]},"properties":{"Name":"A","households":5,"tags":["x","y"]}}]}""");
        var row = Assert.Single(rows);
        Assert.Equal("A", row.Properties["name"]);
        Assert.Equal(5.0, row.Properties["households"]);
        Assert.Equal(new List<object?> { "x", "y" }, row.Properties["tags"]);
    }

    [Fact]
    public void An_unparseable_geometry_is_kept_as_a_row_error()
    {
        var rows = Read("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":"here"},"properties":{}},{"type":"Feature","geometry":null,"properties":{}}]}""");
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("could not be read as GeoJSON", rows[0].GeometryError?.En);
        Assert.Null(rows[1].Geometry);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"Point","coordinates":[1,2]}""")]
    [InlineData("""{"type":"FeatureCollection"}""")]
    public void Bodies_that_are_not_feature_collections_are_format_errors(string body) =>
        Assert.Throws<ImportFormatException>(() => Read(body));
}
