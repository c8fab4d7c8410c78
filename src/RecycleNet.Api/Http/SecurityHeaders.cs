namespace RecycleNet.Api.Http;

/// <summary>
/// Headers on every response (the page, its scripts and styles, the API and the OGC HTML): a Content-Security-Policy
/// that runs only this origin's script files (no inline script, no eval, no plugins, no foreign frames around us),
/// nosniff so a GeoJSON answer is never taken for a script, and no Referer carrying a page address elsewhere.
/// Even if a name slipped into markup, the browser would refuse to run it.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? baseMapUrl)
    {
        var csp = Policy(baseMapUrl);
        return app.Use((http, next) =>
        {
            // Set as the headers go out, not as the request comes in: the exception handler clears the response's headers
            // before it writes a 500, and those answers need the policy as much as any.
            http.Response.OnStarting(static state =>
            {
                var (response, policy) = ((HttpResponse, string))state;
                var h = response.Headers;
                h.ContentSecurityPolicy = policy;
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, (http.Response, csp));
            return next(http);
        });
    }

    /// <summary>The policy; the base map's tile host is allowed for images only.</summary>
    public static string Policy(string? baseMapUrl)
    {
        var img = TileSource(baseMapUrl) is { } tiles ? $"'self' {tiles}" : "'self'";
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src {img}; connect-src 'self'; font-src 'self'; "
             + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    }

    /// <summary>
    /// The CSP source for a tile URL template: "https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org".
    /// CSP allows a wildcard only as the leftmost label, so every label up to the last templated one becomes that wildcard.
    /// </summary>
    public static string? TileSource(string? template)
    {
        if (string.IsNullOrWhiteSpace(template)) return null;
        var schemeEnd = template.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return null;
        var scheme = template[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https")) return null;
        var rest = template[(schemeEnd + 3)..];
        var hostEnd = rest.IndexOfAny(['/', '?', '#']);
        var host = hostEnd < 0 ? rest : rest[..hostEnd];
        var labels = host.Split('.');
        var last = Array.FindLastIndex(labels, l => l.Contains('{'));
        if (last >= 0) host = string.Join('.', ["*", .. labels[(last + 1)..]]);
        // Only host characters may reach the header: anything else would let configuration inject directives.
        if (host.Length == 0 || host.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '*' or ':'))) return null;
        return $"{scheme}://{host}";
    }
}
