namespace RecycleNet.Core.Styles;

/// <summary>
/// The web page's colours (wwwroot/js/legend.js), so a layer in QGIS or a web map looks as it does on the page.
/// MapPaletteTests reads legend.js and holds the two to the same values.
/// </summary>
public static class MapPalette
{
    public const string Covered = "#1e8449", Uncovered = "#c0392b", Unknown = "#7f8c8d";
    public const string Fixed = "#1f6fb2", Mobile = "#8e44ad", Inactive = "#999999";
    public const string Green = "#27ae60", Centre = "#e67e22";
    public const string StationServed = "#b9770e", StationUnserved = "#6e2c00";
    public const string Merged = "#17a589", Point = "#a9cce3", Circle = "#1f6fb2", Township = "#7d6608";
    public const string DistrictOutline = "#35524a";

    /// <summary>The siting proposals' tiers (legend.js colours.tier).</summary>
    public static readonly IReadOnlyDictionary<string, string> Tier = new Dictionary<string, string>
    {
        ["villageOutlet"] = "#16a085", ["transferStation"] = "#d35400", ["countyCentre"] = "#6c3483", ["outlet"] = "#f1c40f", ["sortingCenter"] = "#f39c12",
    };

    /// <summary>Five sequential classes, light to dark (ColorBrewer YlGn), for the coverage choropleth.</summary>
    public static readonly IReadOnlyList<string> Ramp = ["#ffffcc", "#c2e699", "#78c679", "#31a354", "#006837"];
}
