using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Geography;

/// <summary>Applies a point-wise coordinate conversion to a copy of a geometry. O(vertices).</summary>
public static class CoordinateTransform
{
    public static Geometry Apply(Geometry source, Func<double, double, (double, double)> f, int? srid = null)
    {
        var copy = source.Copy();
        copy.Apply(new SequenceFilter(f));
        copy.GeometryChanged();
        if (srid is { } s) copy.SRID = s;
        return copy;
    }

    private sealed class SequenceFilter(Func<double, double, (double, double)> f) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = f(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
