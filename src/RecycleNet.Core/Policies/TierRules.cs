using RecycleNet.Core.Model;

namespace RecycleNet.Core.Policies;

/// <summary>
/// One number of the county-township-village rules: its value and unit, and either the policy's citation for it or,
/// where the policy names no number (Binzhou's plan asks for the three tiers but sets no distances), the assumption it
/// rests on — so a planner sees which figures are the government's and which are the service's defaults.
/// </summary>
/// <param name="AssumptionZh">The assumption in Chinese: a planner reads it first.</param>
public sealed record TierRule(decimal Value, string Unit, Citation? Citation = null, string? Assumption = null, string? AssumptionZh = null);

/// <summary>
/// When each tier of a county network counts as served (Binzhou's 县域分拣中心、乡镇中转站和村级回收网点):
/// <list type="bullet">
/// <item>a village, when a village outlet (or a merged waste-sorting point) lies within <see cref="VillageOutletKm"/> by road from it,
/// or an operating mobile station lists it;</item>
/// <item>a township, when a transfer station stands in it or lies within <see cref="TownshipStationMinutes"/>' drive of it;</item>
/// <item>a transfer station, when a county sorting centre lies within <see cref="StationCentreMinutes"/>' drive of it.</item>
/// </list>
/// </summary>
/// <param name="Citation">The plan's words asking for the three tiers.</param>
public sealed record TierRules(Citation Citation, TierRule VillageOutletKm, TierRule TownshipStationMinutes, TierRule StationCentreMinutes)
{
    // Not written: the three rules are members of their own above (a tuple would be written as {}).
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<(string Id, TierRule Rule)> All =>
        [("villageOutletKm", VillageOutletKm), ("townshipStationMinutes", TownshipStationMinutes), ("stationCentreMinutes", StationCentreMinutes)];

    /// <summary>What is wrong with the rules as data, if anything: a value out of range, or a rule with neither a citation nor an assumption.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (id, rule) in All)
        {
            if (rule.Value <= 0 || rule.Value > 600) yield return $"{id} must be above 0 and at most 600 {rule.Unit}";
            if (rule.Citation is null && string.IsNullOrWhiteSpace(rule.Assumption)) yield return $"{id} needs a citation or an assumption";
            if (!string.IsNullOrWhiteSpace(rule.Assumption) && string.IsNullOrWhiteSpace(rule.AssumptionZh)) yield return $"{id} states its assumption in English only (assumptionZh)";
        }
        if (VillageOutletKm.Unit != "km") yield return "villageOutletKm is in km";
        if (TownshipStationMinutes.Unit != "min" || StationCentreMinutes.Unit != "min") yield return "the drive times are in min";
    }
}
