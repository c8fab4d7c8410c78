using System.Globalization;

namespace RecycleNet.Tests.Api.Ogc;

/// <summary>Debian's GDAL (gdal-bin, installed by .ci/run) run as a real client of the service.</summary>
public static class Gdal
{
    public static bool Installed => File.Exists("/usr/bin/ogr2ogr") && File.Exists("/usr/bin/ogrinfo");

    public static (int Exit, string Out, string Err) Run(string tool, params string[] args)
    {
        var r = TestProcess.Run($"/usr/bin/{tool}", args, TimeSpan.FromMinutes(3), env: new Dictionary<string, string> { ["GDAL_HTTP_TIMEOUT"] = "60" });
        return (r.Exit, r.Out, r.Err);
    }

    /// <summary>Runs a tool and fails the test with its error output when it fails.</summary>
    public static string Ok(string tool, params string[] args)
    {
        var (exit, output, error) = Run(tool, args);
        if (exit != 0) throw new Xunit.Sdk.XunitException($"{tool} {string.Join(' ', args)} exited {exit}: {error}");
        return output;
    }

    /// <summary>"Feature Count: N" of one layer, from ogrinfo -so.</summary>
    public static int FeatureCount(string summary)
    {
        var line = summary.Split('\n').Single(l => l.StartsWith("Feature Count:", StringComparison.Ordinal));
        return int.Parse(line["Feature Count:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>A layer as CSV rows with X and Y columns, read by GDAL (its own idea of x and y).</summary>
    public static List<Dictionary<string, string>> Csv(string source, string? layer = null, params string[] extra)
    {
        var args = new List<string> { "-f", "CSV", "/vsistdout/", source };
        if (layer is not null) args.Add(layer);
        args.AddRange(["-lco", "GEOMETRY=AS_XY"]);
        args.AddRange(extra);
        var lines = Ok("ogr2ogr", [.. args]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(',');
        // The columns read here (X, Y, id, name) hold no commas.
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second.Trim('"'))).ToList();
    }
}

public sealed class GdalFactAttribute : FactAttribute
{
    public GdalFactAttribute()
    {
        if (!Gdal.Installed) Skip = "needs GDAL (apt-get install gdal-bin)";
    }
}

/// <summary>The demo service on a real port (Kestrel), since GDAL is a separate process.</summary>
public sealed class KestrelService : IDisposable
{
    public ServiceFactory Factory { get; } = new();

    public KestrelService()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
    }

    public string BaseUrl => Factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public void Dispose() => Factory.Dispose();
}
