using NetTopologySuite.Geometries;
using RecycleNet.Core.Model;
using RecycleNet.Core.Policies;
using static RecycleNet.Tests.Core.Network.TestNetworks;
using RecycleNet.Core.Cities;

namespace RecycleNet.Tests.Core.Coverage;

/// <summary>
/// A small city on <see cref="RiverWithOneBridge"/>, drawn in local metres (y up):
/// <code>
///   West district (x &lt; 0)          |          East district (x &gt; 0)
///                                    |                 C5 (1500,1000) 300 hh, far from any street
///   S1 centre (-2500,0)              |                                        S2 centre (2500,0)
///   north bank  C1(-1400,120)  F1*(-500,110)  |  bridge        C4 (1500,100) 400 hh, served by M1
///               1000 hh, pop 2500   C6(-1000,0) 200 hh: in the river, 100 m from both banks
///   south bank           C2(-500,-120) 800 hh    C3 (300,-110) 600 hh        F4 (1800,-110)
/// </code>
/// F1: operating modern fixed outlet. F4: operating fixed, not modern. F2 (closed) sits next to C2 and
/// F3 is only planned. M1: operating mobile station (not modern) listing C4; M9: closed station listing C2.
/// Households 3,300; West census 30,000 residents at 3.0 per household (80 % urban), East 25,000 at 2.5 (50 %).
/// </summary>
public static class HandMadeCity
{
    private static Point P(double dx, double dy) => At(dx, dy);

    public static CitySnapshot Build()
    {
        var west = new District { Id = 1, Name = "西区", Adcode = "379901", Population = 30_000, AvgHouseholdSize = 3.0, UrbanShare = 0.8, Geometry = Box(-3000, -3000, 0, 3000) };
        var east = new District { Id = 2, Name = "东区", Adcode = "379902", Population = 25_000, AvgHouseholdSize = 2.5, UrbanShare = 0.5, Geometry = Box(0, -3000, 3000, 3000) };
        Community C(long id, double x, double y, int hh, long district, int? pop = null) =>
            new() { Id = id, Name = $"C{id}", Households = hh, Population = pop, DistrictId = district, Geometry = P(x, y) };
        var communities = new List<Community>
        {
            C(1, -1400, 120, 1000, 1, 2500), C(2, -500, -120, 800, 1), C(3, 300, -110, 600, 2),
            C(4, 1500, 100, 400, 2), C(5, 1500, 1000, 300, 2), C(6, -1000, 0, 200, 1),
        };
        Outlet O(long id, double x, double y, OutletKind kind, FacilityStatus status, bool modern, params long[] serves) =>
            new() { Id = id, Name = $"O{id}", Kind = kind, Status = status, Modern = modern, Geometry = P(x, y), ServedCommunityIds = [.. serves] };
        var outlets = new List<Outlet>
        {
            O(1, -500, 110, OutletKind.Fixed, FacilityStatus.Operating, true),
            O(2, -500, -110, OutletKind.Fixed, FacilityStatus.Closed, true),
            O(3, 1000, 110, OutletKind.Fixed, FacilityStatus.Planned, true),
            O(4, 1800, -110, OutletKind.Fixed, FacilityStatus.Operating, false),
            O(11, 1500, 100, OutletKind.Mobile, FacilityStatus.Operating, false, 4),
            O(19, -600, -120, OutletKind.Mobile, FacilityStatus.Closed, false, 2),
        };
        SortingCenter S(long id, double x, double y, FacilityStatus status, bool green, double capacity) =>
            new() { Id = id, Name = $"S{id}", Status = status, GreenCertified = green, CapacityTonnesPerDay = capacity, Geometry = P(x, y) };
        var centres = new List<SortingCenter>
        {
            S(1, -2500, 0, FacilityStatus.Operating, true, 1), S(2, 2500, 0, FacilityStatus.Operating, false, 100),
            S(3, 0, 2000, FacilityStatus.Planned, true, 100),
        };
        return new CitySnapshot([west, east], communities, outlets, centres);
    }

    private static readonly Citation Cite = new("plan", "附件1", "第42项", "到 2027 年，发展绿色数智化分拣中心 12 个，建设现代化回收网点 120 个。");

    /// <summary>A policy asking for 10 modern outlets and 2 green centres by 2027, plus a metric the service does not hold.</summary>
    public static Policy Policy() => new("test-city", "测试市", "Test City", "测试方案", "测政发〔2024〕1号", "测试市人民政府", new DateOnly(2024, 5, 1),
        [new PolicyDocument("plan", "测试方案", "none.txt")],
        [
            new PolicyTarget("outlets-2027", "modernOutlets", "现代化回收网点", "modern outlets", "count", 10, "outlets", 2027, null, false, Cite),
            new PolicyTarget("centres-2027", "greenSortingCenters", "绿色数智化分拣中心", "green centres", "count", 2, "centres", 2027, null, false, Cite),
            new PolicyTarget("appliances-2027", "applianceRecyclingGrowth", "家电回收量增长", "appliance growth", "growth", 0.3m, "share", 2027, 2023, false, Cite),
            new PolicyTarget("outlets-2025", "modernOutlets", "现代化回收网点", "modern outlets", "count", 5, "outlets", 2025, null, false, Cite),
        ], []);
}
