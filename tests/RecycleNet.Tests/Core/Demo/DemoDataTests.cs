using RecycleNet.Core.Demo;
using RecycleNet.Core.Model;

namespace RecycleNet.Tests.Core.Demo;

/// <summary>The committed demo files are exactly what the committed generator makes: they cannot drift apart.</summary>
public class DemoDataTests
{
    [Theory]
    [InlineData("jinan")]
    [InlineData("binzhou")]
    [InlineData("anqiu")]
    public void Synthetic_files_are_reproduced_byte_for_byte_by_the_generator(string city)
    {
        var committed = Path.Combine(RepoPaths.DemoRoot, city);
        var dir = Directory.CreateTempSubdirectory("demo-").FullName;
        DemoDataFiles.WriteSynthetic(dir, DemoDataFiles.Generate(committed, city));
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).ToList();
        Assert.Equal(Directory.GetFiles(committed, "*.synthetic.*").Select(Path.GetFileName).Order(), files.Order());
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(committed, f!)).SequenceEqual(File.ReadAllBytes(Path.Combine(dir, f!))), $"{city}/{f} differs from the generator's output");
    }

    [SharedTheory]
    [InlineData("binzhou", new[] { "shan1_dong1_bin1_zhou1.geojson" }, 7)]
    [InlineData("anqiu", new[] { "shan1_dong1_wei2_fang1.geojson" }, 1)]
    public void County_outlines_are_reproduced_from_the_shared_GCJ02_files(string city, string[] outlines, int counties)
    {
        var boundaries = Path.Combine(RepoPaths.Shared, "data", "boundaries");
        var districts = BoundaryDeriver.Derive(outlines.Select(o => Path.Combine(boundaries, o)), Path.Combine(RepoPaths.Shared, "data", city, "census-2020.csv"));
        Assert.Equal(counties, districts.Count);
        var dir = Directory.CreateTempSubdirectory("districts-").FullName;
        DemoDataFiles.WriteDistricts(dir, districts);
        Assert.True(File.ReadAllBytes(Path.Combine(RepoPaths.DemoRoot, city, DemoDataFiles.Districts)).SequenceEqual(File.ReadAllBytes(Path.Combine(dir, DemoDataFiles.Districts))));
        Assert.True(File.ReadAllBytes(Path.Combine(RepoPaths.Shared, "data", city, "townships.csv"))
            .SequenceEqual(File.ReadAllBytes(Path.Combine(RepoPaths.DemoRoot, city, DemoDataFiles.TownshipList))));
    }

    [Theory]
    [InlineData("binzhou")]
    [InlineData("anqiu")]
    public void County_demo_has_every_listed_township_and_villages_inside_them_holding_the_rural_residents(string city)
    {
        var dir = Path.Combine(RepoPaths.DemoRoot, city);
        var districts = DemoDataFiles.ReadDistricts(dir);
        var listings = DemoDataFiles.ReadTownshipListings(dir);
        var set = DemoDataFiles.Generate(dir, city);
        // Every township of the national list, with its real code and name, as a valid cell of its own county.
        Assert.Equal(listings.Select(t => (t.Code, t.Name)).Order(), set.Townships.Select(t => (t.Code, t.Name)).Order());
        foreach (var t in set.Townships)
        {
            Assert.True(t.Geometry.IsValid && !t.Geometry.IsEmpty, t.Name);
            var county = districts.Single(d => d.Adcode == t.Code[..6]);
            Assert.True(county.Geometry.Buffer(1e-5).Covers(t.Geometry), $"{t.Name} spills out of {county.Name}");
        }
        // The cells tile each county: their areas add up to the county's.
        foreach (var d in districts)
        {
            var cells = set.Townships.Where(t => t.Code[..6] == d.Adcode).Sum(t => t.Geometry.Area);
            Assert.InRange(cells / d.Geometry.Area, 0.995, 1.005);
        }
        var byId = set.Townships.ToDictionary(t => t.Id);
        Assert.All(set.Villages, v => Assert.True(byId[v.TownshipId!.Value].Geometry.Covers(v.Geometry), $"{v.Name} lies outside its township"));
        // The villages hold the census's rural residents (each county's remainder below the smallest village is dropped).
        var rural = districts.Sum(d => (d.Households - d.Households * (d.UrbanShare ?? 0.5)) * d.AvgHouseholdSize);
        Assert.InRange(set.Villages.Sum(v => (double)v.Population), rural * 0.999, rural);
        Assert.Contains(set.Outlets, o => o.Tier == OutletTier.Village);
        Assert.Contains(set.SortingCenters, c => c.Tier == CenterTier.County);
        Assert.Contains(set.WasteSortingPoints, p => p.TakesRecyclables);
        Assert.All(set.TransferStations, s => Assert.True(byId.ContainsKey(s.TownshipId)));
        Assert.All(set.Villages.Select(v => v.Name).Concat(set.Townships.Select(t => t.Name)), n => Assert.NotEqual("", n));
        Assert.Equal(set.Villages.Count, set.Villages.Select(v => v.Name).Distinct().Count()); // the files refer to villages by name
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
