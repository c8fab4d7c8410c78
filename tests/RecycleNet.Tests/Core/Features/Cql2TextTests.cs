using NetTopologySuite.Geometries;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;

namespace RecycleNet.Tests.Core.Features;

public class Cql2TextTests
{
    private static readonly CollectionInfo Outlets = new("outlets", "t", "d", "point",
        [new("name", "string", ""), new("kind", "string", ""), new("modern", "boolean", ""), new("areaM2", "number", ""),
         new("openedOn", "string", ""), new("servedCommunities", "array", "")], DateField: "openedOn");

    private static FeatureRecord F(long id, double lon, double lat, string name, string kind, bool modern, double? area, DateOnly? opened, params long[] served) =>
        new(id, new Point(lon, lat), [new("name", name), new("kind", kind), new("modern", modern), new("areaM2", area),
            new("openedOn", opened), new("servedCommunities", served.Cast<object?>().ToList())]);

    private static readonly FeatureRecord[] Rows =
    [
        F(1, 117.00, 36.60, "甲网点", "fixed", true, 35, new DateOnly(2024, 3, 1)),
        F(2, 117.05, 36.65, "乙网点", "fixed", false, null, new DateOnly(2024, 8, 1)),
        F(3, 117.10, 36.70, "O'Brien", "mobile", false, 12.5, null, 7, 9),
        F(4, 117.20, 36.80, "丁网点", "fixed", true, 80, new DateOnly(2025, 1, 1)),
    ];

    private static long[] Ids(string cql, OutputCrs? crs = null)
    {
        var test = Cql2Text.Parse(cql, Outlets, crs ?? OutputCrs.Crs84);
        return Rows.Where(r => Cql2Evaluator.Matches(test, r)).Select(r => r.Id).ToArray();
    }

    [Theory]
    [InlineData("kind = 'fixed'", new long[] { 1, 2, 4 })]
    [InlineData("kind <> 'fixed' OR modern = TRUE", new long[] { 1, 3, 4 })]
    [InlineData("areaM2 >= 35 AND areaM2 < 80", new long[] { 1 })]
    [InlineData("areaM2 > 10", new long[] { 1, 3, 4 })]
    [InlineData("areaM2 IS NULL", new long[] { 2 })]
    [InlineData("areaM2 IS NOT NULL AND NOT (modern = true)", new long[] { 3 })]
    [InlineData("openedOn >= DATE('2024-06-01')", new long[] { 2, 4 })]
    [InlineData("openedOn < TIMESTAMP('2024-08-01T00:00:00Z')", new long[] { 1 })]
    [InlineData("name = 'O''Brien'", new long[] { 3 })]
    [InlineData("\"name\" = '甲网点'", new long[] { 1 })]
    [InlineData("servedCommunities = 9", new long[] { 3 })]
    [InlineData("s_intersects(geometry, bbox(117.04, 36.64, 117.11, 36.71))", new long[] { 2, 3 })]
    [InlineData("S_INTERSECTS(geometry, POLYGON((117.15 36.75, 117.25 36.75, 117.25 36.85, 117.15 36.85, 117.15 36.75))) AND modern = TRUE", new long[] { 4 })]
    [InlineData("S_INTERSECTS(geometry, POINT(117.05 36.65))", new long[] { 2 })]
    public void Comparisons_logic_and_spatial_tests_select_the_right_features(string cql, long[] expected) =>
        Assert.Equal(expected, Ids(cql));

    [Fact]
    public void Unknown_is_neither_true_nor_false()
    {
        // Outlet 2 has no area: "areaM2 > 10" is unknown for it, and so is its negation.
        Assert.DoesNotContain(2L, Ids("areaM2 > 10"));
        Assert.DoesNotContain(2L, Ids("NOT (areaM2 > 10)"));
        Assert.Contains(2L, Ids("areaM2 > 10 OR kind = 'fixed'")); // unknown OR true is true
        Assert.DoesNotContain(2L, Ids("areaM2 > 10 AND kind = 'fixed'")); // unknown AND true is unknown
    }

    [Fact]
    public void Geometry_literals_are_read_in_the_filter_crs_axis_order()
    {
        // EPSG:4326 is latitude first.
        var crs = OutputCrs.Find(OutputCrs.Supported(LocalProjection.ForZone(39)), "EPSG:4326")!;
        Assert.Equal([2L, 3L], Ids("S_INTERSECTS(geometry, BBOX(36.64, 117.04, 36.71, 117.11))", crs));
    }

