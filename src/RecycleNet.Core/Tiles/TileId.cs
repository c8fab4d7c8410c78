using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Tiles;

/// <summary>
/// A tile of the WebMercatorQuad tile matrix set (EPSG:3857, 256-pixel tiles, row 0 at the top): zoom z,
/// column x, row y, as XYZ web maps and QGIS number them.
/// </summary>
public readonly record struct TileId(int Z, int X, int Y)
{
    public const int MaxZoom = 24;
    public const double HalfWorldM = 20037508.342789244; // π × 6,378,137 m

    public bool IsValid => Z is >= 0 and <= MaxZoom && X >= 0 && Y >= 0 && X < 1L << Z && Y < 1L << Z;

    /// <summary>The tile's square in Web Mercator metres.</summary>
    public Envelope BoundsMercator
    {
        get
        {
            var size = 2 * HalfWorldM / (1L << Z);
            var minX = -HalfWorldM + X * size;
            var maxY = HalfWorldM - Y * size;
            return new Envelope(minX, minX + size, maxY - size, maxY);
        }
    }

    /// <summary>The tile in WGS84 degrees, grown by <paramref name="margin"/> of its size on each side.</summary>
    public Envelope BoundsWgs84(double margin = 0)
    {
        var m = BoundsMercator;
        var grow = m.Width * margin;
        var (lon0, lat0) = Geography.DeclaredCrs.WebMercator.ToWgs84(m.MinX - grow, m.MinY - grow);
        var (lon1, lat1) = Geography.DeclaredCrs.WebMercator.ToWgs84(m.MaxX + grow, m.MaxY + grow);
        return new Envelope(lon0, lon1, lat0, lat1);
    }
}
