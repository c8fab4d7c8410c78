using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Layers;

/// <summary>Household-waste sorting points (生活垃圾分类投放点), those that also take recyclables (两网融合) flagged.</summary>
public sealed class WasteSortingPointLayer : LayerDefinition<WasteSortingPoint>
{
    private static readonly LayerField KindF = new("kind", "string", "station (定时定点投放站) | bins (分类桶点) | smart (智能投放设备)", HeaderSynonyms.Of("waste-sorting-points", "kind"));
    private static readonly LayerField StatusF = new("status", "string", "planned | operating | closed", HeaderSynonyms.Of("waste-sorting-points", "status"));
    private static readonly LayerField RecyclablesF = new("takesRecyclables", "boolean", "also takes recyclables: a merged point (两网融合)", HeaderSynonyms.Of("waste-sorting-points", "takesRecyclables"));
    private static readonly LayerField CommunityF = new("community", "string", "小区 the community served: id or unique name", HeaderSynonyms.Of("waste-sorting-points", "community"));
    private static readonly LayerField CommunityIdF = new("communityId", "integer", "id of the community served");
    private static readonly LayerField VillageF = new("village", "string", "村 the village served: id or unique name", HeaderSynonyms.Of("waste-sorting-points", "village"));
    private static readonly LayerField VillageIdF = new("villageId", "integer", "id of the village served");

    public static readonly IReadOnlyDictionary<string, WasteSortingPointKind> KindSynonyms = new Dictionary<string, WasteSortingPointKind>
    {
        ["投放站"] = WasteSortingPointKind.Station, ["投放亭"] = WasteSortingPointKind.Station, ["定时定点投放站"] = WasteSortingPointKind.Station,
        ["桶点"] = WasteSortingPointKind.Bins, ["分类桶点"] = WasteSortingPointKind.Bins, ["投放点"] = WasteSortingPointKind.Bins,
        ["智能"] = WasteSortingPointKind.Smart, ["智能投放设备"] = WasteSortingPointKind.Smart, ["智能回收箱"] = WasteSortingPointKind.Smart,
    };

    // Declared after the fields above: static initialisers run in textual order.
    public static readonly WasteSortingPointLayer Instance = new();

    public override string Name => "waste-sorting-points";
    public override string Title => "垃圾分类投放点 Waste-sorting points";
    public override string Description =>
        "Household-waste sorting points (生活垃圾分类投放点): kind, the community or village served, and whether the point also takes recyclables (两网融合).";
    public override bool IsPoint => true;
    public override IReadOnlyList<LayerField> Fields { get; } =
        [NameField, KindF, StatusF, RecyclablesF, CommunityF, CommunityIdF, VillageF, VillageIdF, SourceField];

    public override IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(WasteSortingPoint e, LayerLookups lookups) =>
    [
        P("name", e.Name), P("source", e.Source), P("kind", e.Kind.ToString().ToLowerInvariant()), P("status", e.Status.ToString().ToLowerInvariant()),
        P("takesRecyclables", e.TakesRecyclables),
        // For files meant for another store, references are names: ids differ there.
        P("community", e.CommunityId is { } c && lookups.CommunityNamesForReferences is { } cn ? cn[c] : null),
        P("communityId", lookups.CommunityNamesForReferences is null ? e.CommunityId : null),
        P("village", e.VillageId is { } v && lookups.VillageNamesForReferences is { } vn ? vn[v] : null),
        P("villageId", lookups.VillageNamesForReferences is null ? e.VillageId : null),
    ];

    public override bool RefersToCommunities(IEnumerable<ImportRow> rows) =>
        rows.Any(r => RowReader.RawOf(r, CommunityF) is not null || RowReader.RawOf(r, CommunityIdF) is not null);

    public override bool RefersToVillages(IEnumerable<ImportRow> rows) =>
        rows.Any(r => RowReader.RawOf(r, VillageF) is not null || RowReader.RawOf(r, VillageIdF) is not null);

    public override void ReadProperties(RowReader r, WasteSortingPoint target, ImportContext ctx, long? locatedDistrictId)
    {
        ReadCommon(r, target);
        target.Kind = r.Enum(KindF, KindSynonyms) ?? WasteSortingPointKind.Bins;
        target.Status = r.Enum(StatusF, OutletLayer.StatusSynonyms) ?? FacilityStatus.Operating;
        target.TakesRecyclables = r.Bool(RecyclablesF) ?? false;
        target.CommunityId = Reference(r, CommunityF, CommunityIdF, ctx.Communities);
        target.VillageId = Reference(r, VillageF, VillageIdF, ctx.Villages);
        if (target.CommunityId is not null && target.VillageId is not null)
            r.Error("village", "a point serves a community or a village, not both", "一个垃圾分类投放点服务小区或村，不能两者都填");
    }

    private static long? Reference(RowReader r, LayerField field, LayerField idField, ReferenceLookup lookup)
    {
        if (r.Reference(field, idField) is not { } item) return null;
        var (id, problem) = lookup.Resolve(item);
        if (problem is not { } why) return id;
        r.Error(r.Raw(field) is not null ? field.Name : idField.Name, why);
        return null;
    }
}
