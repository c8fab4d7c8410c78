using BenchmarkDotNet.Attributes;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Isochrones;
using RecycleNet.Core.Network;
using RecycleNet.Core.Cities;

namespace RecycleNet.Bench;

/// <summary>Whole-city coverage and single life circles on the synthetic Jinan-sized case.</summary>
[MemoryDiagnoser, MedianColumn]
public class CoverageBenchmarks
{
    private WalkingGraph _graph = null!;
    private CitySnapshot _city = null!;
    private (double Lon, double Lat) _centre;
    private static readonly CoverageOptions Fifteen = new();
    private static readonly CoverageOptions FifteenWithGaps = new() { MeasureBeyondLimit = true };
    private static readonly IsochroneOptions Circle = new();

    [GlobalSetup]
    public void Setup()
    {
        _graph = SyntheticCity.Network();
        _city = SyntheticCity.City();
        // The outlet nearest the middle of the grid: a full 15-minute circle, no edge of the city cutting it short.
        var mid = _city.Outlets.OrderBy(o => Math.Abs(o.Location.X - _city.Outlets.Average(p => p.Location.X))
                                          + Math.Abs(o.Location.Y - _city.Outlets.Average(p => p.Location.Y))).First();
        _centre = (mid.Location.X, mid.Location.Y);
    }

    /// <summary>5,000 communities, 200 outlets, 499,000 edges: one bounded multi-source search.</summary>
    [Benchmark]
    public CoverageTotals WholeCityCoverage() => CoverageScorer.Score(_city, _graph, Fifteen).City;

    /// <summary>The same, measuring every community's distance however far (the gaps list): an unbounded search.</summary>
    [Benchmark]
    public CoverageTotals WholeCityCoverageWithGapDistances() => CoverageScorer.Score(_city, _graph, FifteenWithGaps).City;

    /// <summary>
    /// What one planned outlet would add (the subsidy estimate's value for money, and the what-if of the web page):
    /// a whole-city coverage run plus one bounded search from the site.
    /// </summary>
    [Benchmark]
    public long OnePlannedOutletGain() =>
        CoverageGainOp.Measure(_city, _graph, [new PlannedSite("P", _centre.Lon + 0.004, _centre.Lat + 0.004)], Fifteen).Combined.Households;

    /// <summary>One 15-minute life-circle polygon (search + buffered street pieces + union).</summary>
    [Benchmark]
    public double OneLifeCircle() => IsochroneOp.Compute(_graph, _centre.Lon, _centre.Lat, Circle).AreaM2;
}

/// <summary>Reading real OSM into a graph: ../shared/data/networks/shanghai-center.osm (3.7 MB, 21,786 nodes, 4,701 ways).</summary>
[MemoryDiagnoser, MedianColumn]
public class OsmLoadBenchmarks
{
    public static string ShanghaiPath => Path.GetFullPath(Path.Combine(Program.RepoRoot, "..", "shared", "data", "networks", "shanghai-center.osm"));
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(ShanghaiPath);

    /// <summary>Parse, filter walkable ways, split at junctions, project, build the graph and its snapping index.</summary>
    [Benchmark]
    public int LoadShanghaiCentre()
    {
        var load = OsmNetworkReader.Read(new MemoryStream(_bytes), "shanghai-center.osm");
        load.Graph.Prepare();
        return load.Graph.EdgeCount;
    }
}
