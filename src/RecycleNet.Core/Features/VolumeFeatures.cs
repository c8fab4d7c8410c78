using RecycleNet.Core.Layers;
using RecycleNet.Core.Model;
using RecycleNet.Core.Volumes;

namespace RecycleNet.Core.Features;

/// <summary>
/// The facilities that report volumes (outlets, sorting centres, transfer stations) as points with their last twelve
/// months' figures as properties: one property per category and unit ("paper_t", "appliances_units"), so QGIS can size
/// and colour them. Feature ids: the outlet's id; a sorting centre's + 1,000,000,000; a transfer station's + 2,000,000,000
/// (the facility property names the layer and id). Enterprises have no location and are not features.
/// </summary>
public static class VolumeFeatures
{
    /// <summary>A category and unit's property name: paper_t, scrap_steel_t, appliances_units.</summary>
    public static string Property(string category, string unit) => $"{category.Replace('-', '_')}_{unit}";

    public const string CollectionId = "facility-volumes";

    /// <summary>
    /// The collection's schema: one property per category and unit of <paramref name="categories"/>, the categories the
    /// service is configured with (RecycleNet:VolumeCategoriesFile), the same the reports are read against.
    /// </summary>
    public static CollectionInfo CollectionFor(VolumeCategories categories) => new(CollectionId, "回收量 Facility volumes",
        "Outlets, sorting centres and transfer stations with what they reported in the last twelve full months, per category and unit " +
        "(tonnes, 台, 辆); months is how many of the twelve they reported. From the monthly volume reports (POST /api/import/volumes).",
        "point",
        [
            new LayerField("facility", "string", "layer and id, e.g. outlets/12"), new LayerField("facilityType", "string", "outlets | sorting-centers | transfer-stations"),
            new LayerField("name", "string", "名称 name"), new LayerField("status", "string", "planned | operating | closed"),
            new LayerField("from", "string", "first month of the twelve, yyyy-MM"), new LayerField("to", "string", "last month of the twelve, yyyy-MM"),
            new LayerField("months", "integer", "months of the twelve with a figure"), new LayerField("tonnes", "number", "all categories reported in tonnes, t"),
            .. categories.All.SelectMany(c => c.Units.Select(u => new LayerField(Property(c.Id, u), "number",
                $"{c.LabelZh} ({c.LabelEn}), {categories.Unit(u).LabelZh} ({u})"))),
        ]);

    private static long FeatureId(FacilityKind kind, long id) => kind switch
    {
        FacilityKind.SortingCenter => 1_000_000_000 + id,
        FacilityKind.TransferStation => 2_000_000_000 + id,
        _ => id,
    };

    /// <param name="collection">The collection (<see cref="CollectionFor"/>): its category properties are the ones written.</param>
    /// <param name="totals">Per facility, category and unit over the twelve months (what Storage/VolumeStore.FacilityTotalsAsync reads).</param>
    /// <param name="months">Per facility, how many months it reported.</param>
    public static IEnumerable<FeatureRecord> Build(CollectionInfo collection, FacilityDirectory facilities, IReadOnlyList<VolumeTotal> totals,
        IReadOnlyDictionary<(FacilityKind, long), int> months, ReportMonth from, ReportMonth to)
    {
        var byFacility = totals.ToLookup(t => (t.Kind!.Value, t.FacilityId!.Value));
        foreach (var f in facilities.All.Where(f => f.Location is not null).OrderBy(f => FeatureId(f.Kind, f.Id)))
        {
            var mine = byFacility[(f.Kind, f.Id)].ToList();
            var props = new List<KeyValuePair<string, object?>>
            {
                new("facility", f.Ref), new("facilityType", FacilityDirectory.RouteOf(f.Kind)), new("name", f.Name),
                new("status", f.Status?.ToString().ToLowerInvariant()), new("from", from.ToString()), new("to", to.ToString()),
                new("months", (long)months.GetValueOrDefault((f.Kind, f.Id))),
                new("tonnes", mine.Where(t => t.Unit == "t").Sum(t => t.QuantityMilli) / 1000m),
            };
            foreach (var field in collection.Fields.Skip(8))
            {
                var t = mine.FirstOrDefault(x => Property(x.Category!, x.Unit) == field.Name);
                props.Add(new(field.Name, t is null ? null : t.QuantityMilli / 1000m));
            }
            yield return new FeatureRecord(FeatureId(f.Kind, f.Id), f.Location!, props);
        }
    }
}
