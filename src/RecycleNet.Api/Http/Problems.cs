using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RecycleNet.Core.Import;
using RecycleNet.Core.Input;

namespace RecycleNet.Api.Http;

/// <summary>
/// RFC 7807 problem+json answers. Each names what was wrong ("field" and "rule" in plain words) so a
/// planner can fix the input; row-level import errors go in "errors" as {index, field, reason}.
/// </summary>
public static class Problems
{
    private const string TypeBase = "urn:recyclenet:problem:";

    /// <param name="detailZh">The detail in Chinese, answered as "detailZh" (the page shows it first; the title it says by the type).</param>
    public static ProblemHttpResult Make(int status, string kind, string title, string? detail = null, object? errors = null, string? field = null,
        string? detailZh = null)
    {
        var p = new ProblemDetails { Status = status, Type = TypeBase + kind, Title = title, Detail = detail };
        if (field is not null) p.Extensions["field"] = field;
        if (detailZh is not null) p.Extensions["detailZh"] = detailZh;
        if (errors is not null) p.Extensions["errors"] = errors;
        return TypedResults.Problem(p);
    }

    /// <param name="ruleZh">The rule in Chinese (answered as "detailZh", which the page shows first).</param>
    public static ProblemHttpResult BadParameter(string field, string rule, string? ruleZh = null) =>
        Make(400, "invalid-parameter", $"Invalid value for '{field}'", rule, field: field, detailZh: ruleZh);

    public static ProblemHttpResult BadParameter(FieldError e) => BadParameter(e.Field, e.Rule, e.RuleZh);

    public static ProblemHttpResult BadParameter(string field, Reason reason) => BadParameter(field, reason.En, reason.Zh);

    /// <summary>A request body with named problems: every one in "errors" (field, reason, reasonZh), the first in "field".</summary>
    public static ProblemHttpResult InvalidRequest(IReadOnlyList<FieldError> errors) => Make(400, "invalid-request",
        errors.Count == 1 ? $"Invalid value for '{errors[0].Field}'" : $"The request has {errors.Count} problems",
        string.Join("; ", errors.Select(e => $"{e.Field} {e.Rule}")), Listed(errors), errors[0].Field);

    /// <summary>Field errors as problem+json lists them: field, reason, and reasonZh where the rule gives it.</summary>
    public static List<FieldErrorAnswer> Listed(IEnumerable<FieldError> errors) => [.. errors.Select(e => new FieldErrorAnswer(e.Field, e.Rule, e.RuleZh))];

    /// <summary>A body that cannot be read at all; <paramref name="field"/> names where (a JSON path, a header, or "body").</summary>
    public static ProblemHttpResult BadBody(string detail, string field = "body", string? detailZh = null) =>
        Make(400, "unreadable-body", field == "body" ? "The request body could not be read" : $"Invalid value for '{field}'", detail, field: field, detailZh: detailZh);

    /// <param name="more">Further members of the problem (an import's dry run adds how it read the columns, and a preview).</param>
    public static ProblemHttpResult Invalid(IReadOnlyList<ImportError> errors, string what, IReadOnlyDictionary<string, object?>? more = null)
    {
        var problem = Make(422, "invalid-input",
            errors.Count == 1 ? $"{what} was refused: 1 problem" : $"{what} was refused: {errors.Count} problems",
            "Nothing was changed. Each error gives the feature index (GeoJSON, from 0) or sheet row (CSV/XLSX, header = row 1), the field and the rule broken.",
            errors.Select(e => new { index = e.Index, field = e.Field, reason = e.Reason, reasonZh = e.ReasonZh }).ToList());
        foreach (var (k, v) in more ?? new Dictionary<string, object?>()) problem.ProblemDetails.Extensions[k] = v;
        return problem;
    }

    public static ProblemHttpResult InvalidNetwork(Reason why) => Make(422, "invalid-network", "The network file was refused",
        why.En + " The walking network in use is unchanged.", field: "body", detailZh: why.Zh + "正在使用的步行路网未改变。");

    /// <summary>A <c>policy</c> that is unknown (404) or another city's (400): <see cref="Core.Cities.CityPolicy"/>.</summary>
    public static ProblemHttpResult PolicyRefused(Core.Cities.PolicyChoice choice) => choice.Unknown
        ? Make(404, "not-found", "The policy was not found", choice.Refusal!.Value.En, field: "policy", detailZh: choice.Refusal.Value.Zh)
        : BadParameter("policy", choice.Refusal!.Value);

    /// <param name="whatZh">What was looked for, in Chinese (e.g. 选址任务 12).</param>
    public static ProblemHttpResult NotFound(string what, string whatZh) =>
        Make(404, "not-found", $"{what} was not found", detailZh: $"未找到{whatZh}。");

    public static ProblemHttpResult Conflict(Reason why) =>
        Make(409, "conflict", "The change conflicts with other data", why.En + ". Nothing was changed.", detailZh: why.Zh + "。未作任何修改。");

    public static ProblemHttpResult TooLarge(long limit) => Make(413, "body-too-large", "The request body is too large",
        $"At most {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes are accepted here (see the limits table in the README); split the import.", field: "body",
        detailZh: $"此处最多接受 {limit.ToString("N0", CultureInfo.InvariantCulture)} 字节（见 README 中的限额表）；请拆分后分批导入。");

    public static ProblemHttpResult Unauthorized(HttpContext http, Reason why)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"recyclenet\"";
        return Make(401, "unauthorized", "A key or token is required", why.En, detailZh: why.Zh);
    }

    /// <summary>403: the caller is known, and its role or binding does not reach this route (<see cref="Core.Access.Caller"/>).</summary>
    public static ProblemHttpResult Forbidden(Reason why) => Make(403, "forbidden", "This key or token may not do this", why.En, field: "authorization", detailZh: why.Zh);

    /// <summary>429 with Retry-After: <paramref name="perKey"/> says whether the key's bucket or the address's ran out.</summary>
    public static ProblemHttpResult RateLimited(HttpContext http, int retry, bool perKey = false)
    {
        http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        return perKey
            ? Make(429, "rate-limited", "Too many writes by this key",
                $"Wait {retry} s and try again. Limits per key are in the README (RecycleNet:RateLimits:WritesPerKey).", field: "authorization",
                detailZh: $"请等 {retry} 秒后再试。每个密钥的写入限额见 README（RecycleNet:RateLimits:WritesPerKey）。")
            : Make(429, "rate-limited", "Too many requests from this address",
                $"Wait {retry} s and try again. Limits per client address are in the README (RecycleNet:RateLimits).", field: "client",
                detailZh: $"请等 {retry} 秒后再试。每个客户端地址的限额见 README（RecycleNet:RateLimits）。");
    }
}

/// <summary>A field and the rule it breaks, as problem+json's "errors" and a plan's warnings list them.</summary>
public sealed record FieldErrorAnswer(string Field, string Reason, string? ReasonZh);
