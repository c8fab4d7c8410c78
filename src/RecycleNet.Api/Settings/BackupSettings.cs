namespace RecycleNet.Api.Settings;

/// <summary>
/// The "RecycleNet:Backups" section: scheduled backups of the embedded store. Off unless Folder is set; on PostgreSQL
/// the service refuses it (pg_dump from cron is the way there, README "For a bureau's IT").
/// </summary>
public sealed class BackupSettings
{
    /// <summary>Where backups are written (relative to the content root); none: no scheduled backups.</summary>
    public string? Folder { get; set; }

    /// <summary>How often, e.g. "1.00:00:00" (daily, the default) or "06:00:00".</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many scheduled backups to keep; the oldest beyond it are deleted after each new one checks out.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>What is wrong with the settings, naming the setting, or null.</summary>
    public string? Problem(StoreKind store) =>
        string.IsNullOrWhiteSpace(Folder) ? null
        : store == StoreKind.Postgres ? "RecycleNet:Backups:Folder schedules backups of the embedded SQLite store; on PostgreSQL back up with pg_dump (README, \"For a bureau's IT\") and remove the setting"
        : Every < TimeSpan.FromSeconds(1) ? $"RecycleNet:Backups:Every must be at least one second, got {Every}"
        : Keep < 1 ? $"RecycleNet:Backups:Keep must be at least 1, got {Keep}"
        : null;
}
