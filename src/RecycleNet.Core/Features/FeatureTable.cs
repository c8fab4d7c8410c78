using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Features;

/// <summary>
/// A collection's features held in memory, ordered by id, with an STR-tree over their envelopes: a bbox page is
/// an index query, a plain page a slice. Built once per store revision and shared by concurrent readers (it is
/// immutable). Query cost: O(log n + k) for the k features in the bbox's envelopes, plus O(k) per filter.
/// </summary>
public sealed class FeatureTable
{
    private readonly FeatureRecord[] _rows;
    private readonly Dictionary<long, FeatureRecord> _byId;
    private readonly STRtree<int> _index = new();
    private static long _built;

    /// <summary>Which build this is, in this process.</summary>
    public long Build { get; } = Interlocked.Increment(ref _built);

    private readonly Lazy<string> _fingerprint;

    /// <summary>
    /// A digest of every row (<see cref="FeatureFingerprint"/>), taken on first use: what weak ETags name, so a rebuild
    /// that found the same rows keeps the tags clients hold.
    /// </summary>
    public string Fingerprint => _fingerprint.Value;

    public FeatureTable(CollectionInfo info, IEnumerable<FeatureRecord> rows)
    {
        Info = info;
        _rows = [.. rows.OrderBy(r => r.Id)];
        _byId = _rows.ToDictionary(r => r.Id);
        Extent = new Envelope();
        for (var i = 0; i < _rows.Length; i++)
        {
            var env = _rows[i].Geometry.EnvelopeInternal;
            if (env.IsNull) continue;
            _index.Insert(env, i);
            Extent.ExpandToInclude(env);
        }
        _index.Build();
        _fingerprint = new Lazy<string>(() => FeatureFingerprint.Of(_rows, _rows.Length));
    }

    public CollectionInfo Info { get; }

    public int Count => _rows.Length;

    /// <summary>The features' bounding box in WGS84 degrees; null envelope when there are none.</summary>
    public Envelope Extent { get; }

    /// <summary>The dates of <see cref="CollectionInfo.DateField"/>, earliest and latest; null when none.</summary>
    public (DateOnly First, DateOnly Last)? DateExtent => Info.DateField is { } f && _rows.Select(r => r[f]).OfType<DateOnly>().ToList() is [_, ..] d
        ? (d.Min(), d.Max()) : null;

    public FeatureRecord? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>Every feature, by id.</summary>
    public IReadOnlyList<FeatureRecord> Rows => _rows;

    public FeaturePage Query(FeatureQuery q)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(q.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(q.Limit);
        // No filter: the page is a slice and the count is known, O(limit) however deep the offset.
        if (q.Bbox is null && q.PropertyEquals.Count == 0 && !q.HasDates && q.Filter is null)
            return new FeaturePage(_rows.Length, _rows.Skip(q.Offset).Take(q.Limit).ToList());
        IEnumerable<FeatureRecord> candidates = _rows;
        // A filter confined to a box (S_INTERSECTS, alone or in an AND) is evaluated only on what the index finds
        // there: with a million rows that is the difference between a scan and a look-up.
        var confined = q.Filter is { } f0 ? Cql2Evaluator.Confinement(f0) : null;
        if (confined is { IsNull: true }) return new FeaturePage(0, []);
        // One look-up in the index, for the bbox, the filter's box, or their overlap.
        var search = (q.Bbox, confined) switch
        {
            ({ } b, { } c) => b.Intersection(c),
            ({ } b, null) => b,
            (null, var c) => c,
        };
        if (search is { IsNull: true }) return new FeaturePage(0, []);
        if (search is not null)
        {
            var hits = _index.Query(search).ToArray();
            Array.Sort(hits); // index order is id order
            candidates = hits.Select(i => _rows[i]);
        }
        if (q.Bbox is { } box)
        {
            var shape = (IPreparedGeometry)PreparedGeometryFactory.Prepare(new GeometryFactory().ToGeometry(box));
            candidates = candidates.Where(r => r.Geometry is Point || shape.Intersects(r.Geometry));
        }
        foreach (var (name, value) in q.PropertyEquals) candidates = candidates.Where(r => Matches(r[name], value));
        if (q.HasDates && Info.DateField is { } field)
            candidates = candidates.Where(r => r[field] is DateOnly d && (q.From is not { } f || d >= f) && (q.To is not { } t || d <= t));

        if (q.Filter is { } filter) candidates = candidates.Where(f => Cql2Evaluator.Matches(filter, f));
        var matched = 0;
        var page = new List<FeatureRecord>(Math.Min(q.Limit, 10_000));
        foreach (var r in candidates)
        {
            if (matched >= q.Offset && page.Count < q.Limit) page.Add(r);
            matched++;
        }
        return new FeaturePage(matched, page);
    }

    /// <summary>Whether a property value equals the filter text: numbers numerically, lists by any item.</summary>
    public static bool Matches(object? value, string wanted) => value switch
    {
        null => false,
        string s => s == wanted,
        System.Collections.IEnumerable list when value is not string => list.Cast<object?>().Any(v => Matches(v, wanted)),
        int or long or double or decimal => double.TryParse(wanted, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                                            && Convert.ToDouble(value, CultureInfo.InvariantCulture) == n,
        _ => PropertyValues.Text(value) == wanted,
    };
}
