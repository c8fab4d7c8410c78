using RecycleNet.Core.Database;

namespace RecycleNet.Core.Storage;

/// <summary>Whether the store answers: what /health reports, asked of the store so the endpoint need not know EF.</summary>
public sealed class StoreHealth(RecycleNetDb db)
{
    public Task<bool> CanConnectAsync(CancellationToken ct) => db.Database.CanConnectAsync(ct);
}
