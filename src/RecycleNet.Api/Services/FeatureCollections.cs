using RecycleNet.Core.Plans;
using RecycleNet.Core.Features;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Volumes;

namespace RecycleNet.Api.Services;

/// <summary>
/// The collections the service offers (the same in every city): the store layers, then the analyses as features. Made
/// once from the configuration — the volume collection's properties are the configured categories, not a file the code
/// finds on its own.
/// </summary>
public sealed class FeatureCollections
{
    public FeatureCollections(VolumeCategories categories)
    {
        Volumes = VolumeFeatures.CollectionFor(categories);
        All = [.. LayerCatalog.All.Select(l => new CollectionInfo(l.Name, l.Title, l.Description, l.IsPoint ? "point" : "polygon", l.Fields, l.DateField)),
            CoverageFeatures.LifeCircles, CoverageFeatures.Gaps, CoverageFeatures.DistrictCoverage, Siting.SitingJson.Collection, Volumes, PlanFeatures.Collection];
    }

    public IReadOnlyList<CollectionInfo> All { get; }

    /// <summary>The facilities' volumes (facility-volumes).</summary>
    public CollectionInfo Volumes { get; }

    public CollectionInfo? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}
