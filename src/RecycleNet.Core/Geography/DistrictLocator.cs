using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Geography;

/// <summary>
/// Finds the district containing a point (prepared geometries under an STR-tree: O(log n) candidates,
/// then a fast point-in-polygon), and, for a point outside every district, the nearest one and its
/// distance in metres in the local Gauss-Kruger zone. Also resolves districts by name or adcode.
/// </summary>
public sealed class DistrictLocator
{
    private readonly List<District> _districts;
    private readonly STRtree<(District District, IPreparedGeometry Prepared)> _index = new();
    private readonly LocalProjection? _projection;
    // Keyed by the district itself: districts not yet stored all have id 0.
    private readonly Dictionary<District, Geometry> _projected = new(ReferenceEqualityComparer.Instance);

    public DistrictLocator(IEnumerable<District> districts)
    {
        _districts = districts.ToList();
        foreach (var d in _districts)
            _index.Insert(d.Geometry.EnvelopeInternal, (d, PreparedGeometryFactory.Prepare(d.Geometry)));
        _index.Build();
        if (_districts.Count > 0)
        {
            var env = new Envelope();
            foreach (var d in _districts) env.ExpandToInclude(d.Geometry.EnvelopeInternal);
            _projection = LocalProjection.ForLongitude(env.Centre.X);
        }
    }

    public static readonly DistrictLocator Empty = new([]);

    public bool IsEmpty => _districts.Count == 0;

    public IReadOnlyList<District> Districts => _districts;

    /// <summary>The district with this exact name or adcode, or null.</summary>
    public District? Find(string nameOrAdcode) =>
        _districts.FirstOrDefault(d => d.Adcode == nameOrAdcode || d.Name == nameOrAdcode);

    /// <summary>
    /// The district containing <paramref name="p"/> with distance 0, or the nearest district and its
    /// distance in metres when no district contains it; (null, +inf) when there are no districts.
    /// </summary>
    public (District? District, double DistanceM) Locate(Point p)
    {
        foreach (var (district, prepared) in _index.Query(p.EnvelopeInternal))
            if (prepared.Covers(p)) return (district, 0);
        if (_projection is null) return (null, double.PositiveInfinity);
        var (x, y) = _projection.Project(p.X, p.Y);
        var q = new Point(x, y);
        District? best = null;
        var bestM = double.PositiveInfinity;
        foreach (var d in _districts)
        {
            if (!_projected.TryGetValue(d, out var g)) _projected[d] = g = _projection.Project(d.Geometry);
            var m = g.Distance(q);
            if (m < bestM) (best, bestM) = (d, m);
        }
        return (best, bestM);
    }
}