    [Theory]
    [InlineData("colour = 'red'", "'colour' is not a queryable of outlets")]
    [InlineData("areaM2 = 'big'", "'areaM2' is a number; it cannot be compared with the text 'big' by =")]
    [InlineData("modern > TRUE", "'modern' is a boolean")]
    [InlineData("openedOn = '2024-01-01'", "'openedOn' is a date")]
    [InlineData("kind = 'fixed' modern = TRUE", "unexpected text; combine conditions with AND or OR (at character 15)")]
    [InlineData("kind = 'fixed", "the string is not closed")]
    [InlineData("(kind = 'fixed'", "expected ')'")]
    [InlineData("S_INTERSECTS(name, BBOX(1,2,3,4))", "the first argument of S_INTERSECTS is the property 'geometry'")]
    [InlineData("S_INTERSECTS(geometry, BBOX(1,2,3))", "BBOX takes 4 numbers")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((1 2, 3 4)))", "not valid WKT")]
    [InlineData("kind LIKE 'f%'", "expected a comparison")]
    public void Bad_filters_say_what_and_where(string cql, string message) =>
        Assert.Contains(message, Assert.Throws<Cql2Exception>(() => Cql2Text.Parse(cql, Outlets, OutputCrs.Crs84)).Message);

    [Fact]
    public void A_filter_parses_to_a_syntax_tree_a_database_could_translate()
    {
        var tree = Cql2Text.Parse("kind = 'fixed' AND NOT (areaM2 IS NULL OR S_INTERSECTS(geometry, BBOX(117, 36.5, 117.1, 36.7)))", Outlets, OutputCrs.Crs84);
        var and = Assert.IsType<Cql2And>(tree);
        Assert.Equal(new Cql2Comparison("kind", "=", "fixed"), and.Left);
        var or = Assert.IsType<Cql2Or>(Assert.IsType<Cql2Not>(and.Right).Inner);
        Assert.Equal(new Cql2IsNull("areaM2", false), or.Left);
        Assert.Equal(new Envelope(117, 117.1, 36.5, 36.7), Assert.IsType<Cql2Intersects>(or.Right).Shape.EnvelopeInternal);
        Assert.Equal([4], Rows.Where(r => Cql2Evaluator.Matches(tree, r)).Select(r => r.Id));
    }

    [Fact]
    public void A_table_reading_only_the_filters_box_from_its_index_answers_as_a_full_scan()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(1, 3000).Select(i => F(i, 117 + random.NextDouble() * 0.3, 36.5 + random.NextDouble() * 0.3, $"网点{i}",
            random.Next(2) == 0 ? "fixed" : "mobile", random.Next(2) == 0, random.Next(5) == 0 ? null : random.Next(0, 100), null)).ToList();
        var table = new FeatureTable(Outlets, rows);
        string Box()
        {
            var (x, y) = (117 + random.NextDouble() * 0.25, 36.5 + random.NextDouble() * 0.25);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"S_INTERSECTS(geometry, BBOX({x:F4}, {y:F4}, {x + 0.01 + random.NextDouble() * 0.1:F4}, {y + 0.01 + random.NextDouble() * 0.1:F4}))");
        }
        string Expr(int depth) => random.Next(depth >= 3 ? 2 : 5) switch
        {
            0 => Box(),
            1 => random.Next(2) == 0 ? $"areaM2 > {random.Next(100)}" : "kind = 'fixed'",
            2 => $"({Expr(depth + 1)}) AND ({Expr(depth + 1)})",
            3 => $"({Expr(depth + 1)}) OR ({Expr(depth + 1)})",
            _ => $"NOT ({Expr(depth + 1)})",
        };
        var confinedSeen = 0;
        for (var i = 0; i < 300; i++)
        {
            var filter = Cql2Text.Parse(Expr(0), Outlets, OutputCrs.Crs84);
            if (Cql2Evaluator.Confinement(filter) is not null) confinedSeen++;
            var bbox = random.Next(3) == 0 ? new Envelope(117.05, 117.2, 36.55, 36.7) : null;
            var page = table.Query(new FeatureQuery { Filter = filter, Bbox = bbox, Limit = 10_000 });
            var scan = rows.Where(r => (bbox is null || bbox.Intersects(r.Geometry.EnvelopeInternal)) && Cql2Evaluator.Matches(filter, r)).Select(r => r.Id);
            Assert.Equal(scan, page.Features.Select(r => r.Id));
        }
        Assert.True(confinedSeen > 50, $"only {confinedSeen} of the filters were confined to a box; the index path was hardly tested");
    }
}
