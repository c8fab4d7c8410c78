using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Layers;

/// <summary>Sorting centres, green digital-smart ones flagged.</summary>
public sealed class SortingCenterLayer : LayerDefinition<SortingCenter>
{
    private static readonly LayerField StatusF = new("status", "string", "planned | operating | closed", HeaderSynonyms.Of("sorting-centers", "status"));
    private static readonly LayerField CapacityF = new("capacityTonnesPerDay", "number", "design capacity, t/day", HeaderSynonyms.Of("sorting-centers", "capacityTonnesPerDay"));
    private static readonly LayerField GreenF = new("greenCertified", "boolean", "green digital-smart sorting centre (绿色数智化分拣中心)", HeaderSynonyms.Of("sorting-centers", "greenCertified"));

    private static readonly LayerField TierF = new("tier", "string", "city (市级分拣中心) | county (县域分拣中心, where transfer stations haul)", HeaderSynonyms.Of("sorting-centers", "tier"));

    public static readonly IReadOnlyDictionary<string, CenterTier> TierSynonyms = new Dictionary<string, CenterTier>
    {
        ["市级"] = CenterTier.City, ["城市"] = CenterTier.City, ["县域"] = CenterTier.County, ["县级"] = CenterTier.County, ["县域分拣中心"] = CenterTier.County,
    };

    // Declared after the fields above: static initialisers run in textual order.
    public static readonly SortingCenterLayer Instance = new();

    public override string Name => "sorting-centers";
    public override string Title => "分拣中心 Sorting centres";
    public override string Description => "Sorting centres (分拣中心): status, capacity in tonnes per day, green certification.";
    public override bool IsPoint => true;
    public override IReadOnlyList<LayerField> Fields { get; } = [NameField, StatusF, CapacityF, GreenF, TierF, OutletLayer.ClosedF, SourceField];

    public override IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(SortingCenter e, LayerLookups lookups) =>
    [
        P("name", e.Name), P("source", e.Source), P("status", e.Status.ToString().ToLowerInvariant()),
        P("capacityTonnesPerDay", e.CapacityTonnesPerDay), P("greenCertified", e.GreenCertified), P("tier", e.Tier.ToString().ToLowerInvariant()),
        P("closedOn", e.ClosedOn),
    ];

    public override void ReadProperties(RowReader r, SortingCenter target, ImportContext ctx, long? locatedDistrictId)
    {
        ReadCommon(r, target);
        target.Status = r.Enum(StatusF, OutletLayer.StatusSynonyms) ?? FacilityStatus.Operating;
        target.CapacityTonnesPerDay = r.Number(CapacityF, min: 0, max: 1_000_000);
        target.GreenCertified = r.Bool(GreenF) ?? false;
        target.Tier = r.Enum(TierF, TierSynonyms) ?? CenterTier.City;
        target.ClosedOn = r.Date(OutletLayer.ClosedF);
    }
}
