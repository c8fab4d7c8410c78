using RecycleNet.Core.Layers;

namespace RecycleNet.Tests.Core.Layers;

/// <summary>header-synonyms.json, the headers each layer's import reads beside a property's own name, checked as data.</summary>
public class HeaderSynonymsTests
{
    [Fact]
    public void Every_entry_names_a_property_of_its_layer_and_no_header_means_two_properties()
    {
        var layers = LayerCatalog.All.ToDictionary(l => l.Name);
        foreach (var (layer, field, headers) in HeaderSynonyms.Entries)
        {
            var owners = layer == HeaderSynonyms.EveryLayer ? LayerCatalog.All : [Assert.Contains(layer, (IDictionary<string, LayerDefinition>)layers)];
            Assert.All(owners, l => Assert.True(l.Fields.Any(f => f.Name == field), $"{layer}: {l.Name} has no property '{field}'"));
            Assert.NotEmpty(headers);
        }
        foreach (var l in LayerCatalog.All)
        {
            var clashes = l.Fields.SelectMany(f => f.Keys.Select(k => (Key: k.ToLowerInvariant(), f.Name))).GroupBy(x => x.Key)
                .Where(g => g.Select(x => x.Name).Distinct().Count() > 1).Select(g => $"{l.Name}: '{g.Key}' → {string.Join(", ", g.Select(x => x.Name))}");
            Assert.Empty(clashes);
        }
    }

    [Fact]
    public void The_headers_reach_the_layers_fields()
    {
        var outlets = LayerCatalog.All.Single(l => l.Name == "outlets");
        Assert.Contains("经营者", outlets.Fields.Single(f => f.Name == "operator").Keys);
        Assert.Contains("名称", outlets.Fields.Single(f => f.Name == "name").Keys);
    }
}
