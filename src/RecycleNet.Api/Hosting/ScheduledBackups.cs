using Microsoft.Extensions.Options;
using RecycleNet.Api.Settings;
using RecycleNet.Core.Database;

namespace RecycleNet.Api.Hosting;

/// <summary>What the scheduled backups have done since the start: how many were taken, the last one, the last failure.</summary>
public sealed class BackupStatus
{
    private int taken;
    public int Taken => taken;
    public BackupSummary? Last { get; private set; }
    public string? LastError { get; private set; }

    internal void Took(BackupSummary b) { Last = b; LastError = null; Interlocked.Increment(ref taken); }
    internal void Failed(string error) => LastError = error;
}

/// <summary>
/// Scheduled backups of the embedded store (RecycleNet:Backups): SQLite's online backup while the service runs, into the
/// folder, named by time; each is checked (integrity_check) before it is named, and only then are the oldest beyond Keep
/// deleted, so a failed backup never costs a good one. The first is taken at start when the newest in the folder is older
/// than the interval (or there is none). A failure is logged and tried again at the next interval; it never stops the service.
/// </summary>
public sealed class ScheduledBackups(StoreSettings store, IOptions<BackupSettings> options, BackupStatus status, TimeProvider time,
    IWebHostEnvironment env, ILogger<ScheduledBackups> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Folder) || store.Kind != StoreKind.Sqlite) return;
        var folder = Path.GetFullPath(Path.Combine(env.ContentRootPath, settings.Folder));
        Directory.CreateDirectory(folder);
        var wait = BackupRotation.Due(Directory.EnumerateFiles(folder), settings.Every, time.GetUtcNow());
        log.LogInformation("Scheduled backups into {Folder} every {Every}, keeping {Keep}; the next in {Wait}", folder, settings.Every, settings.Keep, wait);
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(wait, time, stop); }
            catch (OperationCanceledException) { return; }
            await Task.Run(() => TakeOne(folder, settings), stop);
            wait = settings.Every;
        }
    }

    private void TakeOne(string folder, BackupSettings settings)
    {
        try
        {
            var path = Path.Combine(folder, BackupRotation.NameFor(time.GetUtcNow()));
            if (File.Exists(path)) return; // one this second already
            var backup = SqliteBackup.Backup(store.ConnectionString, path);
            foreach (var old in BackupRotation.ToDelete(Directory.EnumerateFiles(folder), settings.Keep))
                File.Delete(Path.Combine(folder, old));
            status.Took(backup);
            log.LogInformation("Backed up {Store} to {Path}: {Bytes} bytes, migration {Migration}", store.Describe(), backup.Path, backup.Bytes, backup.Migration);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            status.Failed(e.Message);
            log.LogError(e, "The scheduled backup failed; it is tried again in {Every}", settings.Every);
        }
    }
}
