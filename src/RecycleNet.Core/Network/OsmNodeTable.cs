namespace RecycleNet.Core.Network;

/// <summary>
/// The nodes an OSM reader keeps, by id: three flat arrays (24 bytes a node, against about 40 in a dictionary), looked up
/// by binary search. Sorted files (osmium, Geofabrik, planet dumps: ids ascending) append in order and are never sorted;
/// others (JOSM's negative ids, hand-edited XML) are sorted once, on the first lookup. A node given twice keeps its last
/// position, as a dictionary would.
/// </summary>
internal sealed class OsmNodeTable
{
    private long[] _ids = new long[1024];
    private double[] _lon = new double[1024], _lat = new double[1024];
    private int _count;
    private bool _sorted = true;

    public int Count => _count;

    public void Add(long id, double lon, double lat)
    {
        if (_count > 0 && _sorted)
        {
            var last = _ids[_count - 1];
            if (id == last) { _lon[_count - 1] = lon; _lat[_count - 1] = lat; return; }
            if (id < last) _sorted = false;
        }
        if (_count == _ids.Length) Grow();
        _ids[_count] = id; _lon[_count] = lon; _lat[_count] = lat;
        _count++;
    }

    public bool Contains(long id) => IndexOf(id) >= 0;

    /// <summary>The position of the node at <paramref name="index"/> (from <see cref="IndexOf"/>).</summary>
    public void At(int index, out double lon, out double lat) { lon = _lon[index]; lat = _lat[index]; }

    public int IndexOf(long id)
    {
        if (!_sorted) Sort();
        var i = Array.BinarySearch(_ids, 0, _count, id);
        return i >= 0 ? i : -1;
    }

    private void Grow()
    {
        var size = _ids.Length * 2;
        Array.Resize(ref _ids, size);
        Array.Resize(ref _lon, size);
        Array.Resize(ref _lat, size);
    }

    /// <summary>Sorts by id; of a repeated id the last one given stays (its position in the file breaks the tie).</summary>
    private void Sort()
    {
        var order = new int[_count];
        for (var i = 0; i < _count; i++) order[i] = i;
        var keys = _ids.AsSpan(0, _count).ToArray();
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var ids = new long[Math.Max(1024, _count)];
        var lon = new double[ids.Length];
        var lat = new double[ids.Length];
        var n = 0;
        foreach (var k in order)
        {
            if (n > 0 && ids[n - 1] == keys[k]) n--; // a later copy of the same id replaces the earlier
            ids[n] = keys[k]; lon[n] = _lon[k]; lat[n] = _lat[k];
            n++;
        }
        (_ids, _lon, _lat, _count, _sorted) = (ids, lon, lat, n, true);
    }
}
