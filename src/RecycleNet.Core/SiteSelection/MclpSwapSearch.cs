namespace RecycleNet.Core.SiteSelection;

/// <summary>
/// The local search of maximal covering, with every site's marginal gain kept up to date instead of recomputed: a swap
/// (drop chosen s, add j) changes coverage by gain(j) − loss(s) + shared(s, j), where shared(s, j) is the weight s alone
/// covers that j covers too. For one s, shared is non-zero only for the candidates covering a demand s alone covers, so
/// the best partner of s is found by walking those demands' candidates, plus the best gain overall — O(what s alone
/// covers × their candidates), not O(candidates × degree) as recomputing every gain costs. Keeping gains current costs
/// O(Σ candidates of the demands whose count crosses 0 or 1) per add or remove.
/// </summary>
public sealed class MclpSwapSearch
{
    private readonly CoverageSets _sets;
    private readonly int[] _byDemandOffsets, _byDemand; // demand → the candidates covering it
    private readonly int[] _count;
    private readonly long[] _gain, _loss, _shared;
    private readonly List<int> _touched = [];
    private int _bestFree = -2; // −2: to be found again (an add or remove changed the gains)

    public MclpSwapSearch(CoverageSets sets)
    {
        _sets = sets;
        (_byDemandOffsets, _byDemand) = sets.Transposed();
        _count = new int[sets.DemandCount];
        _gain = new long[sets.CandidateCount];
        _loss = new long[sets.CandidateCount];
        _shared = new long[sets.CandidateCount];
        Chosen = new bool[sets.CandidateCount];
        for (var j = 0; j < sets.CandidateCount; j++)
        {
            long g = 0;
            foreach (var i in sets.Covers(j)) g += sets.Weights[i];
            _gain[j] = g;
        }
    }

    public bool[] Chosen { get; }

    /// <summary>Weight covered by the chosen sites.</summary>
    public long Covered { get; private set; }

    /// <summary>What adding <paramref name="j"/> would gain (0 for a chosen site).</summary>
    public long Gain(int j) => _gain[j];

    /// <summary>What removing chosen <paramref name="j"/> would lose.</summary>
    public long Loss(int j) => _loss[j];

    private ReadOnlySpan<int> CoveredBy(int i) => _byDemand.AsSpan(_byDemandOffsets[i], _byDemandOffsets[i + 1] - _byDemandOffsets[i]);

    public void Add(int j)
    {
        if (Chosen[j]) throw new InvalidOperationException($"site {j} is chosen already");
        Chosen[j] = true;
        _bestFree = -2;
        var w = _sets.Weights;
        foreach (var i in _sets.Covers(j))
        {
            var before = _count[i]++;
            if (before == 0)
            {
                Covered += w[i];
                _loss[j] += w[i];
                foreach (var c in CoveredBy(i)) _gain[c] -= w[i];
            }
            else if (before == 1)
                foreach (var c in CoveredBy(i))
                    if (c != j && Chosen[c]) { _loss[c] -= w[i]; break; } // the one site that covered it alone
        }
    }

    public void Remove(int j)
    {
        if (!Chosen[j]) throw new InvalidOperationException($"site {j} is not chosen");
        Chosen[j] = false;
        _bestFree = -2;
        var w = _sets.Weights;
        foreach (var i in _sets.Covers(j))
        {
            var after = --_count[i];
            if (after == 0)
            {
                Covered -= w[i];
                _loss[j] -= w[i];
                foreach (var c in CoveredBy(i)) _gain[c] += w[i];
            }
            else if (after == 1)
                foreach (var c in CoveredBy(i))
                    if (Chosen[c]) { _loss[c] += w[i]; break; } // now the one site covering it
        }
    }

