using RecycleNet.Core.Model;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Core.Policies;

/// <summary>
/// A city's recycling policy as data (seeds/policies/*.json): its documents, numeric targets and
/// qualitative measures, its subsidy rules and county-network tier rules when it has them; each value citing the document, section, item
/// and the words it rests on.
/// </summary>
public sealed record Policy(
    string Id, string City, string CityEn, string Title, string DocumentNumber, string Issuer, DateOnly IssuedOn,
    IReadOnlyList<PolicyDocument> Documents, IReadOnlyList<PolicyTarget> Targets, IReadOnlyList<PolicyMeasure> Measures,
    SubsidyRuleSet? Subsidies = null, TierRules? Tiers = null)
{
    /// <summary>Every citation the policy makes, each with the id of what makes it (conditions as rule/condition).</summary>
    public IEnumerable<(string Id, Citation Citation)> Citations()
    {
        foreach (var t in Targets) yield return (t.Id, t.Citation);
        foreach (var m in Measures) yield return (m.Id, m.Citation);
        if (Tiers is not null)
        {
            yield return ("tiers", Tiers.Citation);
            foreach (var (id, rule) in Tiers.All)
                if (rule.Citation is { } c) yield return ($"tiers/{id}", c);
        }
        if (Subsidies is null) yield break;
        yield return ("subsidies", Subsidies.Citation);
        foreach (var r in Subsidies.Rules)
        {
            yield return (r.Id, r.Citation);
            foreach (var c in r.Conditions) yield return ($"{r.Id}/{c.Id}", c.CitationIn(r));
        }
        foreach (var cap in Subsidies.Caps) yield return (cap.Id, cap.Citation);
    }
}

/// <param name="Key">Short key citations use, e.g. "plan".</param>
/// <param name="SeedFile">The source text's file name in the shared policy seeds.</param>
public sealed record PolicyDocument(string Key, string Title, string SeedFile);

/// <summary>A numeric target. <c>kind</c> "count" is an absolute number; "growth" a share over the baseline year (0.15 = +15 %).</summary>
public sealed record PolicyTarget(
    string Id, string Metric, string LabelZh, string LabelEn, string Kind, decimal Value, string Unit, int Year,
    int? BaselineYear, bool Approximate, Citation Citation);

public sealed record PolicyMeasure(string Id, string TextZh, string TextEn, Citation Citation);
