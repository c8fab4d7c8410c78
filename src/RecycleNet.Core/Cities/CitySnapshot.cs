using RecycleNet.Core.Model;

namespace RecycleNet.Core.Cities;

/// <summary>
/// Everything an analysis reads about a city at one moment: districts, communities, outlets and sorting
/// centres, and the rural tiers where the city has them — townships, villages, transfer stations — and its
/// waste-sorting points (WGS84 geometries). Analyses are pure functions of a snapshot (and the networks).
/// </summary>
public sealed record CitySnapshot(IReadOnlyList<District> Districts, IReadOnlyList<Community> Communities,
    IReadOnlyList<Outlet> Outlets, IReadOnlyList<SortingCenter> SortingCenters)
{
    public IReadOnlyList<Township> Townships { get; init; } = [];
    public IReadOnlyList<Village> Villages { get; init; } = [];
    public IReadOnlyList<TransferStation> TransferStations { get; init; } = [];
    public IReadOnlyList<WasteSortingPoint> WasteSortingPoints { get; init; } = [];

    public IEnumerable<Outlet> OperatingFixedOutlets =>
        Outlets.Where(o => o.Status == FacilityStatus.Operating && o.Kind == OutletKind.Fixed);

    /// <summary>
    /// Where residents hand in recyclables at a fixed place: operating fixed outlets, and operating waste-sorting points
    /// that also take recyclables (两网融合), each of those as an outlet that says so (<see cref="Outlet.MergedPointId"/>,
    /// so no count, load or haul of outlets takes one for an outlet), of id −(point id) in answers, and of the tier of what
    /// it serves (a village's is a village outlet). Walking coverage and the village tier measure from these.
    /// </summary>
    public IEnumerable<Outlet> FixedRecyclingPoints => OperatingFixedOutlets.Concat(MergedPointsAsOutlets);

    /// <summary>Operating waste-sorting points that take recyclables, as outlets (see <see cref="FixedRecyclingPoints"/>).</summary>
    public IEnumerable<Outlet> MergedPointsAsOutlets => OperatingWasteSortingPoints
        .Where(p => p.TakesRecyclables)
        .Select(p => new Outlet
        {
            Id = -p.Id, MergedPointId = p.Id, CityId = p.CityId, Name = p.Name, Geometry = p.Geometry, Source = p.Source, Kind = OutletKind.Fixed,
            Status = FacilityStatus.Operating, Tier = p.VillageId is not null ? OutletTier.Village : OutletTier.Community,
        });

    /// <summary>The waste-sorting points in use: merged ones take recyclables, the others are candidates for merging.</summary>
    public IEnumerable<WasteSortingPoint> OperatingWasteSortingPoints => WasteSortingPoints.Where(p => p.Status == FacilityStatus.Operating);

    public IEnumerable<Outlet> OperatingMobileStations =>
        Outlets.Where(o => o.Status == FacilityStatus.Operating && o.Kind == OutletKind.Mobile);

    /// <summary>The city the snapshot is of, when its reader knows it (the service's always does): its extent frames an empty city.</summary>
    public City? City { get; init; }

    /// <summary>
    /// The extent of the city's data (districts, else communities, else outlets), or the city's configured extent before
    /// anything is imported. A snapshot with neither has no place on the map: the caller must give the city.
    /// </summary>
    public NetTopologySuite.Geometries.Envelope Extent()
    {
        var env = new NetTopologySuite.Geometries.Envelope();
        foreach (var d in Districts) env.ExpandToInclude(d.Geometry.EnvelopeInternal);
        if (env.IsNull) foreach (var c in Communities) env.ExpandToInclude(c.Geometry.EnvelopeInternal);
        if (env.IsNull) foreach (var o in Outlets) env.ExpandToInclude(o.Geometry.EnvelopeInternal);
        if (env.IsNull && City?.Extent is { } configured) env = configured;
        return env.IsNull ? throw new InvalidOperationException("a snapshot with no districts, communities or outlets needs its City to be placed") : env;
    }

    /// <summary>The longitude at the middle of the city (<see cref="Extent"/>), for choosing the metric projection.</summary>
    public double CentreLongitude() => Extent().Centre.X;
}
