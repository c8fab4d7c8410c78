using System.ComponentModel;
using RecycleNet.Api.Http;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Input;
using RecycleNet.Api.Auth;

namespace RecycleNet.Api.Endpoints;

[Description("A page of the audit log, newest first.")]
public sealed record AuditPage(int Total, int Limit, int Offset, IReadOnlyList<AuditEntry> Entries);

/// <summary>GET /api/audit (planner key): who wrote what and when, newest first, paged.</summary>
public static class AuditEndpoints
{
    public const int DefaultLimit = 100, MaxLimit = 1000;

    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", ListAsync).WithTags("Service").Require(Need.BureauRead)
            .WithSummary("The audit log: every write with its planner key's name, time, layer, id and versions; newest first; ?limit=&offset=")
            .Produces<AuditPage>(200).ProducesProblem(400).ProducesProblem(401);

    private static async Task<IResult> ListAsync(HttpRequest req, FeatureStore store, CancellationToken ct)
    {
        if (!TryInt(req, "limit", DefaultLimit, 1, MaxLimit, out var limit, out var bad) || !TryInt(req, "offset", 0, 0, int.MaxValue, out var offset, out bad))
            return bad!;
        var (total, entries) = await store.AuditAsync(offset, limit, ct);
        return TypedResults.Ok(new AuditPage(total, limit, offset, entries));
    }

    private static bool TryInt(HttpRequest req, string name, int fallback, int min, int max, out int value, out IResult? problem)
    {
        (value, problem) = (fallback, null);
        if (!req.Query.TryGetValue(name, out var raw)) return true;
        if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
        problem = Problems.BadParameter(name, $"'{JsonFieldReader.Clip(raw.ToString())}' must be a whole number from {min} to {max:N0}",
            $"“{JsonFieldReader.Clip(raw.ToString())}”须为 {min} 到 {max:N0} 之间的整数");
        return false;
    }
}
