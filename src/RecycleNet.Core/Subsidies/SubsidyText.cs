using System.Globalization;
using System.Text.RegularExpressions;

namespace RecycleNet.Core.Subsidies;

/// <summary>Fills the rules' reason and remedy templates, and writes numbers the same way everywhere.</summary>
public static partial class SubsidyText
{
    /// <summary>An exact decimal without trailing zeros, with thousands separators: 7,000 · 9.99 · 0.01.</summary>
    public static string Number(decimal v) => Normalize(v).ToString("#,0.############################", CultureInfo.InvariantCulture);

    /// <summary>The same value with no trailing zeros in its scale (60000.00 → 60000), for JSON and spreadsheets.</summary>
    public static decimal Normalize(decimal v) => v / 1.0000000000000000000000000000m;

    /// <summary>
    /// Replaces {name} with its value and {name|singular|plural} with the singular when the named value is 1.
    /// Unknown names stay as written, so a typo in a seed shows rather than vanishes.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) => Placeholder().Replace(template, m =>
    {
        var name = m.Groups["name"].Value;
        if (!values.TryGetValue(name, out var value)) return m.Value;
        if (!m.Groups["one"].Success) return value;
        return value == "1" ? m.Groups["one"].Value : m.Groups["many"].Value;
    });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(\|(?<one>[^|{}]*)\|(?<many>[^|{}]*))?\}")]
    private static partial Regex Placeholder();
}
