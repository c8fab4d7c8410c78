using System.Diagnostics;

namespace RecycleNet.Tests;

/// <summary>
/// A tool run as the tests run them (GDAL, QGIS's Python, node, the service's own commands): arguments as a list, never
/// through a shell; both outputs read at once, so neither pipe fills and stalls the tool; killed, with its command line
/// in the failure, when it runs past its time.
/// </summary>
public static class TestProcess
{
    public sealed record Result(int Exit, string Out, string Err)
    {
        public string All => Out + Err;
    }

    /// <param name="workingDirectory">Null: the test's own.</param>
    public static Result Run(string file, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        var list = args.ToList();
        foreach (var a in list) start.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', list)} did not end in {timeout}");
        }
        return new(p.ExitCode, stdout.Result, stderr.Result);
    }
}
