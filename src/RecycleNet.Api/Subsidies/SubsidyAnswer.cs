using System.ComponentModel;
using RecycleNet.Api.Http;
using RecycleNet.Core.Network;
using RecycleNet.Core.Model;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Api.Subsidies;

// The subsidy estimate's answer, member for member, so the OpenAPI document describes it and a generated client reads it.

public sealed record EstimatePolicyAnswer(string Id, string Title, string DocumentNumber, [property: Description("The policy's subsidy rules")] string Href);

public sealed record EstimateWindowAnswer(DateOnly From, DateOnly To);

public sealed record EstimateApplicantAnswer(string? Name);

public sealed record RuleRefAnswer(string Id, string LabelZh, string LabelEn);

[Description("A condition the item does not meet: why, in both languages, what would meet it, and the clause.")]
public sealed record UnmetConditionAnswer(string Condition, [property: Description("The request field the condition reads, e.g. fixedOutlets[1].builtOn")] string Field,
    string Reason, string ReasonZh, string Remedy, string RemedyZh, Citation Citation);

[Description("The households a located fixed outlet would newly cover.")]
public sealed record ItemGainAnswer(DistanceMethod Method, double? SnapDistanceM, string? District, int NewlyCoveredCommunities, long NewlyCoveredHouseholds,
    long NewlyCoveredResidents, decimal? YuanPerNewlyCoveredHousehold);

[Description("One outlet, mobile station or facility: eligible or not, the amount, how it was calculated, and the clause.")]
public sealed record EstimateItemAnswer(string Id, string Type, string? Kind, bool Eligible, decimal AmountYuan,
    [property: Description("The amount is an upper bound (a reward 'up to')")] bool UpTo, RuleRefAnswer Rule, LocalizedText Calculation,
    IReadOnlyList<UnmetConditionAnswer> Reasons, Citation Citation, ItemGainAnswer? CoverageGain);

[Description("A cap on the applicant's total that cut the amounts of some rules.")]
public sealed record CapAppliedAnswer(string Cap, string LabelZh, string LabelEn, IReadOnlyList<string> Rules, decimal LimitYuan, decimal BeforeYuan,
    decimal CutYuan, Citation Citation);

public sealed record GainTotalsAnswer(long Households, long CoveredHouseholds, int Communities, int CoveredCommunities, double Share);

[Description("Coverage before and after the located fixed outlets together, and the subsidy per newly covered household.")]
public sealed record EstimateGainAnswer(string Method, string? Network, WalkAnswer Walking, GainTotalsAnswer Before, GainTotalsAnswer After,
    int NewlyCoveredCommunities, long NewlyCoveredHouseholds, long NewlyCoveredResidents, decimal SubsidyOfLocatedOutletsYuan,
    decimal? YuanPerNewlyCoveredHousehold, string Note, string NoteZh);

[Description("A subsidy estimate, clause by clause: the total, each item, the caps applied, the coverage gained and the assumptions.")]
public sealed record SubsidyEstimateAnswer(EstimatePolicyAnswer Policy, EstimateWindowAnswer ApplicationWindow, EstimateApplicantAnswer Applicant,
    decimal TotalYuan, decimal OutletSubsidyYuan, decimal FacilityRewardUpToYuan,
    [property: Description("A facility reward is 'up to': the total is an upper bound")] bool TotalIsUpperBound,
    IReadOnlyList<EstimateItemAnswer> Items, IReadOnlyList<CapAppliedAnswer> CapsApplied, EstimateGainAnswer? CoverageGain,
    IReadOnlyList<LocalizedText> Assumptions);

[Description("What a new fixed outlet of the floor area earns under the city's fixed-outlet rule, after its per-outlet maximum.")]
public sealed record FixedOutletAmountAnswer(string Policy, string Rule, string RuleLabelZh, string RuleLabelEn, double AreaM2, decimal AmountYuan,
    decimal? MaxYuanPerItem, Citation Citation);
