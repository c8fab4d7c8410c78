using System.Reflection;
using System.Text.RegularExpressions;
using RecycleNet.Core.Styles;

namespace RecycleNet.Tests.Styles;

/// <summary>The styles GIS tools load and the page draw with the same colours: legend.js is read and compared.</summary>
public partial class MapPaletteTests
{
    private static string LegendJs => File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "RecycleNet.Api", "wwwroot", "js", "legend.js"));

    [GeneratedRegex(@"(\w+): '(#[0-9a-f]{6})'")]
    private static partial Regex Entry();

    [Fact]
    public void Every_colour_of_the_pages_legend_is_the_palettes()
    {
        var js = LegendJs;
        var page = Entry().Matches(js[js.IndexOf("export const colours", StringComparison.Ordinal)..js.IndexOf("};", StringComparison.Ordinal)])
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var palette = typeof(MapPalette).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .ToDictionary(f => char.ToLowerInvariant(f.Name[0]) + f.Name[1..], f => (string)f.GetRawConstantValue()!);
        foreach (var (name, colour) in page)
        {
            if (MapPalette.Tier.TryGetValue(name, out var tier)) Assert.Equal(colour, tier);
            else Assert.True(palette.TryGetValue(name, out var ours) && ours == colour, $"legend.js {name} {colour}; the palette has {(palette.TryGetValue(name, out var o) ? o : "nothing")}");
        }
        Assert.Equal(page.Count, palette.Count - 1 + MapPalette.Tier.Count); // every colour on both sides (the outline is map.js's own)
        var ramp = Regex.Match(js, @"const ramp = \[([^\]]+)\]").Groups[1].Value.Split(',').Select(s => s.Trim().Trim('\''));
        Assert.Equal(ramp, MapPalette.Ramp);
        Assert.Contains($"color: '{MapPalette.DistrictOutline}'", File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "RecycleNet.Api", "wwwroot", "js", "map.js")));
    }

    [Fact]
    public void The_classes_are_the_pages_quantiles_and_a_share_on_an_edge_goes_above()
    {
        // Ten districts: five classes at the quantiles, the full ramp.
        var shares = new[] { 0.05, 0.10, 0.12, 0.15, 0.20, 0.22, 0.30, 0.35, 0.40, 0.50 };
        var classes = CoverageClasses.Of(shares);
        Assert.Equal([0.05, 0.12, 0.20, 0.30, 0.40], classes.Select(c => c.From));
        Assert.Equal(0.50, classes[^1].To);
        Assert.Equal(MapPalette.Ramp, classes.Select(c => c.Colour));
        // Shares that repeat make fewer classes, coloured from the middle of the ramp.
        var two = CoverageClasses.Of([0.1, 0.1, 0.2, 0.3, 0.3]);
        Assert.Equal(2, two.Count);
        Assert.Equal([MapPalette.Ramp[1], MapPalette.Ramp[2]], two.Select(c => c.Colour));
        // One district (Anqiu): one class, labelled with its one share, not "34.3% – 34.3%".
        Assert.Equal("34.3%", Assert.Single(CoverageClasses.Of([0.343])).Label);
        Assert.Equal("12.0% – 20.0%", classes[1].Label);
        Assert.Equal("12.0% – 20.0%", CollectionStyles.For(RecycleNet.Core.Features.CoverageFeatures.DistrictCoverage, shares).Rules[1].LabelZh);
        var style = CollectionStyles.For(RecycleNet.Core.Features.CoverageFeatures.DistrictCoverage, shares);
        Assert.Equal("\"share\" >= 0.12 AND \"share\" < 0.2", QmlWriter.Expression(style.Rules[1].Test!));
        Assert.Equal("\"share\" >= 0.4 AND \"share\" <= 0.5", QmlWriter.Expression(style.Rules[^1].Test!));
    }
}
