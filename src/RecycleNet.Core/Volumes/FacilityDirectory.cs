using NetTopologySuite.Geometries;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Model;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.Volumes;

/// <summary>A facility that reports volumes, as reports and figures name it.</summary>
/// <param name="DistrictId">The district it stands in (the nearest within the import tolerance); null for an enterprise.</param>
public sealed record ReportingFacility(FacilityKind Kind, long Id, string Name, DateOnly? OpenedOn, DateOnly? ClosedOn, long? DistrictId,
    Point? Location, FacilityStatus? Status)
{
    /// <summary>"outlets/12": the layer (or "enterprises") and id, as routes name it.</summary>
    public string Ref => $"{FacilityDirectory.RouteOf(Kind)}/{Id}";
}

/// <summary>
/// A city's reporting facilities — outlets, sorting centres, transfer stations and enterprises — found by kind and id, or
/// by a name unique among them all (a form names 单位名称 and nothing else). Only the city's own: a facility of another
/// city is unknown here.
/// </summary>
public sealed class FacilityDirectory
{
    private readonly Dictionary<(FacilityKind, long), ReportingFacility> _byId = [];
    private readonly Dictionary<string, List<ReportingFacility>> _byName = new(StringComparer.Ordinal);

    public FacilityDirectory(IEnumerable<ReportingFacility> facilities)
    {
        foreach (var f in facilities)
        {
            _byId[(f.Kind, f.Id)] = f;
            var name = f.Name.Trim();
            if (!_byName.TryGetValue(name, out var list)) _byName[name] = list = [];
            list.Add(f);
        }
    }

    public IEnumerable<ReportingFacility> All => _byId.Values;

    public ReportingFacility? Find(FacilityKind kind, long id) => _byId.GetValueOrDefault((kind, id));

    /// <summary>Those named <paramref name="name"/> (after trimming): none, one, or several (ambiguous).</summary>
    public IReadOnlyList<ReportingFacility> Named(string name) => _byName.GetValueOrDefault(name.Trim()) ?? [];

    /// <summary>The facilities of a city snapshot and its enterprises, each placed in its district.</summary>
    public static FacilityDirectory Of(CitySnapshot city, IEnumerable<Enterprise> enterprises, double districtToleranceM = Geography.DistrictLocator.ToleranceM)
    {
        var districts = new DistrictLocator(city.Districts);
        long? District(Point p)
        {
            if (districts.IsEmpty) return null;
            var (d, metres) = districts.Locate(p);
            return metres <= districtToleranceM ? d?.Id : null;
        }
        return new FacilityDirectory(
            city.Outlets.Select(o => new ReportingFacility(FacilityKind.Outlet, o.Id, o.Name, o.OpenedOn, o.ClosedOn, District(o.Location), o.Location, o.Status))
            .Concat(city.SortingCenters.Select(c => new ReportingFacility(FacilityKind.SortingCenter, c.Id, c.Name, null, c.ClosedOn, District(c.Location), c.Location, c.Status)))
            .Concat(city.TransferStations.Select(s => new ReportingFacility(FacilityKind.TransferStation, s.Id, s.Name, null, s.ClosedOn, District(s.Location), s.Location, s.Status)))
            .Concat(enterprises.Select(e => new ReportingFacility(FacilityKind.Enterprise, e.Id, e.Name, null, null, null, null, null))));
    }

    /// <summary>The route segment of a kind: outlets, sorting-centers, transfer-stations, enterprises.</summary>
    public static string RouteOf(FacilityKind kind) => kind switch
    {
        FacilityKind.Outlet => "outlets",
        FacilityKind.SortingCenter => "sorting-centers",
        FacilityKind.TransferStation => "transfer-stations",
        _ => "enterprises",
    };

    /// <summary>A kind as forms and requests name it: the route segment, its singular, the enum name, or the Chinese.</summary>
    public static FacilityKind? ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "outlets" or "outlet" or "回收网点" or "网点" => FacilityKind.Outlet,
        "sorting-centers" or "sorting-center" or "sortingcenter" or "分拣中心" => FacilityKind.SortingCenter,
        "transfer-stations" or "transfer-station" or "transferstation" or "中转站" or "乡镇中转站" => FacilityKind.TransferStation,
        "enterprises" or "enterprise" or "企业" or "拆解企业" or "回收企业" => FacilityKind.Enterprise,
        _ => null,
    };
}
