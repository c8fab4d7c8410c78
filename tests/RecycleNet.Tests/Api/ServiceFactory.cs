using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace RecycleNet.Tests.Api;

/// <summary>
/// The real service over a real store: a SQLite file in a temporary folder, or a PostgreSQL database of that folder's
/// (see <see cref="TestStore"/>). Settings go in as configuration, as an operator would give them.
/// </summary>
public sealed class ServiceFactory(bool seedDemo = true, string? folder = null, long? maxImportBytes = null, bool configureKey = true,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string Key = "test-planner-key";

    /// <summary>The name the configured planner key goes by, as a bureau would name it: a plan's author, the audit log's "who".</summary>
    public const string KeyName = "规划科 张工";

    public string Folder { get; } = folder ?? Directory.CreateTempSubdirectory("recyclenet-").FullName;

    // A folder the factory made is its own to remove (a store of ~40 MB: a suite makes hundreds); one given to it is the caller's.
    private readonly bool _ownsFolder = folder is null;

    protected override void ConfigureWebHost(IWebHostBuilder b)
    {
        foreach (var (k, v) in TestStore.Settings(Folder, seedDemo)) b.UseSetting(k, v);
        b.UseSetting("RecycleNet:SeedDemo", seedDemo ? "true" : "false");
        b.UseSetting("RecycleNet:PoliciesDirectory", RepoPaths.Policies);
        b.UseSetting("RecycleNet:DemoDataDirectory", RepoPaths.DemoRoot);
        if (configureKey)
        {
            b.UseSetting("RecycleNet:Keys:0:Name", KeyName);
            b.UseSetting("RecycleNet:Keys:0:Secret", Key);
        }
        if (maxImportBytes is { } max) b.UseSetting("RecycleNet:MaxImportBytes", max.ToString());
        // Tests call the public POSTs and downloads far faster than a person; the rate-limit tests set their own buckets.
        b.UseSetting("RecycleNet:RateLimits:PublicPosts:Burst", "1000000");
        b.UseSetting("RecycleNet:RateLimits:Downloads:Burst", "1000000");
        b.UseSetting("RecycleNet:RateLimits:WritesPerAddress:Burst", "1000000");
        b.UseSetting("RecycleNet:RateLimits:WritesPerKey:Burst", "1000000");
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) b.UseSetting(k, v);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestStore.Release(Folder);
        if (_ownsFolder) new TempFolder(Folder).Dispose();
    }

    /// <summary>
    /// A client as WebApplicationFactory makes one (following redirects, keeping cookies), whose answers also pass
    /// <see cref="ChineseReasonCheck"/>.
    /// </summary>
    public new HttpClient CreateClient() =>
        CreateDefaultClient(ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler(), new ChineseReasonCheck());

    /// <summary>A client that sends the planner key.</summary>
    public HttpClient Planner(string key = Key)
    {
        var c = CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return c;
    }
}

/// <summary>A folder a test made for stores that outlive one service, removed when the test ends.</summary>
public sealed class TempFolder(string path) : IDisposable
{
    public string Path { get; } = path;

    /// <summary>A new folder under the system's temporary one, named from the prefix.</summary>
    public static TempFolder New(string prefix) => new(Directory.CreateTempSubdirectory(prefix).FullName);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One demo-seeded service shared by a test class that only reads.</summary>
public sealed class DemoService : IDisposable
{
    public ServiceFactory Factory { get; } = new();
    public void Dispose() => Factory.Dispose();
}

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage r) =>
        JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();

    public static int FeatureCount(this JsonElement fc) => fc.GetProperty("features").GetArrayLength();

    public static StringContent GeoJson(string json) => new(json, System.Text.Encoding.UTF8, "application/geo+json");

    /// <summary>A JSON request body (application/json).</summary>
    public static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>A JSON request body of <paramref name="value"/>, serialised.</summary>
    public static StringContent Body(object value) => Body(JsonSerializer.Serialize(value));

    /// <summary>A PUT as a careful client sends it: with If-Match naming the version it has just read.</summary>
    public static async Task<HttpResponseMessage> PutCurrentAsync(this HttpClient c, string url, HttpContent content) =>
        await c.SendAsync(await ConditionalAsync(c, HttpMethod.Put, url, content));

    /// <summary>A DELETE with If-Match naming the version just read (none when the resource is gone).</summary>
    public static async Task<HttpResponseMessage> DeleteCurrentAsync(this HttpClient c, string url) =>
        await c.SendAsync(await ConditionalAsync(c, HttpMethod.Delete, url, null));

    private static async Task<HttpRequestMessage> ConditionalAsync(HttpClient c, HttpMethod method, string url, HttpContent? content)
    {
        var etag = (await c.GetAsync(url.Split('?')[0])).Headers.ETag;
        var req = new HttpRequestMessage(method, url) { Content = content };
        if (etag is not null) req.Headers.IfMatch.Add(etag);
        return req;
    }
}
