using System.Runtime.CompilerServices;

namespace RecycleNet.Tests;

/// <summary>
/// Every temporary file and folder of a test run — the tests' own, the services' stores, osmium's, GDAL's and the
/// browser's (child processes inherit TMPDIR) — goes under one folder of the run, removed when the run ends. The test
/// host is often stopped before its exit handlers run: then the next run removes it (its process is gone), so at most
/// one run's folder (~50 MB) is ever left.
/// </summary>
internal static class TestRunTemp
{
    private const string Prefix = "recyclenet-tests-";

    [ModuleInitializer]
    internal static void Start()
    {
        var system = Path.GetTempPath();
        foreach (var old in Directory.EnumerateDirectories(system, Prefix + "*"))
            if (int.TryParse(Path.GetFileName(old)[Prefix.Length..], out var pid) && !Directory.Exists($"/proc/{pid}"))
                TryDelete(old);
        var root = Path.Combine(system, Prefix + Environment.ProcessId);
        Directory.CreateDirectory(root);
        Environment.SetEnvironmentVariable("TMPDIR", root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { } // a file still open: the next run removes it
        catch (UnauthorizedAccessException) { }
    }
}
