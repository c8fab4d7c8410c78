using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Layers;

/// <summary>Township transfer stations (乡镇中转站): each stands in a township.</summary>
public sealed class TransferStationLayer : LayerDefinition<TransferStation>
{
    private static readonly LayerField StatusF = new("status", "string", "planned | operating | closed", HeaderSynonyms.Of("transfer-stations", "status"));
    private static readonly LayerField CapacityF = new("capacityTonnesPerDay", "number", "design capacity, t/day", HeaderSynonyms.Of("transfer-stations", "capacityTonnesPerDay"));
    private static readonly LayerField TownshipF = new("township", "string", "乡镇 township name, code or id; found by point-in-polygon when absent", HeaderSynonyms.Of("transfer-stations", "township"));
    private static readonly LayerField TownshipIdF = new("townshipId", "integer", "id of the township");

    // Declared after the fields above: static initialisers run in textual order.
    public static readonly TransferStationLayer Instance = new();

    public override string Name => "transfer-stations";
    public override string Title => "乡镇中转站 Transfer stations";
    public override string Description => "Township transfer stations (乡镇中转站): status, capacity in tonnes per day, the township each stands in.";
    public override bool IsPoint => true;
    public override bool NeedsTownships => true;
    public override bool UsesLookups => true;
    public override IReadOnlyList<LayerField> Fields { get; } = [NameField, StatusF, CapacityF, TownshipF, TownshipIdF, OutletLayer.ClosedF, SourceField];

    public override IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(TransferStation e, LayerLookups lookups) =>
    [
        P("name", e.Name), P("source", e.Source), P("status", e.Status.ToString().ToLowerInvariant()),
        P("capacityTonnesPerDay", e.CapacityTonnesPerDay), P("townshipId", lookups.ForAnotherStore ? null : (long?)e.TownshipId),
        P("township", lookups.TownshipNames.GetValueOrDefault(e.TownshipId)), P("closedOn", e.ClosedOn),
    ];

    public override void ReadProperties(RowReader r, TransferStation target, ImportContext ctx, long? locatedDistrictId)
    {
        ReadCommon(r, target);
        target.Status = r.Enum(StatusF, OutletLayer.StatusSynonyms) ?? FacilityStatus.Operating;
        target.CapacityTonnesPerDay = r.Number(CapacityF, min: 0, max: 100_000);
        target.ClosedOn = r.Date(OutletLayer.ClosedF);
        target.TownshipId = TownshipPlacement.Place(r, TownshipF, TownshipIdF, target.Geometry, ctx, locatedDistrictId, required: true)?.Id ?? 0;
    }
}
