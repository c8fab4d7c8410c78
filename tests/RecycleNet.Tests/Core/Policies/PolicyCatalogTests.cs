using System.Text.RegularExpressions;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Model;

namespace RecycleNet.Tests.Core.Policies;

public class PolicyCatalogTests
{
    private static readonly PolicyCatalog Catalog = PolicyCatalog.Load(RepoPaths.Policies);

    [Fact]
    public void Jinan_2027_targets_are_120_modern_outlets_and_12_green_sorting_centres()
    {
        var jinan = Catalog.Find("jinan-2024")!;
        Assert.Equal("济政发〔2024〕9号", jinan.DocumentNumber);
        var outlets = jinan.Targets.Single(t => t.Metric == "modernOutlets");
        var centres = jinan.Targets.Single(t => t.Metric == "greenSortingCenters");
        Assert.Equal((120m, 2027), (outlets.Value, outlets.Year));
        Assert.Equal((12m, 2027), (centres.Value, centres.Year));
        Assert.Contains("第42项", outlets.Citation.Item);
    }

    [Theory]
    [InlineData("jinan-2024")]
    [InlineData("anqiu-2024")]
    [InlineData("binzhou-2024")]
    public void Appliance_recycling_grows_15_percent_by_2025_and_30_percent_by_2027(string id)
    {
        var growth = Catalog.Find(id)!.Targets.Where(t => t.Metric == "applianceRecyclingGrowth")
            .ToDictionary(t => t.Year, t => t.Value);
        Assert.Equal(0.15m, growth[2025]);
        Assert.Equal(0.30m, growth[2027]);
    }

    [SharedFact]
    public void Every_quote_is_in_the_cited_document()
    {
        static string Squash(string s) => Regex.Replace(s, @"\s+", "");
        foreach (var p in Catalog.All)
        {
            var docs = p.Documents.ToDictionary(d => d.Key, d => Squash(File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", d.SeedFile))));
            foreach (var (id, c) in p.Citations())
                Assert.True(docs[c.Document].Contains(Squash(c.Quote)), $"{p.Id}/{id}: quote not found in {c.Document}");
        }
    }

    [Fact]
    public void A_citation_of_an_unknown_document_fails_the_load()
    {
        var bad = new Policy("x", "c", "c", "t", "n", "i", new DateOnly(2024, 1, 1), [new PolicyDocument("plan", "t", "f")],
            [new PolicyTarget("t1", "m", "l", "l", "count", 1, "u", 2027, null, false, new Citation("ledger", "s", "i", "q"))], []);
        Assert.Contains("unknown document 'ledger'", Assert.Throws<InvalidDataException>(() => new PolicyCatalog([bad])).Message);
    }
}
