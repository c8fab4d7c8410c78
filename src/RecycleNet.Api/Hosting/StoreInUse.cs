using RecycleNet.Api.Settings;
using RecycleNet.Core.Database;

namespace RecycleNet.Api.Hosting;

/// <summary>Holds <see cref="SqliteStoreLock"/> shared while the service runs on a SQLite store, so that a restore waits for it to stop.</summary>
public sealed class StoreInUse(StoreSettings store) : IHostedService, IDisposable
{
    private IDisposable? held;

    public Task StartAsync(CancellationToken ct)
    {
        if (store.Kind == StoreKind.Sqlite) held = SqliteStoreLock.Share(store.ConnectionString);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        held?.Dispose();
        held = null;
    }
}
