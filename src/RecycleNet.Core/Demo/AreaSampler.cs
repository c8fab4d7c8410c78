using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Demo;

/// <summary>Draws points inside one area (a district, a township), in metres of the local zone; rounded to 6 decimals.</summary>
internal sealed class AreaSampler(Geometry area, LocalProjection projection, DemoRandom rng)
{
    private readonly IPreparedGeometry _inside = PreparedGeometryFactory.Prepare(area);
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    public Point NearSeat((double Lon, double Lat) seat, double sigmaM)
    {
        var (sx, sy) = projection.Project(seat.Lon, seat.Lat);
        for (var i = 0; i < 200; i++)
            if (Try(sx + rng.NextGaussian() * sigmaM, sy + rng.NextGaussian() * sigmaM) is { } p) return p;
        return Anywhere();
    }

    public Point Near(Point centre, double minM, double maxM)
    {
        var (cx, cy) = projection.Project(centre.X, centre.Y);
        for (var i = 0; i < 200; i++)
        {
            var r = minM + rng.NextDouble() * (maxM - minM);
            var a = rng.NextDouble() * 2 * Math.PI;
            if (Try(cx + r * Math.Cos(a), cy + r * Math.Sin(a)) is { } p) return p;
        }
        return (Point)centre.Copy();
    }

    public Point Anywhere()
    {
        var env = area.EnvelopeInternal;
        while (true)
        {
            var p = Round(env.MinX + rng.NextDouble() * env.Width, env.MinY + rng.NextDouble() * env.Height);
            if (_inside.Contains(p)) return p;
        }
    }

    private Point? Try(double x, double y)
    {
        var (lon, lat) = projection.Unproject(x, y);
        var p = Round(lon, lat);
        return _inside.Contains(p) ? p : null;
    }

    // Six decimals (~0.1 m) keep the committed files small and exactly reproducible.
    private Point Round(double lon, double lat) => _factory.CreatePoint(new Coordinate(Math.Round(lon, 6), Math.Round(lat, 6)));
}
