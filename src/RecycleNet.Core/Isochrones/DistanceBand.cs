using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Isochrones;

/// <summary>
/// The land within a distance b of a set of street segments, traced on a distance field: the exact distance to the
/// nearest segment is taken at the corners of a square grid of <see cref="CellM"/> metres (each segment paints only the
/// corners within b + a cell of it), and the boundary d = b is traced through the cells with marching squares,
/// interpolated along each cell side. Between corners the traced line is straight where the true boundary is a
/// straight offset or a 50 m arc, so it departs from the exact union of buffers by centimetres, not by a cell; the
/// tests hold its area and its intersection over union with the union of the pieces' buffers (NetTopologySuite) to
/// within 1 %. Cost: O(segments × (b / cell)²) to paint plus O(cells) to trace, with no geometry built for the
/// pieces — a 15-minute circle on a 60 m grid took 35 ms as a union of buffers.
/// </summary>
public static class DistanceBand
{
    /// <summary>Grid spacing, metres.</summary>
    public const double CellM = 5;

    /// <summary>The band around <paramref name="segments"/> (x1, y1, x2, y2 in projected metres) of half-width <paramref name="b"/> metres.</summary>
    public static Geometry Build(IReadOnlyList<(double X1, double Y1, double X2, double Y2)> segments, double b, GeometryFactory factory)
    {
        if (segments.Count == 0 || b <= 0) return factory.CreatePolygon();
        var (minX, minY, maxX, maxY) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var (x1, y1, x2, y2) in segments)
        {
            minX = Math.Min(minX, Math.Min(x1, x2)); maxX = Math.Max(maxX, Math.Max(x1, x2));
            minY = Math.Min(minY, Math.Min(y1, y2)); maxY = Math.Max(maxY, Math.Max(y1, y2));
        }
        // A margin of two cells beyond b: the corners on the grid's edge are always outside, so every ring closes.
        var (x0, y0) = (minX - b - 2 * CellM, minY - b - 2 * CellM);
        var nx = (int)Math.Ceiling((maxX + b + 2 * CellM - x0) / CellM) + 1;
        var ny = (int)Math.Ceiling((maxY + b + 2 * CellM - y0) / CellM) + 1;
        var d2 = new float[nx * ny];
        Array.Fill(d2, float.PositiveInfinity);
        var reach = b + CellM;
        foreach (var (x1, y1, x2, y2) in segments) Paint(d2, nx, ny, x0, y0, x1, y1, x2, y2, reach);
        return Trace(d2, nx, ny, x0, y0, b, factory);
    }

    /// <summary>
    /// Lowers each grid corner within <paramref name="reach"/> of the segment to its squared distance from it. Only the
    /// corners of each row inside the segment's capsule (its reach swept along it: convex, so one span a row) are
    /// visited, not its whole bounding box — a third fewer for a diagonal street.
    /// </summary>
    private static void Paint(float[] d2, int nx, int ny, double x0, double y0, double x1, double y1, double x2, double y2, double reach)
    {
        var (dx, dy) = (x2 - x1, y2 - y1);
        var len2 = dx * dx + dy * dy;
        var len = Math.Sqrt(len2);
        // The swept rectangle's corners: the segment moved by ±reach along its normal.
        var (nxr, nyr) = len > 0 ? (-dy / len * reach, dx / len * reach) : (0.0, 0.0);
        ReadOnlySpan<(double X, double Y)> quad = [(x1 + nxr, y1 + nyr), (x2 + nxr, y2 + nyr), (x2 - nxr, y2 - nyr), (x1 - nxr, y1 - nyr)];
        var j0 = Math.Max(0, (int)Math.Floor((Math.Min(y1, y2) - reach - y0) / CellM));
        var j1 = Math.Min(ny - 1, (int)Math.Ceiling((Math.Max(y1, y2) + reach - y0) / CellM));
        var reach2 = reach * reach;
        for (var j = j0; j <= j1; j++)
        {
            var y = y0 + j * CellM;
            // The row's span of the capsule: the union of the two end discs' spans and the swept rectangle's.
            double lo = double.MaxValue, hi = double.MinValue;
            DiscSpan(x1, y1 - y, reach2, ref lo, ref hi);
            DiscSpan(x2, y2 - y, reach2, ref lo, ref hi);
            for (var e = 0; e < 4; e++)
            {
                var (ax, ay) = quad[e];
                var (bx, by) = quad[(e + 1) & 3];
                if ((ay - y) * (by - y) > 0 || ay == by) continue;
                var x = ax + (y - ay) / (by - ay) * (bx - ax);
                lo = Math.Min(lo, x); hi = Math.Max(hi, x);
            }
            if (lo > hi) continue;
            var i0 = Math.Max(0, (int)Math.Floor((lo - x0) / CellM));
            var i1 = Math.Min(nx - 1, (int)Math.Ceiling((hi - x0) / CellM));
            var py = y - y1;
            var row = j * nx;
            // Along the row the corner's projection onto the segment moves by a fixed step: no division per corner.
            var px = x0 + i0 * CellM - x1;
            var tAt = len2 > 0 ? (px * dx + py * dy) / len2 : 0;
            var tStep = len2 > 0 ? CellM * dx / len2 : 0;
            for (var i = i0; i <= i1; i++, px += CellM, tAt += tStep)
            {
                // The corner's projection onto the segment, clamped to its ends.
                var t = Math.Clamp(tAt, 0, 1);
                var (ex, ey) = (px - t * dx, py - t * dy);
                var dist2 = ex * ex + ey * ey;
                if (dist2 <= reach2 && dist2 < d2[row + i]) d2[row + i] = (float)dist2;
            }
        }
    }

    /// <summary>Widens [lo, hi] by the span of the disc of squared radius r2 around (cx, ·) on a row dy below its centre.</summary>
    private static void DiscSpan(double cx, double dy, double r2, ref double lo, ref double hi)
    {
        var h2 = r2 - dy * dy;
        if (h2 < 0) return;
        var h = Math.Sqrt(h2);
        lo = Math.Min(lo, cx - h); hi = Math.Max(hi, cx + h);
    }

    /// <summary>
    /// Marching squares over the field: each cell whose corners straddle b gives a boundary piece with the band on its
    /// left, the pieces are chained into rings (outer rings anticlockwise, holes clockwise), and each hole goes into the
    /// outer ring that holds it.
    /// </summary>
    private static Geometry Trace(float[] d2, int nx, int ny, double x0, double y0, double b, GeometryFactory factory)
    {
        var b2 = (float)(b * b);
        // Which corners are in the band, once each (every corner is asked by four cells).
        var inside = new bool[d2.Length];
        for (var n = 0; n < d2.Length; n++) inside[n] = d2[n] <= b2;
        bool In(int i, int j) => inside[j * nx + i];
        double D(int i, int j) => Math.Sqrt(d2[j * nx + i]);
        // Cell sides are keyed by id: horizontal side (i, j)–(i + 1, j) is 2 (j nx + i), vertical (i, j)–(i, j + 1) is 2 (j nx + i) + 1.
        long H(int i, int j) => 2L * (j * (long)nx + i);
        long V(int i, int j) => 2L * (j * (long)nx + i) + 1;
        Coordinate Cross(long side)
        {
            var k = side >> 1;
            var (i, j) = ((int)(k % nx), (int)(k / nx));
            var (i2, j2) = (side & 1) == 0 ? (i + 1, j) : (i, j + 1);
            // The distance grows away from the band; an unpainted corner (infinite) counts as b + a cell.
            var (da, db) = (Math.Min(D(i, j), b + CellM), Math.Min(D(i2, j2), b + CellM));
            var t = Math.Abs(db - da) < 1e-12 ? 0.5 : Math.Clamp((b - da) / (db - da), 0, 1);
            return new Coordinate(x0 + (i + t * (i2 - i)) * CellM, y0 + (j + t * (j2 - j)) * CellM);
        }

        // next[from side] = to side: the boundary enters a cell through one side and leaves through another, band on its left.
        var next = new Dictionary<long, long>();
        for (var j = 0; j + 1 < ny; j++)
            for (var i = 0; i + 1 < nx; i++)
            {
                // Corners: a = (i, j), b = (i + 1, j), c = (i + 1, j + 1), d = (i, j + 1), anticlockwise.
                var code = (In(i, j) ? 1 : 0) | (In(i + 1, j) ? 2 : 0) | (In(i + 1, j + 1) ? 4 : 0) | (In(i, j + 1) ? 8 : 0);
                if (code is 0 or 15) continue;
                var (bottom, right, top, left) = (H(i, j), V(i + 1, j), H(i, j + 1), V(i, j));
                switch (code)
                {
                    // One corner in: the piece cuts it off.
                    case 1: next[bottom] = left; break;
                    case 2: next[right] = bottom; break;
                    case 4: next[top] = right; break;
                    case 8: next[left] = top; break;
                    // Two adjacent corners in.
                    case 3: next[right] = left; break;
                    case 6: next[top] = bottom; break;
                    case 12: next[left] = right; break;
                    case 9: next[bottom] = top; break;
                    // Three corners in: the piece cuts the fourth off.
                    case 14: next[left] = bottom; break;
                    case 13: next[bottom] = right; break;
                    case 11: next[right] = top; break;
                    case 7: next[top] = left; break;
                    // Two opposite corners in: joined through the middle when the centre is in the band.
                    case 5:
                        if (Centre(i, j) <= b) { next[bottom] = right; next[top] = left; } // b and d cut off
                        else { next[bottom] = left; next[top] = right; } // a and c apart
                        break;
                    case 10:
                        if (Centre(i, j) <= b) { next[left] = bottom; next[right] = top; } // a and c cut off
                        else { next[right] = bottom; next[left] = top; } // b and d apart
                        break;
                }
            }

        double Centre(int i, int j) => (Math.Min(D(i, j), b + CellM) + Math.Min(D(i + 1, j), b + CellM)
                                        + Math.Min(D(i + 1, j + 1), b + CellM) + Math.Min(D(i, j + 1), b + CellM)) / 4;

        var shells = new List<LinearRing>();
        var holes = new List<LinearRing>();
        while (next.Count > 0)
        {
            var first = next.Keys.First();
            var ring = new List<Coordinate>();
            var side = first;
            do
            {
                ring.Add(Cross(side));
                var to = next[side];
                next.Remove(side);
                side = to;
            } while (side != first && next.ContainsKey(side));
            if (ring.Count < 3) continue;
            ring.Add(ring[0].Copy());
            var r = factory.CreateLinearRing([.. ring]);
            if (NetTopologySuite.Algorithm.Orientation.IsCCW(r.CoordinateSequence)) shells.Add(r); else holes.Add(r);
        }
        var polygons = shells.Select(s => (Shell: s, Area: factory.CreatePolygon(s), Holes: new List<LinearRing>())).ToList();
        foreach (var h in holes)
        {
            // The smallest outer ring holding the hole's first point holds the hole.
            var at = factory.CreatePoint(h.GetCoordinateN(0));
            var owner = polygons.Where(p => p.Area.EnvelopeInternal.Contains(at.Coordinate) && p.Area.Contains(at))
                .OrderBy(p => p.Area.Area).FirstOrDefault();
            owner.Holes?.Add(h);
        }
        var built = polygons.Select(p => factory.CreatePolygon(p.Shell, [.. p.Holes])).ToArray();
        return built.Length == 1 ? built[0] : factory.CreateMultiPolygon(built);
    }
}
