using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Layers;

/// <summary>Residential communities (小区): points with households.</summary>
public sealed class CommunityLayer : LayerDefinition<Community>
{
    private static readonly LayerField Households = new("households", "integer", "户数 households", HeaderSynonyms.Of("communities", "households"));
    private static readonly LayerField Population = new("population", "integer", "人口 residents", HeaderSynonyms.Of("communities", "population"));
    private static readonly LayerField DistrictF = new("district", "string", "区县 district name or adcode; found by point-in-polygon when absent", HeaderSynonyms.Of("communities", "district"));
    private static readonly LayerField DistrictIdF = new("districtId", "integer", "id of the district");

    // Declared after the fields above: static initialisers run in textual order.
    public static readonly CommunityLayer Instance = new();

    public override string Name => "communities";
    public override string Title => "居民小区 Communities";
    public override string Description => "Residential communities (小区) with households and residents; district by point-in-polygon.";
    public override bool IsPoint => true;
    public override bool UsesLookups => true;
    public override IReadOnlyList<LayerField> Fields { get; } = [NameField, Households, Population, DistrictF, DistrictIdF, SourceField];

    public override IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(Community e, LayerLookups lookups) =>
    [
        P("name", e.Name), P("source", e.Source), P("households", (long)e.Households), P("population", e.Population),
        P("districtId", e.DistrictId), P("district", e.DistrictId is { } d ? lookups.DistrictNames.GetValueOrDefault(d) : null),
    ];

    public override void ReadProperties(RowReader r, Community target, ImportContext ctx, long? locatedDistrictId)
    {
        ReadCommon(r, target);
        target.Households = r.Integer(Households, required: true) ?? 0;
        target.Population = r.Integer(Population);
        var named = r.String(DistrictF);
        if (named is not null)
        {
            var d = ctx.Districts.Find(named);
            if (d is null) r.Error("district", $"no district is named or coded '{named}'", $"没有名称或代码为“{named}”的区县");
            target.DistrictId = d?.Id;
        }
        else
        {
            target.DistrictId = locatedDistrictId;
        }
    }

    public override async Task<Reason?> ReplaceConflictAsync(RecycleNetDb db, CancellationToken ct)
    {
        var n = await db.Outlets.CountAsync(o => o.ServedCommunityIds.Any(), ct);
        return n == 0 ? null : new Reason($"{n} mobile stations list communities they serve; clear their servedCommunities first",
            $"有 {n} 个流动回收站列出了所服务的小区；请先清空它们的服务小区");
    }

    public override async Task<Reason?> DeleteConflictAsync(RecycleNetDb db, long id, CancellationToken ct)
    {
        var ids = await db.Outlets.Where(o => o.ServedCommunityIds.Contains(id)).Select(o => o.Id).ToListAsync(ct);
        return ids.Count == 0 ? null : new Reason($"community {id} is served by mobile station(s) {string.Join(", ", ids)}; remove it from their servedCommunities first",
            $"小区 {id} 由流动回收站 {string.Join("、", ids)} 服务；请先把它从这些站点的服务小区中去掉");
    }
}
