using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Layers;

/// <summary>Townships and subdistricts (乡镇/街道): polygons with their statistical code; the county follows from the code.</summary>
public sealed class TownshipLayer : LayerDefinition<Township>
{
    private static readonly LayerField CodeF = new("code", "string", "9-digit statistical division code (统计用区划代码; a 12-digit code ending in 000 is accepted)", HeaderSynonyms.Of("townships", "code"));
    private static readonly LayerField DistrictF = new("district", "string", "区县 county: from the code's first six digits", HeaderSynonyms.Of("townships", "district"));
    private static readonly LayerField DistrictIdF = new("districtId", "integer", "id of the county (district)");
    private static readonly LayerField PopulationF = new("population", "integer", "人口 residents, when known", HeaderSynonyms.Of("townships", "population"));

    // Declared after the fields above: static initialisers run in textual order.
    public static readonly TownshipLayer Instance = new();

    public override string Name => "townships";
    public override string Title => "乡镇街道 Townships";
    public override string Description => "Townships and subdistricts (乡镇/街道): outlines and statistical codes; each belongs to the county its code names.";
    public override bool IsPoint => false;
    public override bool UsesLookups => true;
    public override IReadOnlyList<LayerField> Fields { get; } = [NameField, CodeF, DistrictF, DistrictIdF, PopulationF, SourceField];

    public override IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(Township e, LayerLookups lookups) =>
    [
        P("name", e.Name), P("source", e.Source), P("code", e.Code), P("districtId", e.DistrictId),
        P("district", e.DistrictId is { } d ? lookups.DistrictNames.GetValueOrDefault(d) : null), P("population", e.Population),
    ];

    public override void ReadProperties(RowReader r, Township target, ImportContext ctx, long? locatedDistrictId)
    {
        ReadCommon(r, target);
        var code = r.String(CodeF, required: true);
        if (code is { Length: 12 } && code.EndsWith("000", StringComparison.Ordinal)) code = code[..9];
        if (code is not null && (code.Length != 9 || !code.All(char.IsAsciiDigit)))
        {
            r.Error("code", $"must be a 9-digit statistical division code, got '{code}'", $"须为 9 位统计用区划代码，实际为“{code}”");
            code = null;
        }
        target.Code = code ?? "";
        target.Population = r.Integer(PopulationF, max: 5_000_000);
        if (code is null || ctx.Districts.IsEmpty) return;
        var county = ctx.Districts.Find(code[..6]);
        if (county is null) r.Error("code", $"its county {code[..6]} is not a district of this city", $"代码所属的县区 {code[..6]} 不是本市的区县");
        else if (r.String(DistrictF) is { } named && ctx.Districts.Find(named) is var given && given != county)
            r.Error("district", $"'{named}' is not the county its code names ({county.Name})", $"“{named}”不是代码所指的县区（{county.Name}）");
        target.DistrictId = county?.Id;
    }

    public override async Task CheckBatchAsync(RecycleNetDb db, IReadOnlyList<(int Index, SpatialEntity Entity)> items,
        bool replacing, long? updatingId, List<ImportError> errors, CancellationToken ct)
    {
        var taken = replacing ? [] : (await db.Townships.Where(t => t.Id != updatingId).Select(t => t.Code).ToListAsync(ct)).ToHashSet();
        CheckUniqueCodes(items.Select(i => (i.Index, ((Township)i.Entity).Code)), taken, "code", "township", "乡镇代码", errors);
    }

    public override async Task<Reason?> ReplaceConflictAsync(RecycleNetDb db, CancellationToken ct)
    {
        var villages = await db.Villages.CountAsync(v => v.TownshipId != null, ct);
        var stations = await db.TransferStations.CountAsync(ct);
        return villages + stations == 0 ? null
            : new Reason($"{villages} villages and {stations} transfer stations are placed in the current townships; replace or delete them first",
                $"有 {villages} 个村和 {stations} 个中转站位于现有乡镇；请先替换或删除它们");
    }

    public override async Task<Reason?> DeleteConflictAsync(RecycleNetDb db, long id, CancellationToken ct)
    {
        var villages = await db.Villages.CountAsync(v => v.TownshipId == id, ct);
        var stations = await db.TransferStations.CountAsync(s => s.TownshipId == id, ct);
        return villages + stations == 0 ? null
            : new Reason($"{villages} villages and {stations} transfer stations lie in township {id}; move or delete them first",
                $"乡镇 {id} 内有 {villages} 个村和 {stations} 个中转站；请先移走或删除它们");
    }
}
