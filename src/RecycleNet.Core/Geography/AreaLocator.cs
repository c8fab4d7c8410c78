using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Geography;

/// <summary>
/// Finds the area (district, township) containing a point (prepared geometries under an STR-tree: O(log n) candidates,
/// then a fast point-in-polygon), and, for a point outside every area, the nearest one and its distance in metres in
/// the local Gauss-Kruger zone. Also resolves areas by name or code.
/// </summary>
public class AreaLocator<T> where T : SpatialEntity
{
    private readonly List<T> _areas;
    private readonly Func<T, string> _code;
    private readonly STRtree<(T Area, IPreparedGeometry Prepared)> _index = new();
    private readonly LocalProjection? _projection;
    // Keyed by the area itself: areas not yet stored all have id 0.
    private readonly Dictionary<T, Geometry> _projected = new(ReferenceEqualityComparer.Instance);

    /// <param name="code">The area's code (adcode, township code), which references may give instead of its name.</param>
    public AreaLocator(IEnumerable<T> areas, Func<T, string> code)
    {
        _areas = areas.ToList();
        _code = code;
        foreach (var a in _areas)
            _index.Insert(a.Geometry.EnvelopeInternal, (a, PreparedGeometryFactory.Prepare(a.Geometry)));
        _index.Build();
        if (_areas.Count > 0)
        {
            var env = new Envelope();
            foreach (var a in _areas) env.ExpandToInclude(a.Geometry.EnvelopeInternal);
            _projection = LocalProjection.ForLongitude(env.Centre.X);
        }
    }

    public bool IsEmpty => _areas.Count == 0;

    public IReadOnlyList<T> Areas => _areas;

    /// <summary>The area with this exact name, code or (stored) id, or null.</summary>
    public T? Find(string nameOrCode) =>
        _areas.FirstOrDefault(a => _code(a) == nameOrCode || a.Name == nameOrCode)
        ?? (long.TryParse(nameOrCode, out var id) && id > 0 ? _areas.FirstOrDefault(a => a.Id == id) : null);

    /// <summary>
    /// The area containing <paramref name="p"/> with distance 0, or the nearest area and its distance in metres when
    /// none contains it; (null, +inf) when there are no areas.
    /// </summary>
    public (T? Area, double DistanceM) Locate(Point p)
    {
        foreach (var (area, prepared) in _index.Query(p.EnvelopeInternal))
            if (prepared.Covers(p)) return (area, 0);
        if (_projection is null) return (null, double.PositiveInfinity);
        var (x, y) = _projection.Project(p.X, p.Y);
        var q = new Point(x, y);
        T? best = null;
        var bestM = double.PositiveInfinity;
        foreach (var a in _areas)
        {
            if (!_projected.TryGetValue(a, out var g)) _projected[a] = g = _projection.Project(a.Geometry);
            var m = g.Distance(q);
            if (m < bestM) (best, bestM) = (a, m);
        }
        return (best, bestM);
    }

    /// <summary>How far (m) <paramref name="p"/> lies outside <paramref name="area"/>: 0 inside or on its edge.</summary>
    public double DistanceOutside(T area, Point p)
    {
        if (area.Geometry.Covers(p) || _projection is null) return 0;
        if (!_projected.TryGetValue(area, out var g)) _projected[area] = g = _projection.Project(area.Geometry);
        var (x, y) = _projection.Project(p.X, p.Y);
        return g.Distance(new Point(x, y));
    }
}

/// <summary>Districts (区县) by adcode or name, and by location.</summary>
public sealed class DistrictLocator(IEnumerable<District> districts) : AreaLocator<District>(districts, d => d.Adcode)
{
    /// <summary>
    /// How far outside every district (metres) a place is still put in the nearest one: outlines are generalised and
    /// points digitised on another base map sit a little off. The one tolerance imports, analyses and siting share.
    /// </summary>
    public const double ToleranceM = 500;

    public static readonly DistrictLocator Empty = new([]);

    public IReadOnlyList<District> Districts => Areas;
}

/// <summary>Townships (乡镇/街道) by their 9-digit code or name, and by location.</summary>
public sealed class TownshipLocator(IEnumerable<Township> townships) : AreaLocator<Township>(townships, t => t.Code)
{
    public static readonly TownshipLocator Empty = new([]);
}
