using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Database;

/// <summary>Who last wrote a feature, from the audit log: what a refused write tells the planner ("changed by 王规划 at …").</summary>
public static class AuditLookup
{
    public static Task<AuditEntry?> LastWriteAsync(this RecycleNetDb db, string target, long id, CancellationToken ct) =>
        db.Audit.AsNoTracking().Where(a => a.Target == target && a.FeatureId == id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
}
