using RecycleNet.Core.Model;

namespace RecycleNet.Core.Subsidies;

/// <summary>
/// A policy's subsidy rules as data (the "subsidies" block of a seeds/policies/*.json file): which items earn
/// what, under which conditions, and the caps per applicant. Another city's rules are a new file, not new code:
/// the vocabulary (subjects, tests, amount kinds) is the small fixed part, in <see cref="SubsidySubjects"/>.
/// </summary>
/// <param name="Citation">The clause the whole block rests on.</param>
/// <param name="Caps">Applied in order; they must nest (a later cap contains or avoids each earlier one).</param>
/// <param name="Assumptions">How the service reads the clause where it is open to reading, shown with every estimate.</param>
public sealed record SubsidyRuleSet(Citation Citation, IReadOnlyList<SubsidyRule> Rules, IReadOnlyList<SubsidyCap> Caps,
    IReadOnlyList<LocalizedText> Assumptions)
{
    /// <summary>The rule an item falls under: by item type, and for facilities by kind; null when the policy has none.</summary>
    public SubsidyRule? RuleFor(SubsidyItem item) => Rules.FirstOrDefault(r => r.AppliesTo == item.ItemType
        && (item is not FacilityRecognition f || r.FacilityKind == f.Kind));

    /// <summary>The facility kinds the policy rewards, e.g. provincialSortingCenter.</summary>
    public IEnumerable<string> FacilityKinds => Rules.Where(r => r.FacilityKind is not null).Select(r => r.FacilityKind!);
}

/// <param name="AppliesTo">One of <see cref="SubsidyItemTypes"/>.</param>
/// <param name="FacilityKind">For facility rules, the kind of recognition it rewards.</param>
public sealed record SubsidyRule(string Id, string AppliesTo, string? FacilityKind, string LabelZh, string LabelEn,
    SubsidyAmount Amount, Citation Citation, IReadOnlyList<SubsidyCondition> Conditions);

/// <summary>How much an eligible item earns, in yuan.</summary>
/// <param name="Kind">"perUnit" (basis × RateYuan), "share" (basis × Share) or "upTo" (a maximum the bureau decides within).</param>
/// <param name="Basis">The subject the amount is computed from, e.g. item.areaM2.</param>
/// <param name="RateYuan">Yuan per unit of the basis (perUnit).</param>
/// <param name="Share">Fraction of the basis, 0.20 = 20 % (share).</param>
/// <param name="MaxYuanPerItem">At most this per item (perUnit, share), or the reward's maximum (upTo).</param>
/// <param name="UnitZh">The basis's unit in the calculation text, e.g. 平方米.</param>
public sealed record SubsidyAmount(string Kind, string? Basis = null, decimal? RateYuan = null, decimal? Share = null,
    decimal? MaxYuanPerItem = null, string? UnitZh = null, string? UnitEn = null)
{
    public const string PerUnit = "perUnit", ShareOf = "share", UpTo = "upTo";
}

/// <summary>
/// One condition of a rule. Tests: "isTrue" (a yes/no subject), "atLeast" (a number subject ≥ <see cref="Value"/>),
/// "inWindow" (a date subject within the application window, both ends included). Reason and remedy are
/// templates with {actual}, {required}, {shortfall}, {from}, {to}, {days}, {side}, and plurals as
/// {name|singular|plural} (singular when the named value is 1).
/// </summary>
/// <param name="Quote">The clause's own words for this condition; the citation is the rule's with this quote.</param>
public sealed record SubsidyCondition(string Id, string Subject, string Test, decimal? Value, string TextZh, string TextEn,
    string ReasonZh, string ReasonEn, string RemedyZh, string RemedyEn, string Quote)
{
    public const string IsTrue = "isTrue", AtLeast = "atLeast", InWindow = "inWindow";

    public Citation CitationIn(SubsidyRule rule) => rule.Citation with { Quote = Quote };
}

/// <summary>A per-applicant maximum over the summed amounts of some rules, in yuan.</summary>
public sealed record SubsidyCap(string Id, string LabelZh, string LabelEn, IReadOnlyList<string> Rules, decimal MaxYuan, Citation Citation);

public sealed record LocalizedText(string Zh, string En);
