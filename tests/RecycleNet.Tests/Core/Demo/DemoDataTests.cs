using RecycleNet.Core.Demo;
using RecycleNet.Core.Model;

namespace RecycleNet.Tests.Core.Demo;

/// <summary>The committed demo files are exactly what the committed generator makes: they cannot drift apart.</summary>
public class DemoDataTests
{
    [Fact]
    public void Synthetic_files_are_reproduced_byte_for_byte_by_the_generator()
    {
        var dir = Directory.CreateTempSubdirectory("demo-").FullName;
        var set = new JinanDemoGenerator(new DemoOptions()).Generate(DemoDataFiles.ReadDistricts(RepoPaths.DemoData));
        DemoDataFiles.WriteSynthetic(dir, set);
        foreach (var f in new[] { DemoDataFiles.Communities, DemoDataFiles.Outlets, DemoDataFiles.SortingCenters, DemoDataFiles.Enterprises })
            Assert.True(File.ReadAllBytes(Path.Combine(RepoPaths.DemoData, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(dir, f))), $"{f} differs from the generator's output");
    }

    [SharedFact]
    public void District_outlines_are_reproduced_from_the_shared_GCJ02_files()
    {
        var boundaries = Path.Combine(RepoPaths.Shared, "data", "boundaries");
        var districts = BoundaryDeriver.Derive(
            [Path.Combine(boundaries, "shan1_dong1_ji4_nan2.geojson"), Path.Combine(boundaries, "shan1_dong1_lai2_wu2.geojson")],
            Path.Combine(RepoPaths.Shared, "data", "jinan", "census-2020.csv"));
        var dir = Directory.CreateTempSubdirectory("districts-").FullName;
        DemoDataFiles.WriteDistricts(dir, districts);
        Assert.True(File.ReadAllBytes(Path.Combine(RepoPaths.DemoData, DemoDataFiles.Districts)).SequenceEqual(File.ReadAllBytes(Path.Combine(dir, DemoDataFiles.Districts))));
    }

    [Fact]
    public void Districts_carry_current_names_and_census_figures()
    {
        var districts = DemoDataFiles.ReadDistricts(RepoPaths.DemoData);
        Assert.Equal(12, districts.Count);
        Assert.Contains(districts, d => d.Name == "济阳区" && d.Adcode == "370115");
        Assert.Contains(districts, d => d.Name == "莱芜区" && d.Adcode == "370116");
        Assert.DoesNotContain(districts, d => d.Name is "济阳县" or "莱城区");
        var lixia = districts.Single(d => d.Adcode == "370102");
        Assert.Equal(819139, lixia.Population);
        Assert.Equal(306794, lixia.Households); // 819,139 / 2.67
        Assert.All(districts, d => Assert.True(d.Geometry.IsValid));
    }

    [Fact]
    public void Synthetic_communities_sum_to_the_census_households_and_are_labelled()
    {
        var districts = DemoDataFiles.ReadDistricts(RepoPaths.DemoData);
        var set = new JinanDemoGenerator(new DemoOptions()).Generate(districts);
        var censusHouseholds = districts.Sum(d => d.Households);
        var generated = set.Communities.Sum(c => (long)c.Households);
        // Each district's remainder below the smallest community size is dropped: well under 0.1 %.
        Assert.InRange(generated, censusHouseholds * 0.999, censusHouseholds);
        Assert.All(set.Communities, c => Assert.StartsWith("模拟", c.Name));
        Assert.All(set.Outlets, o => Assert.Equal(JinanDemoGenerator.SourceTag, o.Source));
        Assert.All(set.Enterprises, e => Assert.Null(UnifiedSocialCreditCode.Validate(e.CreditCode)));
        Assert.Contains(set.Outlets, o => o.Kind == OutletKind.Mobile && o.ServedCommunityIds.Count >= 20);
    }
}
