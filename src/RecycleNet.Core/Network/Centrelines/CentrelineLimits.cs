using RecycleNet.Core.Input;

namespace RecycleNet.Core.Network.Centrelines;

/// <summary>
/// The budget a centreline file is read under, each checked while reading and before what a file claims is allocated.
/// The defaults are sized for a whole city's 1:10,000 survey as assumed here (about 200,000 lines of 10 vertices, not
/// yet measured on a real one); what a load at the vertex limit costs in memory has not been measured either — the
/// hostile files of bench/security/hostile.sh are refused within +12 MiB.
/// </summary>
public sealed record CentrelineLimits
{
    /// <summary>Features (lines) read at most.</summary>
    public int MaxLines { get; init; } = 1_000_000;

    /// <summary>Vertices read at most, over every line.</summary>
    public long MaxVertices { get; init; } = 3_000_000;

    /// <summary>
    /// Crossings made junctions at most: <see cref="MaxCrossingsPerVertex"/> per vertex read, and never fewer than this.
    /// Survey lines mostly meet at shared vertices; lines drawn across one another without them (a grid of long straight
    /// lines) would each cross every other, a count that grows with the square of the lines.
    /// </summary>
    public long MinCrossingsAllowed { get; init; } = 20_000;

    public double MaxCrossingsPerVertex { get; init; } = 1.0;

    /// <summary>Largest GeoJSON file, bytes: it is parsed whole, so it is kept to what the vertex limit needs (GeoPackage and Shapefile stream).</summary>
    public long MaxGeoJsonBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Deepest nesting of a geometry (a collection in a collection …): no survey line is nested at all.</summary>
    public int MaxGeometryDepth { get; init; } = 8;

    /// <summary>Largest value (a geometry blob, an attribute) in a GeoPackage, bytes.</summary>
    public int MaxValueBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>How long reading and noding may take in all, checked as it goes.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>What the zip of a Shapefile may unpack to.</summary>
    public ZipLimits Zip { get; init; } = new();

    public long MaxCrossings(long vertices) => Math.Max(MinCrossingsAllowed, (long)(vertices * MaxCrossingsPerVertex));

    /// <summary>Throws when <paramref name="vertices"/>, counted so far, is past <see cref="MaxVertices"/>: every reader applies the one rule as it counts.</summary>
    public void CheckVertices(long vertices)
    {
        if (vertices > MaxVertices)
            throw new FileBudgetException(new($"the centrelines hold more than {MaxVertices:N0} vertices, the limit; split the file",
                $"道路中心线的顶点超过 {MaxVertices:N0} 个的上限；请拆分文件"));
    }
}

/// <summary>The clock of one read under <see cref="CentrelineLimits.TimeLimit"/>: checked at each row and each crossing.</summary>
public sealed class ReadDeadline(TimeSpan limit, CancellationToken ct = default)
{
    private readonly long _end = Environment.TickCount64 + (long)limit.TotalMilliseconds;

    public void Check()
    {
        ct.ThrowIfCancellationRequested();
        if (Environment.TickCount64 > _end)
            throw new FileBudgetException(new($"reading the centrelines took longer than {limit.TotalSeconds:0} s, the limit; split the file or send fewer lines",
                $"读取道路中心线超过 {limit.TotalSeconds:0} 秒的上限；请拆分文件或减少线条"));
    }
}
