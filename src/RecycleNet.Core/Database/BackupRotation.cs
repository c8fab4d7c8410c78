using System.Globalization;
using System.Text.RegularExpressions;

namespace RecycleNet.Core.Database;

/// <summary>
/// Scheduled backups' names and retention: each backup is named by its UTC time (recyclenet-20261207T031500Z.db), so the
/// names sort as the times do and the newest tells when the next is due, after a restart too. Only files of exactly that
/// name are counted or pruned: anything else in the folder (a hand-made backup, a .partial being written) is left alone.
/// </summary>
public static partial class BackupRotation
{
    [GeneratedRegex(@"^recyclenet-(\d{8}T\d{6}Z)\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex ScheduledName();

    private const string Stamp = "yyyyMMdd'T'HHmmss'Z'";

    public static string NameFor(DateTimeOffset at) => $"recyclenet-{at.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)}.db";

    /// <summary>When a scheduled backup was taken, from its name; null for any other file name.</summary>
    public static DateTimeOffset? TakenAt(string fileName) =>
        ScheduledName().Match(fileName) is { Success: true } m
        && DateTime.TryParseExact(m.Groups[1].Value, Stamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>The scheduled backups among these file names, oldest first.</summary>
    public static IReadOnlyList<string> Scheduled(IEnumerable<string> fileNames) =>
        [.. fileNames.Select(Path.GetFileName).OfType<string>().Where(n => TakenAt(n) is not null).Order(StringComparer.Ordinal)];

    /// <summary>The scheduled backups to delete so that the newest <paramref name="keep"/> remain.</summary>
    public static IReadOnlyList<string> ToDelete(IEnumerable<string> fileNames, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var all = Scheduled(fileNames);
        return [.. all.Take(Math.Max(0, all.Count - keep))];
    }

    /// <summary>How long until the next backup is due: now when there is none, else the newest's time plus the interval.</summary>
    public static TimeSpan Due(IEnumerable<string> fileNames, TimeSpan every, DateTimeOffset now)
    {
        var newest = Scheduled(fileNames).LastOrDefault() is { } n ? TakenAt(n) : null;
        if (newest is null) return TimeSpan.Zero;
        var wait = newest.Value + every - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > every ? every : wait; // a clock set back does not postpone it past one interval
    }
}
