namespace RecycleNet.Core.Layers;

/// <summary>All layers by URL name.</summary>
public static class LayerCatalog
{
    public static readonly IReadOnlyList<LayerDefinition> All =
        [DistrictLayer.Instance, CommunityLayer.Instance, OutletLayer.Instance, SortingCenterLayer.Instance,
         TownshipLayer.Instance, VillageLayer.Instance, TransferStationLayer.Instance, WasteSortingPointLayer.Instance];

    public static LayerDefinition? Find(string name) =>
        All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
}
