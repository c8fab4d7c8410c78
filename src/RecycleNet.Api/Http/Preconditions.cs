using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RecycleNet.Core.Input;

namespace RecycleNet.Api.Http;

/// <summary>
/// Optimistic concurrency over HTTP (RFC 9110 §13): a feature's or enterprise's version is its strong ETag
/// (<c>"7"</c>); PUT and DELETE must send <c>If-Match</c> with the version they were made from. No If-Match is 428;
/// a version that is no longer current is 412 with the current version (ETag) and representation, so the client
/// can show the planner what changed and nothing is lost.
/// </summary>
public static class Preconditions
{
    public static string ETag(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The versions If-Match names (null for "*", any current one), or the problem when it is missing or unreadable.</summary>
    private static BodyRead<IReadOnlySet<long>?> IfMatch(HttpRequest req, string what)
    {
        var header = req.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
            return Problems.Make(428, "precondition-required", "If-Match is required",
                $"Send If-Match with the ETag of the {what} as you read it (GET gives it; so does each feature's \"version\"), so that a change made meanwhile by someone else is not overwritten.",
                field: "If-Match", detailZh: "请以 If-Match 带上您读取时的 ETag（GET 会给出，每个要素的“version”也是），以免覆盖他人在此期间所做的修改。");
        if (header == "*") return new(null, null);
        var versions = new HashSet<long>();
        foreach (var tag in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Weak tags never match for If-Match (strong comparison); a malformed one is the client's mistake to name.
            if (tag.StartsWith("W/", StringComparison.Ordinal)) continue;
            if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"' || !long.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                return Problems.Make(400, "invalid-parameter", "Invalid value for 'If-Match'",
                    $"'{JsonFieldReader.Clip(tag)}' is not an ETag of this service; they look like \"7\"", field: "If-Match",
                    detailZh: $"“{JsonFieldReader.Clip(tag)}”不是本服务的 ETag；ETag 形如 \"7\"");
            versions.Add(v);
        }
        return new(versions, null);
    }

    private static bool Matches(IReadOnlySet<long>? expected, long current) => expected is null || expected.Contains(current);

    /// <summary>
    /// The one check of a versioned write, made once the row is found — so a missing row is 404 before a missing
    /// If-Match is 428 (an endpoint filter, running before the handler looks the row up, would turn that order round):
    /// null when the write may go on against <paramref name="current"/>; else 428 (no If-Match), 400 (an unreadable one)
    /// or the 412 <paramref name="stale"/> makes with the row as it is.
    /// </summary>
    public static async ValueTask<IResult?> RefusalAsync(HttpRequest req, string what, long current, Func<ValueTask<IResult>> stale)
    {
        var ifMatch = IfMatch(req, what);
        if (ifMatch.Problem is { } problem) return problem;
        return Matches(ifMatch.Value, current) ? null : await stale();
    }

    /// <summary>412: the stale write changed nothing; here is what is current, and (when known) who changed it last.</summary>
    public static ProblemHttpResult Stale(HttpContext http, string what, long current, object? representation, RecycleNet.Core.Model.AuditEntry? last = null)
    {
        http.Response.Headers.ETag = ETag(current);
        var p = new ProblemDetails
        {
            Status = 412, Type = "urn:recyclenet:problem:stale-version", Title = $"The {what} was changed by someone else",
            Detail = $"Your copy is not the current one (version {current}). Nothing was changed: look at the current {what} below, apply your change to it, and send it again with If-Match: {ETag(current)}.",
        };
        p.Extensions["detailZh"] = $"您的副本不是最新版本（现为第 {current} 版）。未作任何修改：请查看下面的最新内容，在其上重做您的修改，再以 If-Match: {ETag(current)} 提交。";
        p.Extensions["field"] = "If-Match";
        p.Extensions["currentVersion"] = current;
        p.Extensions["current"] = representation;
        if (last is not null)
        {
            p.Extensions["changedBy"] = last.Planner;
            p.Extensions["changedAt"] = DateTime.SpecifyKind(last.At, DateTimeKind.Utc);
        }
        return TypedResults.Problem(p);
    }
}
