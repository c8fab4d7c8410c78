using System.Diagnostics;
using System.Globalization;
using System.Text;
using RecycleNet.Core.SiteSelection;

namespace RecycleNet.Bench;

/// <summary>
/// Writes the bench's cases for the peers (bench/peers): `dotnet run -c Release --project bench/RecycleNet.Bench -- export DIR`.
/// <list type="bullet">
/// <item>nodes.csv, edges.csv: the synthetic Jinan-sized network (projected metres; every edge straight, its cost its length);</item>
/// <item>outlets.csv, communities.csv: each outlet and community at its nearest node (households for communities) —
/// the peers start and end walks at nodes, a simplification in their favour (no part-edges, no access walk);</item>
/// <item>circle.csv: the node the life-circle benchmarks start from;</item>
/// <item>mclp.json: the 10,000 × 2,000 MCLP case (k = 120) as weights and, per candidate, the demands it covers;</item>
/// <item>recyclenet.txt: RecycleNet's own MCLP figures on that instance at 2 s and 10 s, and the LP bound.</item>
/// </list>
/// </summary>
public static class PeerExport
{
    public const double LimitM = 1125;

    public static int Run(string[] args)
    {
        var dir = Directory.CreateDirectory(args.Length > 0 ? args[0] : "/tmp/recyclenet-peers").FullName;
        var inv = CultureInfo.InvariantCulture;
        var graph = SyntheticCity.Network();
        var city = SyntheticCity.City();
        using (var w = new StreamWriter(Path.Combine(dir, "nodes.csv")))
        {
            w.WriteLine("id,x,y");
            for (var n = 0; n < graph.NodeCount; n++) { var (x, y) = graph.NodePosition(n); w.WriteLine(string.Create(inv, $"{n},{x:F3},{y:F3}")); }
        }
        using (var w = new StreamWriter(Path.Combine(dir, "edges.csv")))
        {
            w.WriteLine("id,source,target,cost");
            for (var e = 0; e < graph.EdgeCount; e++) { var (a, b) = graph.EdgeNodes(e); w.WriteLine(string.Create(inv, $"{e + 1},{a},{b},{graph.EdgeLengthM(e):F6}")); }
        }
        int NearestNode(double lon, double lat)
        {
            var (x, y) = graph.Projection.Project(lon, lat);
            var s = graph.Snap(x, y, 300)!.Value;
            var (a, b) = graph.EdgeNodes(s.Edge);
            return s.OffsetM <= graph.EdgeLengthM(s.Edge) / 2 ? a : b;
        }
        using (var w = new StreamWriter(Path.Combine(dir, "outlets.csv")))
        {
            w.WriteLine("id,node");
            foreach (var o in city.Outlets) w.WriteLine($"{o.Id},{NearestNode(o.Location.X, o.Location.Y)}");
        }
        using (var w = new StreamWriter(Path.Combine(dir, "communities.csv")))
        {
            w.WriteLine("id,node,households");
            foreach (var c in city.Communities) w.WriteLine($"{c.Id},{NearestNode(c.Location.X, c.Location.Y)},{c.Households}");
        }
        var mid = city.Outlets.OrderBy(o => Math.Abs(o.Location.X - city.Outlets.Average(p => p.Location.X)) + Math.Abs(o.Location.Y - city.Outlets.Average(p => p.Location.Y))).First();
        File.WriteAllText(Path.Combine(dir, "circle.csv"), $"node\n{NearestNode(mid.Location.X, mid.Location.Y)}\n");

        const int k = 120;
        var sets = SitingHarness.Instance(10_000, 2_000, seed: 2);
        var json = new StringBuilder();
        json.Append("{\"k\":").Append(k).Append(",\"weights\":[").AppendJoin(',', sets.Weights).Append("],\"covers\":[");
        for (var j = 0; j < sets.CandidateCount; j++)
        {
            if (j > 0) json.Append(',');
            json.Append('[').AppendJoin(',', sets.Covers(j).ToArray()).Append(']');
        }
        File.WriteAllText(Path.Combine(dir, "mclp.json"), json.Append("]}").ToString());

        var report = new StringBuilder();
        var lp = MclpExact.LpBound(sets, k, 120);
        report.AppendLine(string.Create(inv, $"mclp lp_bound {lp:F0}"));
        foreach (var seconds in new[] { 2.0, 10.0 })
        {
            var watch = Stopwatch.StartNew();
            var r = MclpSolver.Greedy(sets, k, new MclpOptions { SwapSeconds = seconds });
            report.AppendLine(string.Create(inv, $"mclp recyclenet_{seconds:F0}s objective {r.Objective} bound {r.UpperBound:F0} seconds {watch.Elapsed.TotalSeconds:F2}"));
        }
        File.WriteAllText(Path.Combine(dir, "recyclenet.txt"), report.ToString());
        Console.Write(report);
        Console.WriteLine($"wrote the cases to {dir}");
        return 0;
    }
}