    /// <summary>
    /// The best site to add in place of chosen <paramref name="s"/>, and the change in coverage that swap makes (−1 and
    /// a non-positive change when no swap helps). <paramref name="bestFree"/> is the unchosen site of largest gain.
    /// </summary>
    public (int Site, long Delta) BestPartner(int s, int bestFree)
    {
        var w = _sets.Weights;
        foreach (var i in _sets.Covers(s))
        {
            if (_count[i] != 1) continue;
            foreach (var c in CoveredBy(i))
            {
                if (c == s || Chosen[c]) continue;
                if (_shared[c] == 0) _touched.Add(c);
                _shared[c] += w[i];
            }
        }
        int best = bestFree >= 0 && bestFree != s ? bestFree : -1;
        var bestValue = best >= 0 ? _gain[best] + _shared[best] : long.MinValue;
        foreach (var c in _touched)
        {
            var v = _gain[c] + _shared[c];
            if (v > bestValue) (best, bestValue) = (c, v);
            _shared[c] = 0;
        }
        _touched.Clear();
        return best < 0 ? (-1, 0) : (best, bestValue - _loss[s]);
    }

    /// <summary>
    /// The chosen sites near chosen <paramref name="s"/>: those covering a demand some candidate shares with s (within
    /// two radii of it), s first; at most <paramref name="most"/>. Ruining a region and rebuilding it moves several
    /// neighbouring sites at once, which no single swap can.
    /// </summary>
    public List<int> ChosenNear(int s, int most)
    {
        var near = new List<int> { s };
        _touched.Clear();
        foreach (var i in _sets.Covers(s))
            foreach (var c in CoveredBy(i))
            {
                if (_shared[c] != 0) continue;
                _shared[c] = 1;
                _touched.Add(c);
            }
        foreach (var c in _touched)
            foreach (var i in _sets.Covers(c))
            {
                if (_count[i] == 0) continue;
                foreach (var o in CoveredBy(i))
                    if (Chosen[o] && o != s && near.Count < most && !near.Contains(o)) near.Add(o);
            }
        foreach (var c in _touched) _shared[c] = 0;
        _touched.Clear();
        return near;
    }

    /// <summary>
    /// The unchosen site of largest gain, or −1. Found again only after an add or remove: a descent asks for it once per
    /// chosen site, and near a local optimum most of those asks follow no change.
    /// </summary>
    public int BestFree()
    {
        if (_bestFree != -2) return _bestFree;
        int best = -1; long bestGain = -1;
        for (var j = 0; j < _gain.Length; j++)
            if (!Chosen[j] && _gain[j] > bestGain) (best, bestGain) = (j, _gain[j]);
        return _bestFree = best;
    }

    /// <summary>
    /// Swaps while one helps: each chosen site in turn is replaced by its best partner when that covers more. Returns
    /// when no single swap improves the plan, or when <paramref name="timeUp"/> says so.
    /// </summary>
    public void Descend(List<int> chosen, Func<bool> timeUp)
    {
        var improved = true;
        while (improved && !timeUp())
        {
            improved = false;
            for (var a = 0; a < chosen.Count; a++)
            {
                var s = chosen[a];
                var (j, delta) = BestPartner(s, BestFree());
                if (j < 0 || delta <= 0) continue;
                Remove(s);
                Add(j);
                chosen[a] = j;
                improved = true;
            }
        }
    }

    /// <summary>
    /// Adds the site of largest gain until <paramref name="k"/> are chosen or nothing is left to gain, passing over the
    /// sites in <paramref name="avoid"/> (those just removed: rebuilding a ruin with them would only undo it).
    /// </summary>
    public void Fill(List<int> chosen, int k, IReadOnlySet<int>? avoid = null)
    {
        while (chosen.Count < k)
        {
            var j = -1;
            if (avoid is null || avoid.Count == 0) j = BestFree();
            else
            {
                long bestGain = 0;
                for (var c = 0; c < _gain.Length; c++)
                    if (!Chosen[c] && _gain[c] > bestGain && !avoid.Contains(c)) (j, bestGain) = (c, _gain[c]);
            }
            if (j < 0 || _gain[j] <= 0) return;
            Add(j);
            chosen.Add(j);
        }
    }

}
