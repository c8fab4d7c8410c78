using RecycleNet.Core.Model;

namespace RecycleNet.Api.Auth;

/// <summary>
/// Audit entries for the writes of a request, named after the key or person that wrote. Handlers add them to the same
/// context and transaction as the write itself (see <see cref="AuditEntry"/>); GET /api/audit reads them.
/// </summary>
public static class AuditTrail
{
    public static AuditEntry Entry(HttpContext http, string action, string? target, long? id = null, long? before = null, long? after = null,
        string? detail = null) => new()
        {
            At = DateTime.UtcNow, Planner = Access.Of(http).Name, Action = action, Target = target, FeatureId = id,
            VersionBefore = before, VersionAfter = after, Detail = detail,
        };
}
