namespace RecycleNet.Core.Styles;

/// <summary>One class of the coverage choropleth: shares from <see cref="From"/> to <see cref="To"/>, the last including its upper end.</summary>
public sealed record CoverageClass(double From, double To, string Colour)
{
    /// <summary>"12.5% – 30.0%"; one share when both ends read the same (every district of a small city alike).</summary>
    public string Label => Percent(From) is var from && Percent(To) is var to && from == to ? from : $"{from} – {to}";

    private static string Percent(double share) => (share * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// The choropleth's classes as the page draws them (legend.js coverageClasses): quantiles of the districts' shares, at
/// most five, fewer when shares repeat, coloured from the middle of the ramp outwards.
/// </summary>
public static class CoverageClasses
{
    public static IReadOnlyList<CoverageClass> Of(IEnumerable<double> shares)
    {
        var sorted = shares.Order().ToList();
        if (sorted.Count == 0) return [];
        var breaks = Enumerable.Range(1, 4).Select(k => sorted[Math.Min(sorted.Count - 1, k * sorted.Count / 5)]);
        var edges = new[] { sorted[0] }.Concat(breaks).Append(sorted[^1]).Distinct().ToList();
        if (edges.Count == 1) return [new CoverageClass(edges[0], edges[0], MapPalette.Ramp[2])];
        var count = edges.Count - 1;
        var offset = (MapPalette.Ramp.Count - count) / 2;
        return [.. Enumerable.Range(0, count).Select(i => new CoverageClass(edges[i], edges[i + 1],
            MapPalette.Ramp[Math.Min(MapPalette.Ramp.Count - 1, i + (count < MapPalette.Ramp.Count ? offset : 0))]))];
    }
}
