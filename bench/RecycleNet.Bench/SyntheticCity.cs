using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;

namespace RecycleNet.Bench;

/// <summary>
/// A Jinan-sized synthetic case: a 500 × 500 street grid (499,000 edges, 60 m blocks, 30 km square, nodes
/// jittered by up to 10 m so no two blocks are alike), 5,000 communities and 200 operating fixed outlets
/// placed at random over it, in Gauss-Kruger zone 39 around Jinan. Deterministic (fixed seed).
/// </summary>
public static class SyntheticCity
{
    public const int GridSide = 500;
    public const double SpacingM = 60;
    private const double X0 = 39_485_000, Y0 = 4_045_000;

    public static WalkingGraph Network()
    {
        var rng = new Random(42);
        var b = new WalkingGraphBuilder(LocalProjection.ForZone(39));
        var ids = new int[GridSide, GridSide];
        for (var i = 0; i < GridSide; i++)
            for (var j = 0; j < GridSide; j++)
                ids[i, j] = b.AddNode(X0 + i * SpacingM + rng.NextDouble() * 20 - 10, Y0 + j * SpacingM + rng.NextDouble() * 20 - 10);
        for (var i = 0; i < GridSide; i++)
            for (var j = 0; j < GridSide; j++)
            {
                if (i + 1 < GridSide) b.AddEdge(ids[i, j], ids[i + 1, j]);
                if (j + 1 < GridSide) b.AddEdge(ids[i, j], ids[i, j + 1]);
            }
        var g = b.Build("synthetic 500 x 500 grid");
        g.Prepare();
        return g;
    }

    public static CitySnapshot City(int communities = 5000, int outlets = 200)
    {
        var rng = new Random(7);
        var projection = LocalProjection.ForZone(39);
        var side = (GridSide - 1) * SpacingM;
        Point RandomPoint()
        {
            var (lon, lat) = projection.Unproject(X0 + rng.NextDouble() * side, Y0 + rng.NextDouble() * side);
            return new Point(lon, lat);
        }
        var cs = Enumerable.Range(1, communities).Select(i => new Community
        {
            Id = i, Name = $"C{i}", Households = 200 + rng.Next(1800), Geometry = RandomPoint(),
        }).ToList();
        var os = Enumerable.Range(1, outlets).Select(i => new Outlet
        {
            Id = i, Name = $"O{i}", Kind = OutletKind.Fixed, Status = FacilityStatus.Operating, Modern = i % 2 == 0, Geometry = RandomPoint(),
        }).ToList();
        return new CitySnapshot([], cs, os, []);
    }
}
