using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Http;

/// <summary>
/// Where the service is reached from outside, for the absolute links it writes (OGC links, the city index, siting jobs):
/// RecycleNet:PublicBaseUrl when configured (a deployment behind a reverse proxy: "https://huishou.example.gov.cn/recyclenet"),
/// else the request's own scheme and Host — which the host check has matched against AllowedHosts first, so a forged
/// <c>Host: evil.com</c> never becomes a link. Behind a proxy, RecycleNet:TrustedProxies names the addresses whose
/// X-Forwarded-For/-Proto/-Host are believed (ASP.NET's forwarded-headers middleware); nobody else's are.
/// </summary>
public static class PublicAddress
{
    /// <summary>The origin (and any path prefix) links start with, without a trailing slash.</summary>
    public static string Origin(HttpRequest req)
    {
        var configured = req.HttpContext.RequestServices.GetService<IOptions<RecycleNetOptions>>()?.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured) ? $"{req.Scheme}://{req.Host}" : configured.TrimEnd('/');
    }

    /// <summary>Null when <paramref name="url"/> may be the public base URL; else why not.</summary>
    public static string? Check(string? url) =>
        url is null ? null
        : !Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") ? $"RecycleNet:PublicBaseUrl '{url}' is not an absolute http(s) URL"
        : u.Query.Length > 0 || u.Fragment.Length > 0 || u.UserInfo.Length > 0 ? $"RecycleNet:PublicBaseUrl '{url}' may hold no query, fragment or user"
        : null;

    /// <summary>
    /// The forwarded-headers middleware for the configured trusted proxies (none: the headers are ignored), then the host
    /// check: a Host that AllowedHosts does not list is a 400 problem naming the Host header, before anything reads it.
    /// </summary>
    public static IApplicationBuilder UsePublicAddress(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("RecycleNet:TrustedProxies").Get<string[]>() ?? [];
        if (proxies.Length > 0)
        {
            var options = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            };
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var p in proxies)
            {
                if (IPAddress.TryParse(p, out var ip)) options.KnownProxies.Add(ip);
                else if (System.Net.IPNetwork.TryParse(p, out var net)) options.KnownIPNetworks.Add(net);
                else throw new InvalidOperationException($"RecycleNet:TrustedProxies: '{p}' is neither an IP address nor a CIDR network");
            }
            app.UseForwardedHeaders(options);
        }
        var allowed = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowed.Length == 0 || allowed.Contains("*")) return app;
        var patterns = allowed.Select(a => new StringSegment(a)).ToList();
        return app.Use((http, next) =>
        {
            if (HostString.MatchesAny(new StringSegment(http.Request.Host.Host), patterns)) return next(http);
            return Problems.Make(400, "host-not-allowed", "The Host header names a host this service does not answer for",
                $"Host '{Clip(http.Request.Host.Value)}' is not one of AllowedHosts; the service writes its links for the hosts it is configured for.",
                field: "Host", detailZh: $"请求头 Host“{Clip(http.Request.Host.Value)}”不在本服务允许的主机（AllowedHosts）之列。").ExecuteAsync(http);
        });
    }

    /// <summary>ASP.NET's own host filter is turned off: the check above answers in problem+json, in both languages.</summary>
    public static void ReplaceHostFiltering(this IServiceCollection services) =>
        services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);

    private static string Clip(string? s) => s is null ? "" : s.Length <= 60 ? s : s[..60] + "…";
}
