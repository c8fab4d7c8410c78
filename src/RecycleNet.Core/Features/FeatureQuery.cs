using NetTopologySuite.Geometries;

namespace RecycleNet.Core.Features;

/// <summary>
/// A page request over a collection. <see cref="Bbox"/> is in WGS84 degrees (features intersecting it match);
/// <see cref="PropertyEquals"/> are property = value tests (text compared as <see cref="Layers.PropertyValues.Text"/> writes
/// it; numbers numerically; a list matches when one of its items does); <see cref="From"/>..<see cref="To"/>
/// (either open) test the collection's date property, both ends included.
/// </summary>
public sealed record FeatureQuery
{
    public Envelope? Bbox { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 100;
    public IReadOnlyList<(string Name, string Value)> PropertyEquals { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool HasDates => From is not null || To is not null;

    /// <summary>A parsed CQL2 filter each feature must meet (evaluated by <see cref="Cql2Evaluator"/>).</summary>
    public Cql2Expression? Filter { get; init; }
}

/// <summary>One page: how many features match in all, and the ones in [offset, offset + limit), by id.</summary>
public sealed record FeaturePage(int NumberMatched, IReadOnlyList<FeatureRecord> Features);
