using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Layers;

/// <summary>Districts and counties (区县): polygons with census figures.</summary>
public sealed class DistrictLayer : LayerDefinition<District>
{
    private static readonly LayerField AdcodeF = new("adcode", "string", "6-digit division code (行政区划代码)", HeaderSynonyms.Of("districts", "adcode"));
    private static readonly LayerField PopulationF = new("population", "integer", "resident population (census)", HeaderSynonyms.Of("districts", "population"));
    private static readonly LayerField HouseholdSizeF = new("avgHouseholdSize", "number", "average household size, persons", HeaderSynonyms.Of("districts", "avgHouseholdSize"));
    private static readonly LayerField UrbanF = new("urbanShare", "number", "urban share of residents, 0-1", HeaderSynonyms.Of("districts", "urbanShare"));
    private static readonly LayerField HouseholdsF = new("households", "integer", "households = population / avgHouseholdSize (read-only)");

    // Declared after the fields above: static initialisers run in textual order.
    public static readonly DistrictLayer Instance = new();

    public override string Name => "districts";
    public override string Title => "区县 Districts";
    public override string Description => "District outlines (区县) with 2020 census population, household size and urban share.";
    public override bool IsPoint => false;
    public override IReadOnlyList<LayerField> Fields { get; } = [NameField, AdcodeF, PopulationF, HouseholdSizeF, HouseholdsF, UrbanF, SourceField];

    public override IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(District e, LayerLookups lookups) =>
    [
        P("name", e.Name), P("source", e.Source), P("adcode", e.Adcode), P("population", e.Population),
        P("avgHouseholdSize", e.AvgHouseholdSize), P("households", e.Households), P("urbanShare", e.UrbanShare),
    ];

    public override void ReadProperties(RowReader r, District target, ImportContext ctx, long? locatedDistrictId)
    {
        ReadCommon(r, target);
        var adcode = r.String(AdcodeF, required: true);
        if (adcode is not null && (adcode.Length != 6 || !adcode.All(char.IsAsciiDigit)))
            r.Error("adcode", $"must be a 6-digit administrative division code, got '{adcode}'", $"须为 6 位行政区划代码，实际为“{adcode}”");
        target.Adcode = adcode ?? "";
        target.Population = (long)(r.Number(PopulationF, required: true, min: 0, max: 50_000_000) ?? 0);
        target.AvgHouseholdSize = r.Number(HouseholdSizeF, required: true, min: 1, max: 10) ?? 0;
        target.UrbanShare = r.Number(UrbanF, min: 0, max: 1);
    }

    public override async Task CheckBatchAsync(RecycleNetDb db, IReadOnlyList<(int Index, SpatialEntity Entity)> items,
        bool replacing, long? updatingId, List<ImportError> errors, CancellationToken ct)
    {
        var taken = replacing ? [] : (await db.Districts.Where(d => d.Id != updatingId).Select(d => d.Adcode).ToListAsync(ct)).ToHashSet();
        CheckUniqueCodes(items.Select(i => (i.Index, ((District)i.Entity).Adcode)), taken, "adcode", "district", "行政区划代码", errors);
    }

    public override async Task<Reason?> ReplaceConflictAsync(RecycleNetDb db, CancellationToken ct)
    {
        var n = await db.Communities.CountAsync(c => c.DistrictId != null, ct);
        return n == 0 ? null : new Reason($"{n} communities are assigned to the current districts; replace or delete the communities first",
            $"有 {n} 个小区归属于现有区县；请先替换或删除这些小区");
    }

    public override async Task<Reason?> DeleteConflictAsync(RecycleNetDb db, long id, CancellationToken ct)
    {
        var n = await db.Communities.CountAsync(c => c.DistrictId == id, ct);
        return n == 0 ? null : new Reason($"{n} communities lie in district {id}; move or delete them first", $"区县 {id} 内有 {n} 个小区；请先移走或删除它们");
    }
}
