using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RecycleNet.Core.Network;
using RecycleNet.Tests.Api;

namespace RecycleNet.Tests.Security;

/// <summary>
/// Links come from configuration, not from the request: a forged Host is refused before anything writes a link, a
/// configured public base URL is what every absolute link starts with, and a proxy's forwarded headers count only from
/// a trusted proxy. Security headers are on every answer, a 500 included.
/// </summary>
public class PublicAddressTests
{
    [Fact]
    public async Task A_Host_header_that_AllowedHosts_does_not_list_is_a_400_naming_it_and_never_a_link()
    {
        await using var f = new ServiceFactory(seedDemo: false);
        var client = f.CreateClient();
        using var req = new HttpRequestMessage(HttpMethod.Get, "/ogc?f=html");
        req.Headers.Host = "evil.com";
        using var r = await client.SendAsync(req);
        var body = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.DoesNotContain("href=\"http://evil.com", body);
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal("Host", problem.GetProperty("field").GetString());
        Assert.Contains("AllowedHosts", problem.GetProperty("detailZh").GetString());
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        // The hosts it is configured for answer, with links on them.
        var ok = await client.GetStringAsync("/ogc?f=json");
        Assert.Contains("\"href\":\"http://localhost/ogc", ok);
    }

    [Fact]
    public async Task A_configured_public_base_URL_is_what_absolute_links_start_with()
    {
        await using var f = new ServiceFactory(seedDemo: false, settings: new Dictionary<string, string>
        {
            ["RecycleNet:PublicBaseUrl"] = "https://huishou.example.gov.cn/recyclenet/",
            ["AllowedHosts"] = "*",
        });
        var client = f.CreateClient();
        using var req = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections?f=json");
        req.Headers.Host = "evil.com";
        var text = await (await client.SendAsync(req)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.com", text);
        Assert.Contains("\"href\":\"https://huishou.example.gov.cn/recyclenet/ogc/collections", text);
        var cities = await client.GetStringAsync("/api/cities");
        Assert.Contains("https://huishou.example.gov.cn/recyclenet/cities/", cities);
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_a_trusted_proxy()
    {
        // The test server's requests come from no address: with no proxy trusted, X-Forwarded-Host is ignored.
        await using var f = new ServiceFactory(seedDemo: false);
        var client = f.CreateClient();
        using var req = new HttpRequestMessage(HttpMethod.Get, "/ogc?f=json");
        req.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.com");
        req.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        var text = await (await client.SendAsync(req)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.com", text);
        Assert.Contains("\"href\":\"http://localhost/ogc", text);
    }

    /// <summary>A route that fails, added after the service's own pipeline, so its 500 goes through the service's handlers.</summary>
    private sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(http => http.Request.Path == "/fail-for-test" ? throw new InvalidOperationException("a failure a test made") : Task.CompletedTask);
        };
    }

    [Fact]
    public async Task A_500_carries_the_security_headers_and_no_stack_trace()
    {
        await using var f = new ServiceFactory(seedDemo: false);
        using var client = f.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, FailingRoute>())).CreateClient();
        using var r = await client.GetAsync("/fail-for-test");
        Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", r.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", r.Headers.GetValues("Referrer-Policy").Single());
        var body = await r.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("a failure a test made", body);
        Assert.DoesNotContain("   at ", body);
        Assert.Contains("detailZh", body);
    }

    [Fact]
    public void Temporary_upload_files_of_stopped_processes_are_swept_and_a_live_ones_kept()
    {
        var dir = Directory.CreateTempSubdirectory("recyclenet-sweep-").FullName;
        try
        {
            // A pid no process has (Linux pids stay below 2^22), this process's own, and the old unnumbered form.
            var dead = Path.Combine(dir, "recyclenet-network-4999999-0a.tmp");
            var live = Path.Combine(dir, $"recyclenet-network-{Environment.ProcessId}-0b.tmp");
            var old = Path.Combine(dir, "recyclenet-network-0c0c0c.tmp");
            var fresh = Path.Combine(dir, "recyclenet-network-0d0d0d.tmp");
            foreach (var p in new[] { dead, live, old, fresh }) File.WriteAllText(p, "x");
            File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));
            Assert.Equal(2, NetworkTempFiles.SweepOrphans(dir));
            Assert.Equal([fresh, live], Directory.GetFiles(dir).Order().ToArray());
        }
        finally { Directory.Delete(dir, true); }
    }
}
