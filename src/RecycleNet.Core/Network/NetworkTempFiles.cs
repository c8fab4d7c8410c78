using System.Diagnostics;

namespace RecycleNet.Core.Network;

/// <summary>
/// The temporary files an upload passes through (the upload itself, a Shapefile's unpacked members), named with the
/// process's id: an instance that was killed mid-upload leaves its file behind, and the next start of any instance on
/// the machine removes the files of processes that no longer run (<see cref="SweepOrphans"/>), never a live one's.
/// </summary>
public static class NetworkTempFiles
{
    private const string Prefix = "recyclenet-network-";

    /// <summary>A fresh path for this process.</summary>
    public static string NewPath() => Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");

    /// <summary>A read-write file that is deleted when closed.</summary>
    public static FileStream Create() =>
        new(NewPath(), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);

    /// <summary>Removes the files of processes no longer running; returns how many. Files of the old unnumbered form are removed when an hour old.</summary>
    public static int SweepOrphans(string? folder = null)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder ?? Path.GetTempPath(), Prefix + "*.tmp"))
        {
            var name = Path.GetFileNameWithoutExtension(file)[Prefix.Length..];
            var dash = name.IndexOf('-');
            var orphan = dash > 0 && int.TryParse(name[..dash], out var pid)
                ? !Running(pid)
                : File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddHours(-1);
            if (!orphan) continue;
            try { File.Delete(file); removed++; }
            catch (IOException) { } // another instance removed it first, or holds it
            catch (UnauthorizedAccessException) { }
        }
        return removed;
    }

    private static bool Running(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
