namespace RecycleNet.Api.Settings;

/// <summary>The "RecycleNet" configuration section.</summary>
public sealed class RecycleNetOptions
{
    /// <summary>Fill a newly created database with each city's demo data.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>
    /// Planner keys as bare secrets, named "configured #1" …: the form from before roles, still honoured. Prefer
    /// <see cref="Keys"/>. With neither (and no stored key), one is generated and kept beside the database.
    /// </summary>
    public string[] PlannerKeys { get; set; } = [];

    /// <summary>Named keys with a role (RecycleNet:Keys:0:Name, …:Secret, …:Role, …:City, …:Enterprise).</summary>
    public List<ConfiguredKey> Keys { get; set; } = [];

    /// <summary>OpenID Connect bearer tokens, beside the keys (off by default).</summary>
    public OidcSettings Oidc { get; set; } = new();

    /// <summary>Largest import body, bytes (default 64 MiB).</summary>
    public long MaxImportBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest single-feature or enterprise body, bytes (default 1 MiB).</summary>
    public long MaxFeatureBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest JSON body of the public POSTs (subsidy estimate, what-if), bytes (default 256 KiB).</summary>
    public long MaxPublicJsonBytes { get; set; } = 256 * 1024;

    /// <summary>An OSM file (.osm or .osm.pbf) to load as the walking network at start-up; overrides a stored upload.</summary>
    public string? NetworkPath { get; set; }

    /// <summary>Largest OSM upload to POST /api/network, bytes (default 1 GiB).</summary>
    public long MaxNetworkBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Most OSM nodes one network load keeps (default 8,000,000: about 2.6 GB of peak memory while the graphs are built,
    /// ~330 bytes a node). A provincial extract clipped to a city's outline keeps a few million; unclipped it is refused.
    /// </summary>
    public long MaxNetworkNodes { get; set; } = 8_000_000;

    /// <summary>Where the policy seeds are; default: seeds/policies beside the executable.</summary>
    public string? PoliciesDirectory { get; set; }

    /// <summary>Where the demo data is, a folder per city (data/jinan, data/binzhou …); default: data beside the executable.</summary>
    public string? DemoDataDirectory { get; set; }

    /// <summary>Base map tile URL template for the web page ({z}/{x}/{y}); none by default (the machines here have no internet).</summary>
    public string? BaseMapUrl { get; set; }

    /// <summary>The base map's CRS: WGS84 (also CGCS2000, e.g. Tianditu) or GCJ02 (Amap, Tencent), so layers are drawn to match.</summary>
    public string BaseMapCrs { get; set; } = "WGS84";

    public string? BaseMapAttribution { get; set; }

    /// <summary>
    /// The address users reach the service at (scheme, host, any path prefix of a reverse proxy), for the absolute links
    /// it writes; none: the request's scheme and Host, which must be one of AllowedHosts.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Reverse proxies (IP addresses or CIDR networks) whose X-Forwarded-For/-Proto/-Host headers are believed; none by default.</summary>
    public string[] TrustedProxies { get; set; } = [];

    public string ResolvedPoliciesDirectory => PoliciesDirectory ?? Path.Combine(AppContext.BaseDirectory, "seeds", "policies");
    public string ResolvedDemoDataDirectory => DemoDataDirectory ?? Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The city seed (which cities, their policies, the default city); default: cities.json beside the policies folder.</summary>
    public string? CitiesFile { get; set; }

    public string ResolvedCitiesFile => CitiesFile ?? Path.Combine(ResolvedPoliciesDirectory, "..", "cities.json");

    /// <summary>The categories and units of the volume statistics; default: volume-categories.json beside the policies folder.</summary>
    public string? VolumeCategoriesFile { get; set; }

    public string ResolvedVolumeCategoriesFile => VolumeCategoriesFile ?? Path.Combine(ResolvedPoliciesDirectory, "..", "volume-categories.json");
}
