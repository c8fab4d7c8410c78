using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Security;

/// <summary>
/// A small made-up city (two square districts east of Jinan's centre, 40 communities, 6 outlets, 2 centres), loaded
/// through the service's own imports, so a fingerprint of every layer is cheap enough to take after each refused write.
///
///   36.70 ┌──────────┬──────────┐
///         │ 甲区      │ 乙区      │   communities on a 0.01° lattice, outlets and centres among them
///   36.60 └──────────┴──────────┘
///       117.00     117.10     117.20
/// </summary>
public sealed class SmallCity : IAsyncLifetime
{
    public ServiceFactory Factory { get; } = new(seedDemo: false);
    public HttpClient Planner { get; private set; } = null!;
    public HttpClient Public { get; private set; } = null!;
    public long OutletId { get; private set; }

    public async Task InitializeAsync()
    {
        Planner = Factory.Planner();
        Public = Factory.CreateClient();
        await ImportAsync("districts", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"name":"甲区","adcode":"370190","population":120000,"avgHouseholdSize":2.6,"urbanShare":0.9},
              "geometry":{"type":"Polygon","coordinates":[[[117.0,36.6],[117.1,36.6],[117.1,36.7],[117.0,36.7],[117.0,36.6]]]}},
             {"type":"Feature","properties":{"name":"乙区","adcode":"370191","population":90000,"avgHouseholdSize":2.7,"urbanShare":0.8},
              "geometry":{"type":"Polygon","coordinates":[[[117.1,36.6],[117.2,36.6],[117.2,36.7],[117.1,36.7],[117.1,36.6]]]}}]}
            """);
        var communities = new StringBuilder("name,households,lon,lat\n");
        for (var i = 0; i < 40; i++)
            communities.Append(CultureInfo.InvariantCulture, $"小区{i},{300 + 17 * i},{117.005 + 0.024 * (i % 8):0.000},{36.61 + 0.018 * (i / 8):0.000}\n");
        await ImportAsync("communities", communities.ToString(), "text/csv");
        var outlets = await ImportAsync("outlets", """
            name,kind,status,modern,areaM2,lon,lat
            网点一,fixed,operating,true,30,117.02,36.62
            网点二,fixed,operating,false,25,117.08,36.65
            网点三,fixed,operating,true,40,117.13,36.63
            网点四,fixed,planned,false,20,117.17,36.68
            网点五,fixed,operating,true,35,117.05,36.69
            网点六,fixed,closed,false,15,117.15,36.61
            """, "text/csv");
        OutletId = outlets;
        await ImportAsync("sorting-centers", """
            name,status,capacityTonnesPerDay,greenCertified,lon,lat
            中心一,operating,50,true,117.06,36.64
            中心二,operating,30,false,117.16,36.66
            """, "text/csv");
    }

    private async Task<long> ImportAsync(string layer, string body, string type = "application/geo+json")
    {
        var r = await Planner.PostAsync($"/api/import/{layer}?crs=WGS84", new StringContent(body, Encoding.UTF8, type));
        var text = await r.Content.ReadAsStringAsync();
        if (r.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"the small city's {layer} did not import: {text}");
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        return doc.RootElement.GetProperty("ids")[0].GetInt64();
    }

    /// <summary>A hash of everything a write could change: every layer, the enterprises and the network summary.</summary>
    public async Task<string> FingerprintAsync()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var url in new[] { "/api/districts", "/api/communities", "/api/outlets", "/api/sorting-centers", "/api/enterprises" })
            sha.AppendData(await Public.GetByteArrayAsync(url));
        var network = await Public.GetStringAsync("/api/network");
        // The load time and moment change with every load; what was loaded is in the rest.
        sha.AppendData(Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(network, "\"(loadedAt|loadMs)\":[^,}]*", "")));
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A small walkable OSM XML around the small city's first outlet.</summary>
    public const string OsmXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6" generator="test">
          <node id="1" lat="36.615" lon="117.015"/><node id="2" lat="36.615" lon="117.030"/>
          <node id="3" lat="36.625" lon="117.030"/><node id="4" lat="36.625" lon="117.015"/>
          <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/><tag k="name" v="甲路"/></way>
          <way id="11"><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="highway" v="footway"/></way>
        </osm>
        """;

    /// <summary>The same as PBF, written by osmium when it is installed (as .ci/run does); null otherwise.</summary>
    public static byte[]? OsmPbf()
    {
        if (!File.Exists("/usr/bin/osmium")) return null;
        var dir = Directory.CreateTempSubdirectory("recyclenet-fuzz-osm-").FullName;
        var xml = Path.Combine(dir, "small.osm");
        var pbf = Path.Combine(dir, "small.osm.pbf");
        File.WriteAllText(xml, OsmXml);
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/osmium", ["cat", xml, "-o", pbf, "-O", "-f", "pbf,pbf_compression=zlib"]) { RedirectStandardError = true })!;
        p.WaitForExit();
        return p.ExitCode == 0 ? File.ReadAllBytes(pbf) : null;
    }
}
