namespace RecycleNet.Core.Geography;

/// <summary>
/// A coarse WGS84 bounding box of China (mainland, Hainan and the South China Sea islands) used to
/// reject coordinates that cannot be a recycling site here, and to recognise swapped axes.
/// </summary>
public static class ChinaExtent
{
    public const double MinLon = 73.4, MaxLon = 135.1, MinLat = 3.8, MaxLat = 53.6;

    public static bool Contains(double lon, double lat) =>
        lon >= MinLon && lon <= MaxLon && lat >= MinLat && lat <= MaxLat;

    /// <summary>True when (lon, lat) is outside China but (lat, lon) would be inside: the axes were swapped.</summary>
    public static bool LooksSwapped(double lon, double lat) => !Contains(lon, lat) && Contains(lat, lon);
}
