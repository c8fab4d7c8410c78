using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Layers;

/// <summary>Villages (行政村/自然村): points with residents and households, each in a township of its county.</summary>
public sealed class VillageLayer : LayerDefinition<Village>
{
    private static readonly LayerField KindF = new("kind", "string", "administrative (行政村) | natural (自然村)", HeaderSynonyms.Of("villages", "kind"));
    private static readonly LayerField PopulationF = new("population", "integer", "人口 residents", HeaderSynonyms.Of("villages", "population"));
    private static readonly LayerField HouseholdsF = new("households", "integer", "户数 households; estimated from the county's household size when absent", HeaderSynonyms.Of("villages", "households"));
    private static readonly LayerField TownshipF = new("township", "string", "乡镇 township name, code or id; found by point-in-polygon when absent", HeaderSynonyms.Of("villages", "township"));
    private static readonly LayerField TownshipIdF = new("townshipId", "integer", "id of the township");
    private static readonly LayerField DistrictF = new("district", "string", "区县 county (by point-in-polygon)");

    public static readonly IReadOnlyDictionary<string, VillageKind> KindSynonyms = new Dictionary<string, VillageKind>
    {
        ["行政村"] = VillageKind.Administrative, ["村委会"] = VillageKind.Administrative, ["社区"] = VillageKind.Administrative,
        ["自然村"] = VillageKind.Natural, ["村民小组"] = VillageKind.Natural,
    };

    // Declared after the fields above: static initialisers run in textual order.
    public static readonly VillageLayer Instance = new();

    public override string Name => "villages";
    public override string Title => "村庄 Villages";
    public override string Description => "Villages (行政村/自然村) with residents and households; each lies in a township of its county.";
    public override bool IsPoint => true;
    public override bool NeedsTownships => true;
    public override bool UsesLookups => true;
    public override IReadOnlyList<LayerField> Fields { get; } = [NameField, KindF, PopulationF, HouseholdsF, TownshipF, TownshipIdF, DistrictF, SourceField];

    public override IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(Village e, LayerLookups lookups) =>
    [
        P("name", e.Name), P("source", e.Source), P("kind", e.Kind.ToString().ToLowerInvariant()), P("population", (long)e.Population),
        P("households", (long)e.Households), P("townshipId", lookups.ForAnotherStore ? null : (long?)e.TownshipId),
        P("township", e.TownshipId is { } t ? lookups.TownshipNames.GetValueOrDefault(t) : null),
        P("district", e.DistrictId is { } d ? lookups.DistrictNames.GetValueOrDefault(d) : null),
    ];

    public override void ReadProperties(RowReader r, Village target, ImportContext ctx, long? locatedDistrictId)
    {
        ReadCommon(r, target);
        target.Kind = r.Enum(KindF, KindSynonyms) ?? VillageKind.Administrative;
        target.Population = r.Integer(PopulationF, required: true, max: 1_000_000) ?? 0;
        var households = r.Integer(HouseholdsF, max: 500_000);
        var county = locatedDistrictId is { } id ? ctx.Districts.Districts.FirstOrDefault(d => d.Id == id) : null;
        target.Households = households ?? (county is { AvgHouseholdSize: > 0 } c ? (int)Math.Round(target.Population / c.AvgHouseholdSize) : 0);
        if (households is null && county is null && target.Population > 0)
            r.Error("households", "is required where no county gives a household size", "所在县区没有户均人口时必填");
        target.DistrictId = locatedDistrictId;
        target.TownshipId = TownshipPlacement.Place(r, TownshipF, TownshipIdF, target.Geometry, ctx, locatedDistrictId, required: false)?.Id;
    }

    public override async Task<Reason?> ReplaceConflictAsync(RecycleNetDb db, CancellationToken ct)
    {
        var points = await db.WasteSortingPoints.CountAsync(w => w.VillageId != null, ct);
        var stations = await db.Outlets.CountAsync(o => o.ServedVillageIds.Any(), ct);
        return points + stations == 0 ? null
            : new Reason($"{points} waste-sorting points and {stations} mobile stations name villages they serve; clear those references first",
                $"有 {points} 个垃圾分类投放点和 {stations} 个流动回收站指明了所服务的村；请先清除这些引用");
    }

    public override async Task<Reason?> DeleteConflictAsync(RecycleNetDb db, long id, CancellationToken ct)
    {
        var points = await db.WasteSortingPoints.CountAsync(w => w.VillageId == id, ct);
        var stations = await db.Outlets.Where(o => o.ServedVillageIds.Contains(id)).Select(o => o.Id).ToListAsync(ct);
        return points + stations.Count == 0 ? null
            : new Reason($"village {id} is served by {points} waste-sorting points and mobile station(s) {string.Join(", ", stations)}; change or delete them first",
                $"村 {id} 由 {points} 个垃圾分类投放点和流动回收站 {string.Join("、", stations)} 服务；请先修改或删除它们");
    }
}
