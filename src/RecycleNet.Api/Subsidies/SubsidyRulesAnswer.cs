using System.ComponentModel;
using RecycleNet.Core.Model;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Api.Subsidies;

// GET /api/policies/{id}/subsidy-rules, member for member: the rules as the policy file states them, with the request
// field each condition reads, so an applicant's tool can build the estimate's body from them.

public sealed record RulesPolicyAnswer(string Id, string City, string Title, string DocumentNumber, string Issuer, DateOnly IssuedOn);

[Description("One condition of a rule: the subject it reads, the request field carrying it, its test and value, in both languages, with the clause.")]
public sealed record RuleConditionAnswer(string Id, string Subject, [property: Description("e.g. applicant.mofcomRegistered or fixedOutlets[].areaM2")] string Field,
    [property: Description("isTrue, atLeast or inWindow")] string Test, decimal? Value, string TextZh, string TextEn, Citation Citation);

[Description("What one kind of item earns, under which conditions.")]
public sealed record SubsidyRuleAnswer(string Id, [property: Description("fixedOutlet, mobileStation or facility")] string AppliesTo, string? FacilityKind,
    string LabelZh, string LabelEn, [property: Description("The estimate body's list these items go in")] string RequestList, SubsidyAmount Amount,
    Citation Citation, IReadOnlyList<RuleConditionAnswer> Conditions);

[Description("A policy's subsidy rules: conditions, amounts and caps, each with its citation, and how the service reads open clauses.")]
public sealed record SubsidyRulesAnswer(RulesPolicyAnswer Policy, Citation Citation, IReadOnlyList<string> FacilityKinds,
    IReadOnlyList<SubsidyRuleAnswer> Rules, IReadOnlyList<SubsidyCap> Caps, IReadOnlyList<LocalizedText> Assumptions);
