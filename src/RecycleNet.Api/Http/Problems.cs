using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RecycleNet.Core.Import;

namespace RecycleNet.Api.Http;

/// <summary>
/// RFC 7807 problem+json answers. Each names what was wrong ("field" and "rule" in plain words) so a
/// planner can fix the input; row-level import errors go in "errors" as {index, field, reason}.
/// </summary>
public static class Problems
{
    private const string TypeBase = "urn:recyclenet:problem:";

    public static ProblemHttpResult Make(int status, string kind, string title, string? detail = null, object? errors = null, string? field = null)
    {
        var p = new ProblemDetails { Status = status, Type = TypeBase + kind, Title = title, Detail = detail };
        if (field is not null) p.Extensions["field"] = field;
        if (errors is not null) p.Extensions["errors"] = errors;
        return TypedResults.Problem(p);
    }

    public static ProblemHttpResult BadParameter(string field, string rule) =>
        Make(400, "invalid-parameter", $"Invalid value for '{field}'", rule, field: field);

    /// <summary>A request body with named problems: every one in "errors" (field, reason), the first in "field".</summary>
    public static ProblemHttpResult InvalidRequest(IReadOnlyList<(string Field, string Rule)> errors) => Make(400, "invalid-request",
        errors.Count == 1 ? $"Invalid value for '{errors[0].Field}'" : $"The request has {errors.Count} problems",
        string.Join("; ", errors.Select(e => $"{e.Field} {e.Rule}")),
        errors.Select(e => new { field = e.Field, reason = e.Rule }).ToList(), errors[0].Field);

    /// <summary>A body that cannot be read at all; <paramref name="field"/> names where (a JSON path, a header, or "body").</summary>
    public static ProblemHttpResult BadBody(string detail, string field = "body") =>
        Make(400, "unreadable-body", field == "body" ? "The request body could not be read" : $"Invalid value for '{field}'", detail, field: field);

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

    public static ProblemHttpResult InvalidNetwork(string detail) => Make(422, "invalid-network", "The OSM file was refused",
        detail + " The walking network in use is unchanged.", field: "body");

    public static ProblemHttpResult NotFound(string what) => Make(404, "not-found", $"{what} was not found");

    public static ProblemHttpResult Conflict(string detail) => Make(409, "conflict", "The change conflicts with other data", detail + ". Nothing was changed.");

    public static ProblemHttpResult TooLarge(long limit) => Make(413, "body-too-large", "The request body is too large",
        $"At most {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes are accepted here (see the limits table in the README); split the import.", field: "body");

    public static ProblemHttpResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"recyclenet\"";
        return Make(401, "unauthorized", "A planner key is required", detail);
    }
}
