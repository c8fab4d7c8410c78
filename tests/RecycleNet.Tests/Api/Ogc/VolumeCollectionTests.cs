using System.Net;

namespace RecycleNet.Tests.Api.Ogc;

/// <summary>
/// The facility-volumes collection's properties are the categories the service is configured with
/// (RecycleNet:VolumeCategoriesFile), the ones its reports are read against — not a copy of the shipped file the
/// collection used to load on its own, which let the OGC schema and the service disagree.
/// </summary>
public class VolumeCollectionTests
{
    [Fact]
    public async Task The_volume_collection_follows_the_configured_categories()
    {
        using var folder = TempFolder.New("recyclenet-categories-");
        var file = Path.Combine(folder.Path, "volume-categories.json");
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "volume-categories.json"));
        const string extra = """{ "id": "pv-panels", "labelZh": "退役光伏组件", "labelEn": "retired solar panels", "units": ["t"], "aliases": ["光伏板"] },""";
        await File.WriteAllTextAsync(file, shipped.Replace("\"categories\": [", "\"categories\": [\n    " + extra));

        await using var configured = new ServiceFactory(seedDemo: false, settings: new Dictionary<string, string> { ["RecycleNet:VolumeCategoriesFile"] = file });
        var schema = await configured.CreateClient().GetAsync("/ogc/collections/facility-volumes/schema");
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        var properties = (await schema.ReadJsonAsync()).GetProperty("properties");
        Assert.True(properties.TryGetProperty("pv_panels_t", out _));
        Assert.True(properties.TryGetProperty("paper_t", out _));

        await using var plain = new ServiceFactory(seedDemo: false);
        var shippedProperties = (await (await plain.CreateClient().GetAsync("/ogc/collections/facility-volumes/schema")).ReadJsonAsync()).GetProperty("properties");
        Assert.False(shippedProperties.TryGetProperty("pv_panels_t", out _));
        Assert.True(shippedProperties.TryGetProperty("paper_t", out _));
    }
}
