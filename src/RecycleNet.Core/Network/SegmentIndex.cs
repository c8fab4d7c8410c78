namespace RecycleNet.Core.Network;

/// <summary>
/// A uniform grid over every edge segment, for snapping points to the nearest edge. Built in O(segments)
/// as two flat arrays (CSR); a query looks at rings of cells around the point until no closer segment can
/// exist, so it costs O(segments within the snapping distance).
/// </summary>
internal sealed class SegmentIndex
{
    private readonly WalkingGraph _g;
    private readonly double _minX, _minY, _cell;
    private readonly int _cols, _rows;
    private readonly int[] _cellStart, _items; // items: index of a segment's first shape point
    private readonly int[] _edgeOfPoint;

    public SegmentIndex(WalkingGraph g)
    {
        _g = g;
        var b = g.BoundsProjected;
        var segments = Math.Max(1, g.ShapeX.Length - g.EdgeCount);
        // About two segments per cell, never finer than 10 m nor more than 4 million cells.
        var area = Math.Max(b.Width * b.Height, 1);
        _cell = Math.Max(10, Math.Sqrt(area / segments) * 1.4);
        while ((b.Width / _cell + 1) * (b.Height / _cell + 1) > 4_000_000) _cell *= 1.5;
        (_minX, _minY) = (b.MinX, b.MinY);
        _cols = (int)(b.Width / _cell) + 1;
        _rows = (int)(b.Height / _cell) + 1;
        _edgeOfPoint = new int[g.ShapeX.Length];
        for (var e = 0; e < g.EdgeCount; e++)
            for (var i = g.ShapeStart[e]; i < g.ShapeStart[e + 1]; i++) _edgeOfPoint[i] = e;

        _cellStart = new int[_cols * _rows + 1];
        ForEachCell((cell, _) => _cellStart[cell + 1]++);
        for (var c = 0; c < _cols * _rows; c++) _cellStart[c + 1] += _cellStart[c];
        _items = new int[_cellStart[^1]];
        var fill = _cellStart[..^1];
        ForEachCell((cell, point) => _items[fill[cell]++] = point);
    }

    private void ForEachCell(Action<int, int> visit)
    {
        for (var e = 0; e < _g.EdgeCount; e++)
        {
            for (var i = _g.ShapeStart[e]; i < _g.ShapeStart[e + 1] - 1; i++)
            {
                var (c0, r0) = CellOf(Math.Min(_g.ShapeX[i], _g.ShapeX[i + 1]), Math.Min(_g.ShapeY[i], _g.ShapeY[i + 1]));
                var (c1, r1) = CellOf(Math.Max(_g.ShapeX[i], _g.ShapeX[i + 1]), Math.Max(_g.ShapeY[i], _g.ShapeY[i + 1]));
                for (var r = r0; r <= r1; r++)
                    for (var c = c0; c <= c1; c++) visit(r * _cols + c, i);
            }
        }
    }

    private (int Col, int Row) CellOf(double x, double y) =>
        (Math.Clamp((int)((x - _minX) / _cell), 0, _cols - 1), Math.Clamp((int)((y - _minY) / _cell), 0, _rows - 1));

    public SnapPoint? Nearest(double x, double y, double maxDistanceM)
    {
        if (_g.EdgeCount == 0 || !double.IsFinite(x) || !double.IsFinite(y)) return null;
        // Distance from the point to the grid's box: cells can only be closer than this if it is inside.
        var dx = Math.Max(0, Math.Max(_minX - x, x - (_minX + _cols * _cell)));
        var dy = Math.Max(0, Math.Max(_minY - y, y - (_minY + _rows * _cell)));
        if (Math.Sqrt(dx * dx + dy * dy) > maxDistanceM) return null;

        var (cc, cr) = CellOf(x, y);
        var best = double.MaxValue; var bestPoint = -1; double bestT = 0;
        var maxRing = (int)Math.Ceiling(maxDistanceM / _cell) + 1;
        for (var ring = 0; ring <= maxRing; ring++)
        {
            for (var r = cr - ring; r <= cr + ring; r++)
            {
                if (r < 0 || r >= _rows) continue;
                var step = r == cr - ring || r == cr + ring ? 1 : 2 * ring;
                for (var c = cc - ring; c <= cc + ring; c += Math.Max(step, 1))
                {
                    if (c < 0 || c >= _cols) continue;
                    var cell = r * _cols + c;
                    for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
                    {
                        var i = _items[k];
                        var (d, t) = SegmentDistance(x, y, i);
                        if (d < best) (best, bestPoint, bestT) = (d, i, t);
                    }
                }
            }
            // Anything in a further ring is at least ring * cell away: the point lies in the centre cell or, when
            // outside the grid, beyond it, which only moves farther rings farther away.
            if (bestPoint >= 0 && best <= ring * _cell) break;
        }
        if (bestPoint < 0 || best > maxDistanceM) return null;
        var e = _edgeOfPoint[bestPoint];
        double offset = 0;
        for (var i = _g.ShapeStart[e]; i < bestPoint; i++) offset += SegLength(i);
        offset += bestT * SegLength(bestPoint);
        var px = _g.ShapeX[bestPoint] + bestT * (_g.ShapeX[bestPoint + 1] - _g.ShapeX[bestPoint]);
        var py = _g.ShapeY[bestPoint] + bestT * (_g.ShapeY[bestPoint + 1] - _g.ShapeY[bestPoint]);
        return new SnapPoint(e, Math.Min(offset, _g.EdgeLength[e]), best, px, py);
    }

    private double SegLength(int i) =>
        Math.Sqrt((_g.ShapeX[i + 1] - _g.ShapeX[i]) * (_g.ShapeX[i + 1] - _g.ShapeX[i]) + (_g.ShapeY[i + 1] - _g.ShapeY[i]) * (_g.ShapeY[i + 1] - _g.ShapeY[i]));

    private (double Distance, double T) SegmentDistance(double x, double y, int i)
    {
        double ax = _g.ShapeX[i], ay = _g.ShapeY[i], bx = _g.ShapeX[i + 1], by = _g.ShapeY[i + 1];
        double vx = bx - ax, vy = by - ay, len2 = vx * vx + vy * vy;
        var t = len2 > 0 ? Math.Clamp(((x - ax) * vx + (y - ay) * vy) / len2, 0, 1) : 0;
        double px = ax + t * vx - x, py = ay + t * vy - y;
        return (Math.Sqrt(px * px + py * py), t);
    }
}
