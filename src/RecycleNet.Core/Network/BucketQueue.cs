namespace RecycleNet.Core.Network;

/// <summary>
/// The walking search's queue: Dial's buckets of <see cref="Width"/> metres, in a ring. A node waits in the bucket of its
/// distance; the search empties the buckets in order, and a node improved within the bucket being emptied (over an edge
/// shorter than the width) is simply emptied again with it, so distances stay exact (label-correcting within a bucket,
/// as delta-stepping does). Pushes and pops are O(1) array appends and removals: no heap order to keep, which was the
/// search's cost (a binary heap spent ~140 ns per node here). The ring needs as many buckets as the longest edge, or
/// the spread of the sources' starting distances, spans — an entry never lies a whole ring ahead.
/// </summary>
internal sealed class BucketQueue
{
    /// <summary>Bucket width, metres.</summary>
    public const double Width = 2.0;
    private const double PerMetre = 1 / Width;

    private int[][] _items = [];
    private int[] _counts = [];
    private int _mask; // the ring's length is a power of two: a bucket's slot is its low bits, not a 64-bit division
    private int _total;

    public int Count => _total;

    /// <summary>Prepares an empty ring that can hold entries up to <paramref name="spanM"/> metres ahead of the one being emptied.</summary>
    public void Reset(double spanM)
    {
        var needed = (int)Math.Min(1 << 30, Math.Ceiling(spanM / Width) + 2);
        var slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)needed);
        if (slots > _items.Length)
        {
            Array.Resize(ref _items, slots);
            Array.Resize(ref _counts, slots);
        }
        _mask = _items.Length - 1;
        if (_total != 0) Array.Clear(_counts); // a search that ran to the end left every bucket empty
        _total = 0;
    }

    public static long BucketOf(double d) => (long)(d * PerMetre);

    /// <summary>Where in the ring <paramref name="bucket"/> lies.</summary>
    public int SlotOf(long bucket) => (int)bucket & _mask;

    public void Push(int node, long bucket)
    {
        var slot = (int)bucket & _mask;
        var items = _items[slot] ??= new int[16];
        var n = _counts[slot];
        if (n == items.Length)
        {
            Array.Resize(ref items, n * 2);
            _items[slot] = items;
        }
        items[n] = node;
        _counts[slot] = n + 1;
        _total++;
    }

    /// <summary>Takes any entry of the bucket at <paramref name="slot"/> (<see cref="SlotOf"/>); false when it is empty.</summary>
    public bool TryTake(int slot, out int node)
    {
        var n = _counts[slot];
        if (n == 0) { node = -1; return false; }
        node = _items[slot][n - 1];
        _counts[slot] = n - 1;
        _total--;
        return true;
    }
}
