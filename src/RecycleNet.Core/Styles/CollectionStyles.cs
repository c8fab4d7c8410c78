using RecycleNet.Core.Features;
using static RecycleNet.Core.Styles.MapPalette;

namespace RecycleNet.Core.Styles;

/// <summary>
/// Every collection's style, with the page's symbols (map.js draws each layer with these colours and sizes: a Leaflet
/// circle marker's radius r is a circle of 2r pixels here) and, for district-coverage, the page's classes of the
/// districts' shares now. Written as QGIS's QML and as SLD (<see cref="QmlWriter"/>, <see cref="SldWriter"/>).
/// </summary>
public static class CollectionStyles
{
    private static Symbol Dot(string fill, double radius, bool ring = true) => new(fill, ring ? 1 : 0.9, ring ? "#ffffff" : null, ring ? 2 : 0, 2 * radius);

    /// <param name="shares">district-coverage's shares, for its classes; ignored for the other collections.</param>
    public static CollectionStyle For(CollectionInfo c, IEnumerable<double>? shares = null)
    {
        var point = c.GeometryType == "point";
        IReadOnlyList<StyleRule> rules = c.Id switch
        {
            "districts" => [new("District", "区县", null, new Symbol(null, 0, DistrictOutline, 1.2))],
            "townships" => [new("Township", "乡镇（街道）", null, new Symbol(null, 0, Township, 1, Dashed: true))],
            "communities" => [new("Community", "小区", null, Dot(Unknown, 3, ring: false))],
            "villages" => [new("Village", "行政村", null, Dot(Unknown, 3, ring: false))],
            "outlets" =>
            [
                new("Not operating", "未运营", new StyleTest.Equal("status", "operating", Not: true), Dot(Inactive, 6)),
                new("Mobile station", "流动回收站点", new StyleTest.All([new StyleTest.Equal("status", "operating"), new StyleTest.Equal("kind", "mobile")]), Dot(Mobile, 6)),
                new("Fixed outlet", "固定回收网点", null, Dot(Fixed, 6)),
            ],
            "sorting-centers" =>
            [
                new("Green digital-smart centre", "绿色数智化分拣中心", new StyleTest.Equal("greenCertified", true), Dot(Green, 9)),
                new("Sorting centre", "分拣中心", null, Dot(Centre, 9)),
            ],
            "transfer-stations" =>
            [
                new("Not operating", "未运营", new StyleTest.Equal("status", "operating", Not: true), Dot(Inactive, 7)),
                new("Transfer station", "乡镇中转站", null, Dot(StationServed, 7)),
            ],
            "waste-sorting-points" =>
            [
                new("Takes recyclables (两网融合)", "兼收可回收物（两网融合）", new StyleTest.Equal("takesRecyclables", true), Dot(Merged, 4, ring: false)),
                new("Waste-sorting point", "垃圾分类投放点", null, Dot(Point, 2, ring: false)),
            ],
            "life-circles" => [new("15-minute life circle", "一刻钟生活圈", null, new Symbol(Circle, 0.08, Circle, 1))],
            "coverage-gaps" => [new("Uncovered community", "未覆盖小区", null, Dot(Uncovered, 3, ring: false))],
            "district-coverage" => [.. CoverageClasses.Of(shares ?? []).Select((k, i) => new StyleRule(
                k.Label, k.Label, new StyleTest.Range("share", k.From, k.To, IncludeTo: true),
                new Symbol(k.Colour, 0.6, DistrictOutline, 1.2)))],
            "siting-proposals" => [.. Tier.Select(t => new StyleRule(t.Key, TierZh(t.Key), new StyleTest.Equal("kind", t.Key), Dot(t.Value, 8))),
                new("Proposed site", "建议选址", null, Dot(Tier["outlet"], 8))],
            "plan-sites" => [new("Plan site", "方案选址", null, new Symbol("#ffffff", 0.9, Centre, 3, 16))],
            _ => [new(c.Title, c.Title, null, point ? Dot(Fixed, 5) : new Symbol(null, 0, DistrictOutline, 1))],
        };
        // The classes touch at their edges: a share on an edge goes to the class above it, as the page's classOf does.
        if (c.Id == "district-coverage")
            rules = [.. rules.Select((r, i) => r.Test is StyleTest.Range g && i < rules.Count - 1 ? r with { Test = g with { IncludeTo = false } } : r)];
        return new CollectionStyle(c.Id, c.Title, point, rules);
    }

    private static string TierZh(string kind) => kind switch
    {
        "villageOutlet" => "村级回收网点",
        "transferStation" => "乡镇中转站",
        "countyCentre" => "县域分拣中心",
        "sortingCenter" => "分拣中心",
        _ => "回收网点",
    };
}
