namespace RecycleNet.Core.Network;

/// <summary>
/// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan) on the bits of non-negative doubles, whose order is the numbers'
/// order: Dijkstra pops keys in rising order, so each entry sits in the bucket of the highest bit in which its key
/// differs from the last key popped, and moves only towards bucket 0. Entries are (key, node) pairs in 65 growable
/// arrays — no pointer chasing through a 17-level heap of 150,000 nodes, which was the search's cost. A node pushed
/// again with a lower cost leaves a stale entry, skipped when popped. Used by the walking and the road searches.
/// </summary>
internal sealed class RadixHeap
{
    private readonly List<(ulong Key, int Node)>[] _buckets = [.. Enumerable.Range(0, 65).Select(_ => new List<(ulong, int)>())];
    private ulong _last;
    private int _count;

    public int Count => _count;

    public void Push(int node, double key)
    {
        var bits = BitConverter.DoubleToUInt64Bits(key);
        _buckets[Bucket(bits)].Add((bits, node));
        _count++;
    }

    /// <summary>The entry with the least key (a stale one included: the caller compares with the node's cost).</summary>
    public (int Node, double Key) Pop()
    {
        if (_buckets[0].Count == 0)
        {
            var i = 1;
            while (_buckets[i].Count == 0) i++;
            var moving = _buckets[i];
            var min = ulong.MaxValue;
            foreach (var (k, _) in moving) if (k < min) min = k;
            _last = min;
            foreach (var entry in moving) _buckets[Bucket(entry.Key)].Add(entry);
            moving.Clear();
        }
        var zero = _buckets[0];
        var (key, node) = zero[^1];
        zero.RemoveAt(zero.Count - 1);
        _count--;
        return (node, BitConverter.UInt64BitsToDouble(key));
    }

    public void Clear()
    {
        foreach (var b in _buckets) b.Clear();
        (_last, _count) = (0, 0);
    }

    private int Bucket(ulong key) => key == _last ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(key ^ _last);
}
