using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Layers;

/// <summary>Recycling outlets: fixed sites and mobile stations.</summary>
public sealed class OutletLayer : LayerDefinition<Outlet>
{
    private static readonly LayerField KindF = new("kind", "string", "fixed (固定型) | mobile (流动型)", HeaderSynonyms.Of("outlets", "kind"));
    private static readonly LayerField StatusF = new("status", "string", "planned | operating | closed", HeaderSynonyms.Of("outlets", "status"));
    private static readonly LayerField ModernF = new("modern", "boolean", "meets the modern-outlet standard (现代化回收网点)", HeaderSynonyms.Of("outlets", "modern"));
    private static readonly LayerField AreaF = new("areaM2", "number", "floor area, m²", HeaderSynonyms.Of("outlets", "areaM2"));
    private static readonly LayerField OperatorF = new("operator", "string", "operating enterprise", HeaderSynonyms.Of("outlets", "operator"));
    private static readonly LayerField OpenedF = new("openedOn", "string", "opening date, yyyy-MM-dd", HeaderSynonyms.Of("outlets", "openedOn"));
    internal static readonly LayerField ClosedF = new("closedOn", "string", "closing date, yyyy-MM-dd: no volume report may cover a later month", HeaderSynonyms.Of("outlets", "closedOn"));
    private static readonly LayerField TierF = new("tier", "string", "community (社区回收网点, reached on foot) | village (村级回收网点, reached by road)", HeaderSynonyms.Of("outlets", "tier"));
    private static readonly LayerField ServedF = new("servedCommunities", "array", "mobile stations: ids (or unique names) of the communities served", HeaderSynonyms.Of("outlets", "servedCommunities"));
    private static readonly LayerField ServedVillagesF = new("servedVillages", "array", "mobile stations: ids (or unique names) of the villages served", HeaderSynonyms.Of("outlets", "servedVillages"));

    public static readonly IReadOnlyDictionary<string, OutletKind> KindSynonyms = new Dictionary<string, OutletKind>
    {
        ["固定"] = OutletKind.Fixed, ["固定型"] = OutletKind.Fixed, ["固定型站点"] = OutletKind.Fixed,
        ["流动"] = OutletKind.Mobile, ["流动型"] = OutletKind.Mobile, ["流动站点"] = OutletKind.Mobile, ["流动型站点"] = OutletKind.Mobile,
    };

    public static readonly IReadOnlyDictionary<string, OutletTier> TierSynonyms = new Dictionary<string, OutletTier>
    {
        ["社区"] = OutletTier.Community, ["社区网点"] = OutletTier.Community, ["城区"] = OutletTier.Community,
        ["村级"] = OutletTier.Village, ["村"] = OutletTier.Village, ["村级回收网点"] = OutletTier.Village,
    };

    public static readonly IReadOnlyDictionary<string, FacilityStatus> StatusSynonyms = new Dictionary<string, FacilityStatus>
    {
        ["规划"] = FacilityStatus.Planned, ["规划中"] = FacilityStatus.Planned, ["在建"] = FacilityStatus.Planned,
        ["运营"] = FacilityStatus.Operating, ["运营中"] = FacilityStatus.Operating, ["营业"] = FacilityStatus.Operating,
        ["关闭"] = FacilityStatus.Closed, ["已关闭"] = FacilityStatus.Closed, ["停业"] = FacilityStatus.Closed,
    };

    // Declared after the fields above: static initialisers run in textual order.
    public static readonly OutletLayer Instance = new();

    public override string Name => "outlets";
    public override string Title => "回收网点 Recycling outlets";
    public override string Description => "Recycling outlets (回收网点): fixed outlets and mobile stations, status, modern standard, floor area, opening date.";
    public override string? DateField => "openedOn";
    public override bool IsPoint => true;
    public override IReadOnlyList<LayerField> Fields { get; } = [NameField, KindF, StatusF, ModernF, AreaF, OperatorF, OpenedF, ClosedF, TierF, ServedF, ServedVillagesF, SourceField];

    public override IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(Outlet e, LayerLookups lookups) =>
    [
        P("name", e.Name), P("source", e.Source), P("kind", e.Kind.ToString().ToLowerInvariant()),
        P("status", e.Status.ToString().ToLowerInvariant()), P("modern", e.Modern), P("areaM2", e.AreaM2),
        P("operator", e.Operator), P("openedOn", e.OpenedOn), P("closedOn", e.ClosedOn), P("tier", e.Tier.ToString().ToLowerInvariant()),
        // For files meant for another store, references are names: ids differ there.
        P("servedCommunities", lookups.CommunityNamesForReferences is { } names
            ? e.ServedCommunityIds.Select(id => (object?)names[id]).ToList()
            : e.ServedCommunityIds.Select(id => (object?)id).ToList()),
        P("servedVillages", lookups.VillageNamesForReferences is { } villages
            ? e.ServedVillageIds.Select(id => (object?)villages[id]).ToList()
            : e.ServedVillageIds.Select(id => (object?)id).ToList()),
    ];

    // An empty list (what a GET gives a fixed outlet, sent back by a PUT) refers to nothing.
    public override bool RefersToCommunities(IEnumerable<ImportRow> rows) =>
        rows.Any(r => RowReader.RawOf(r, ServedF) is { } v && v is not System.Collections.ICollection { Count: 0 });

    public override bool RefersToVillages(IEnumerable<ImportRow> rows) =>
        rows.Any(r => RowReader.RawOf(r, ServedVillagesF) is { } v && v is not System.Collections.ICollection { Count: 0 });

    public override void ReadProperties(RowReader r, Outlet target, ImportContext ctx, long? locatedDistrictId)
    {
        ReadCommon(r, target);
        target.Kind = r.Enum(KindF, KindSynonyms, required: true) ?? OutletKind.Fixed;
        target.Status = r.Enum(StatusF, StatusSynonyms) ?? FacilityStatus.Operating;
        target.Modern = r.Bool(ModernF) ?? false;
        target.AreaM2 = r.Number(AreaF, min: 0, max: 100_000);
        target.Operator = r.String(OperatorF);
        target.OpenedOn = r.Date(OpenedF);
        target.ClosedOn = r.Date(ClosedF);
        if (target.ClosedOn < target.OpenedOn) r.Error(ClosedF.Name, $"is before the opening date {target.OpenedOn:yyyy-MM-dd}", $"早于开业日期 {target.OpenedOn:yyyy-MM-dd}");
        target.Tier = r.Enum(TierF, TierSynonyms) ?? OutletTier.Community;
        target.ServedCommunityIds = Served(r, ServedF, target, ctx.Communities, "communities", "小区");
        target.ServedVillageIds = Served(r, ServedVillagesF, target, ctx.Villages, "villages", "村");
    }

    /// <summary>The ids a mobile station's list names; a fixed outlet may list none.</summary>
    private static List<long> Served(RowReader r, LayerField field, Outlet target, ReferenceLookup lookup, string what, string whatZh)
    {
        var ids = new List<long>();
        var served = r.List(field);
        if (served is null || served.Count == 0) return ids;
        if (target.Kind != OutletKind.Mobile)
        {
            r.Error(field.Name, $"only mobile stations (kind=mobile) list the {what} they serve", $"只有流动回收站（kind=mobile）才列出所服务的{whatZh}");
            return ids;
        }
        foreach (var item in served)
        {
            var (id, problem) = lookup.Resolve(item);
            if (problem is { } why) r.Error(field.Name, why);
            else if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }
}
