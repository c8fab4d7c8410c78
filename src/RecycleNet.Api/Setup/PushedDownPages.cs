using RecycleNet.Core.Features;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Setup;

/// <summary>
/// On the PostgreSQL store, a page of a stored layer that selects — bbox, CQL2 filter, property equalities, dates — is
/// answered by the database (<see cref="PostgisFilter"/>, the GiST index), so an instance need not hold a large layer to
/// filter it; plain pages, tiles and the computed collections keep using the in-memory tables. Both give the same
/// <see cref="FeaturePage"/> of <see cref="FeatureRecord"/>s, written by the same GeoJSON, HTML and download writers.
/// On SQLite (no spatial functions) every page comes from the table.
/// </summary>
public sealed class PushedDownPages(IServiceScopeFactory scopes)
{
    public sealed record Plan(LayerDefinition Layer, SqlWhere Where);

    /// <summary>What the database would run for <paramref name="q"/>, or null when the in-memory table answers it.</summary>
    public Plan? For(CollectionInfo collection, FeatureQuery q)
    {
        if (LayerCatalog.All.FirstOrDefault(l => l.Name == collection.Id) is not { } layer) return null;
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<FeatureStore>().Plan(layer, q) is { } where ? new Plan(layer, where) : null;
    }

    public async Task<FeaturePage> QueryAsync(Plan plan, FeatureQuery q, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FeatureStore>().QueryAsync(plan.Layer, plan.Where, q, ct);
    }
}
