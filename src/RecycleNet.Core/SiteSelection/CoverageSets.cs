namespace RecycleNet.Core.SiteSelection;

/// <summary>
/// Which demand points each candidate site would cover, stored sparsely (compressed rows: candidate j covers
/// <c>Demands[Offsets[j] .. Offsets[j+1]]</c>) — never a dense demand × candidate matrix. Weights are households.
/// Demands already covered by today's network are left out before building, so every weight here is a gain.
/// </summary>
public sealed class CoverageSets
{
    public CoverageSets(long[] weights, int[] offsets, int[] demands)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != demands.Length)
            throw new ArgumentException("offsets must start at 0 and end at the number of demand entries", nameof(offsets));
        Weights = weights; Offsets = offsets; Demands = demands;
    }

    /// <summary>Weight (households) of each demand point.</summary>
    public long[] Weights { get; }

    public int[] Offsets { get; }
    public int[] Demands { get; }

    public int DemandCount => Weights.Length;
    public int CandidateCount => Offsets.Length - 1;

    /// <summary>The demands candidate <paramref name="j"/> covers.</summary>
    public ReadOnlySpan<int> Covers(int j) => Demands.AsSpan(Offsets[j], Offsets[j + 1] - Offsets[j]);

    /// <summary>The candidates covering each demand (compressed rows, candidates ascending): the sets read the other way.</summary>
    public (int[] Offsets, int[] Candidates) Transposed()
    {
        var offsets = new int[DemandCount + 1];
        foreach (var i in Demands) offsets[i + 1]++;
        for (var i = 0; i < DemandCount; i++) offsets[i + 1] += offsets[i];
        var items = new int[Demands.Length];
        var next = offsets[..^1].ToArray();
        for (var j = 0; j < CandidateCount; j++)
            foreach (var i in Covers(j)) items[next[i]++] = j;
        return (offsets, items);
    }

    /// <summary>The total weight a set of candidates covers (each demand once). O(Σ degree).</summary>
    public long Value(IEnumerable<int> chosen)
    {
        var seen = new bool[DemandCount];
        long total = 0;
        foreach (var j in chosen)
            foreach (var i in Covers(j))
                if (!seen[i]) { seen[i] = true; total += Weights[i]; }
        return total;
    }

    /// <summary>Builds the sets from one list of covered demands per candidate.</summary>
    public static CoverageSets FromLists(long[] weights, IReadOnlyList<IReadOnlyCollection<int>> covers)
    {
        var offsets = new int[covers.Count + 1];
        for (var j = 0; j < covers.Count; j++) offsets[j + 1] = offsets[j] + covers[j].Count;
        var demands = new int[offsets[^1]];
        for (var j = 0; j < covers.Count; j++)
        {
            var k = offsets[j];
            foreach (var i in covers[j].Order()) demands[k++] = i;
        }
        return new CoverageSets(weights, offsets, demands);
    }
}
