using System.Buffers.Binary;
using System.IO.Compression;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Plans;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Export;

/// <summary>Size of a plan's map picture, pixels.</summary>
public sealed record PlanMapOptions
{
    public int Width { get; init; } = 900;
    public int Height { get; init; } = 640;

    /// <summary>Margin around the drawing, pixels.</summary>
    public int Margin { get; init; } = 16;
}

/// <summary>
/// A plan's map as a PNG picture for its Word report: district outlines, the operating outlets and centres as they are,
/// and what the plan adds (orange), moves (purple, from its old place in grey), changes (blue ring) and closes or removes
/// (a black cross), in a local metric projection (metres, not degrees, so the shape of the city is true). Drawn on a
/// pixel grid and encoded here (PNG: zlib-compressed rows, CRC-32 per chunk) — no imaging library, no fonts: the report's
/// legend says what the colours mean.
/// </summary>
public static class PlanMapImage
{
    private readonly record struct Rgb(byte R, byte G, byte B);

    private static readonly Rgb White = new(255, 255, 255), District = new(150, 150, 150), Outlet = new(31, 111, 178), Centre = new(39, 174, 96),
        Added = new(230, 126, 34), Moved = new(142, 68, 173), Changed = new(52, 152, 219), Closed = new(0, 0, 0), Old = new(190, 190, 190);

    public static byte[] Render(CitySnapshot city, PlanApplication plan, PlanMapOptions? options = null)
    {
        options ??= new PlanMapOptions();
        var projection = LocalProjection.ForArea(city.CentreLongitude());
        var env = new Envelope();
        foreach (var d in city.Districts) env.ExpandToInclude(d.Geometry.EnvelopeInternal);
        foreach (var o in city.Outlets) env.ExpandToInclude(o.Geometry.EnvelopeInternal);
        foreach (var a in plan.Added) env.ExpandToInclude(a.Entity.Geometry.EnvelopeInternal);
        // Nothing drawn yet: the city's own frame (its configured extent), never another city's.
        if (env.IsNull) env = city.Extent();
        var (x0, y0) = projection.Project(env.MinX, env.MinY);
        var (x1, y1) = projection.Project(env.MaxX, env.MaxY);
        var scale = Math.Min((options.Width - 2.0 * options.Margin) / Math.Max(1, x1 - x0), (options.Height - 2.0 * options.Margin) / Math.Max(1, y1 - y0));
        // Centred: the drawing's own width and height at that scale, the rest shared as margins.
        var offsetX = (options.Width - 2.0 * options.Margin - (x1 - x0) * scale) / 2;
        var offsetY = (options.Height - 2.0 * options.Margin - (y1 - y0) * scale) / 2;
        var pixels = new Rgb[options.Width * options.Height];
        Array.Fill(pixels, White);
        (int X, int Y) Px(double lon, double lat)
        {
            var (x, y) = projection.Project(lon, lat);
            return ((int)Math.Round(options.Margin + offsetX + (x - x0) * scale), (int)Math.Round(options.Height - options.Margin - offsetY - (y - y0) * scale));
        }
        void Set(int x, int y, Rgb c) { if (x >= 0 && y >= 0 && x < options.Width && y < options.Height) pixels[y * options.Width + x] = c; }
        void Line((int X, int Y) a, (int X, int Y) b, Rgb c)
        {
            // Bresenham: every pixel the segment crosses, no gaps.
            int dx = Math.Abs(b.X - a.X), dy = -Math.Abs(b.Y - a.Y), sx = a.X < b.X ? 1 : -1, sy = a.Y < b.Y ? 1 : -1, err = dx + dy;
            var (x, y) = a;
            for (var guard = 0; guard < 100_000; guard++)
            {
                Set(x, y, c);
                if (x == b.X && y == b.Y) break;
                var e2 = 2 * err;
                if (e2 >= dy) { err += dy; x += sx; }
                if (e2 <= dx) { err += dx; y += sy; }
            }
        }
        void Dot(Point p, int r, Rgb c)
        {
            var (cx, cy) = Px(p.X, p.Y);
            for (var y = -r; y <= r; y++) for (var x = -r; x <= r; x++) if (x * x + y * y <= r * r) Set(cx + x, cy + y, c);
        }
        void Ring(Point p, int r, Rgb c)
        {
            var (cx, cy) = Px(p.X, p.Y);
            for (var y = -r; y <= r; y++) for (var x = -r; x <= r; x++) { var d = x * x + y * y; if (d <= r * r && d >= (r - 2) * (r - 2)) Set(cx + x, cy + y, c); }
        }
        void Cross(Point p, int r, Rgb c)
        {
            var (cx, cy) = Px(p.X, p.Y);
            for (var k = -1; k <= 1; k++) { Line((cx - r, cy - r + k), (cx + r, cy + r + k), c); Line((cx - r, cy + r + k), (cx + r, cy - r + k), c); }
        }

        foreach (var d in city.Districts)
            for (var g = 0; g < d.Geometry.NumGeometries; g++)
                if (d.Geometry.GetGeometryN(g) is Polygon poly)
                    foreach (var ring in new[] { poly.ExteriorRing }.Concat(poly.InteriorRings))
                        for (var i = 1; i < ring.NumPoints; i++)
                            Line(Px(ring.GetCoordinateN(i - 1).X, ring.GetCoordinateN(i - 1).Y), Px(ring.GetCoordinateN(i).X, ring.GetCoordinateN(i).Y), District);
        foreach (var o in city.Outlets.Where(o => o.Status == FacilityStatus.Operating)) Dot(o.Location, 3, Outlet);
        foreach (var c in city.SortingCenters.Where(c => c.Status == FacilityStatus.Operating)) Dot(c.Location, 5, Centre);
        foreach (var (_, before, after) in plan.Replaced)
        {
            var from = (Point)before.Geometry;
            var to = (Point)after.Geometry;
            if (!from.EqualsExact(to)) { Dot(from, 4, Old); Line(Px(from.X, from.Y), Px(to.X, to.Y), Moved); Dot(to, 6, Moved); }
            else if (after is Outlet { Status: FacilityStatus.Closed } or SortingCenter { Status: FacilityStatus.Closed }) Cross(to, 6, Closed);
            else Ring(to, 8, Changed);
        }
        foreach (var (_, before) in plan.Removed) Cross((Point)before.Geometry, 6, Closed);
        foreach (var (_, _, entity) in plan.Added) Dot((Point)entity.Geometry, 6, Added);
        return Png(pixels, options.Width, options.Height);
    }

    private static byte[] Png(Rgb[] pixels, int width, int height)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3); // filter byte 0: none
            for (var x = 0; x < width; x++)
            {
                var p = pixels[y * width + x];
                (raw[row + 1 + x * 3], raw[row + 2 + x * 3], raw[row + 3 + x * 3]) = (p.R, p.G, p.B);
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        s.Write(four);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typed));
        s.Write(four);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
