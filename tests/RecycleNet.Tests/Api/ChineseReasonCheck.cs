using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecycleNet.Tests.Api;

/// <summary>
/// Every test's HTTP client passes its answers through this check, so every test that sends a bad input, to any layer,
/// request or report, also proves the refusal can be said in Chinese, as the page says it first:
/// <list type="bullet">
/// <item>each listed error gives a Chinese reason (reasonZh) beside the English;</item>
/// <item>outside /ogc/ (whose clients are GIS programs), a problem's detail has a Chinese twin (detailZh), and its type
/// has a Chinese title in the page's i18n.js — the page shows that title, never the English one or the type code.</item>
/// </list>
/// </summary>
public sealed partial class ChineseReasonCheck : DelegatingHandler
{
    private static readonly Lazy<HashSet<string>> TitledKinds = new(() =>
        [.. ProblemKey().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "RecycleNet.Api", "wwwroot", "js", "i18n.js"))).Select(m => m.Groups[1].Value)]);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return response;
        await response.Content.LoadIntoBufferAsync(ct);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var problem = doc.RootElement;
        var path = request.RequestUri?.AbsolutePath ?? "";
        var where = $"{request.Method} {request.RequestUri?.PathAndQuery} → {(int)response.StatusCode}";
        var listed = problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0;
        if (listed)
            foreach (var e in errors.EnumerateArray())
                if (e.TryGetProperty("reason", out var reason) && !IsChinese(e, "reasonZh"))
                    throw new InvalidOperationException($"{where}: the reason '{reason}' (field {Field(e)}) has no Chinese reasonZh");
        if (path.Contains("/ogc/", StringComparison.Ordinal) || path.EndsWith("/ogc", StringComparison.Ordinal)) return response;
        // The framework's own answers (an unknown route) carry RFC 9110's type, not the service's.
        var type = problem.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        if (!type.StartsWith("urn:recyclenet:problem:", StringComparison.Ordinal)) return response;
        var kind = type["urn:recyclenet:problem:".Length..];
        if (!TitledKinds.Value.Contains(kind))
            throw new InvalidOperationException($"{where}: the problem type '{kind}' has no Chinese title ('problem.{kind}') in i18n.js");
        if (!listed && problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && !IsChinese(problem, "detailZh"))
            throw new InvalidOperationException($"{where}: the detail '{detail}' has no Chinese detailZh");
        return response;
    }

    private static string Field(JsonElement e) => e.TryGetProperty("field", out var f) ? f.ToString() : "-";

    private static bool IsChinese(JsonElement e, string member) =>
        e.TryGetProperty(member, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex(@"'problem\.([a-z-]+)'")]
    private static partial Regex ProblemKey();
}
