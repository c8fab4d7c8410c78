using RecycleNet.Core.Network;

namespace RecycleNet.Core.SiteSelection;

/// <summary>A point to cover or a site to choose, in projected metres (the local Gauss-Kruger zone).</summary>
public readonly record struct SitePoint(double X, double Y);

/// <summary>
/// Builds <see cref="CoverageSets"/> from walking distances, with the same rules as the coverage scorer: a pair on
/// the network is measured along it (one bounded search per candidate), a pair off it in a straight line ×
/// circuity, and an unreachable point covers or is covered by nothing. Only pairs within the straight-line
/// radius of the limit are ever looked at (a grid of the demands), so the cost follows the answer's size, not
/// demands × candidates. Candidates are processed in parallel, on at most maxThreads threads (-1: all cores).
/// </summary>
public static class CoverageSetBuilder
{
    public static CoverageSets Build(IReadOnlyList<SitePoint> demands, long[] weights, IReadOnlyList<SitePoint> candidates,
        WalkingGraph? graph, WalkingOptions walk, CancellationToken ct = default, int maxThreads = -1)
    {
        if (weights.Length != demands.Count) throw new ArgumentException("one weight per demand point", nameof(weights));
        var limit = walk.LimitM;
        var straight = limit / walk.Circuity;
        var demandAt = demands.Select(d => WalkingAccess.Locate(graph, d.X, d.Y, walk.SnapDistanceM)).ToArray();
        // Along streets a walk is never shorter than the straight line, so `limit` bounds the search radius.
        var grid = new PointGrid(demands, Math.Max(limit, 1));
        var covers = new IReadOnlyCollection<int>[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = maxThreads }, j =>
        {
            var c = candidates[j];
            var (method, snap) = WalkingAccess.Locate(graph, c.X, c.Y, walk.SnapDistanceM);
            var list = new List<int>();
            if (method != DistanceMethod.Unreachable)
            {
                using var tree = snap is { } s ? NetworkSearch.Run(graph!, [new WalkSource(s, 0)], limit) : null;
                foreach (var i in grid.Near(c.X, c.Y, limit))
                {
                    var (dm, ds) = demandAt[i];
                    if (dm == DistanceMethod.Unreachable) continue;
                    var covered = tree is not null && ds is { } target
                        ? tree.DistanceTo(target).DistanceM <= limit
                        : Distance(c, demands[i]) <= straight;
                    if (covered) list.Add(i);
                }
            }
            covers[j] = list;
        });
        return CoverageSets.FromLists(weights, covers);
    }

    private static double Distance(SitePoint a, SitePoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    /// <summary>Points bucketed in square cells; <see cref="Near"/> yields those within a radius. Read-only after construction.</summary>
    private sealed class PointGrid
    {
        private readonly Dictionary<(long, long), List<int>> _cells = [];
        private readonly IReadOnlyList<SitePoint> _points;
        private readonly double _size;

        public PointGrid(IReadOnlyList<SitePoint> points, double size)
        {
            (_points, _size) = (points, size);
            for (var i = 0; i < points.Count; i++)
            {
                var key = Cell(points[i].X, points[i].Y);
                if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
                list.Add(i);
            }
        }

        private (long, long) Cell(double x, double y) => ((long)Math.Floor(x / _size), (long)Math.Floor(y / _size));

        public IEnumerable<int> Near(double x, double y, double radius)
        {
            var (cx, cy) = Cell(x, y);
            var reach = (long)Math.Ceiling(radius / _size);
            for (var gx = cx - reach; gx <= cx + reach; gx++)
                for (var gy = cy - reach; gy <= cy + reach; gy++)
                    if (_cells.TryGetValue((gx, gy), out var list))
                        foreach (var i in list)
                            if (Distance(_points[i], new SitePoint(x, y)) <= radius) yield return i;
        }
    }
}
