using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace RecycleNet.Core.Geography;

/// <summary>For STR-tree nearest-neighbour queries over points: the distance between point envelopes is the distance between the points.</summary>
internal sealed class PointDistance : IItemDistance<Envelope, int>
{
    public static readonly PointDistance Instance = new();

    public double Distance(IBoundable<Envelope, int> a, IBoundable<Envelope, int> b) => a.Bounds.Distance(b.Bounds);
}
