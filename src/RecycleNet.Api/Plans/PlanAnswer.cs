using System.ComponentModel;
using RecycleNet.Core.Plans;

namespace RecycleNet.Api.Plans;

[Description("How many changes of each kind a plan holds.")]
public sealed record PlanCountsAnswer(int Add, int Move, int Close, int Update, int Remove, int Merge);

[Description("A plan without its changes: who wrote it (to the bureau's planners and viewers only), its status and version.")]
public sealed record PlanSummaryAnswer(long Id, string Name, [property: Description("null unless the reader is the bureau's")] string? Author,
    [property: Description("draft, adopted or reverted")] string Status, long Version, DateTime Created, DateTime Updated, DateTime? AdoptedAt,
    string? AdoptedBy, [property: Description("The adopted plan this one reverts")] long? RevertOf, PlanCountsAnswer Counts);

[Description("A plan with its changes.")]
public sealed record PlanAnswer(PlanSummaryAnswer Summary, PlanChanges Changes);

[Description("An adopted plan, with the features its adoption created and what it replaced.")]
public sealed record PlanAdoptedAnswer(PlanAnswer Plan, PlanAdoption Adoption);

public sealed record PlanRefAnswer(long Id, string Name, long Version, string Status);

public sealed record TargetStateAnswer(decimal? Current, string Status);

[Description("A target before and after the plan.")]
public sealed record PlanTargetAnswer(string Id, string LabelZh, string LabelEn, string Kind, int Year, decimal Target, TargetStateAnswer Before, TargetStateAnswer After);

public sealed record PlanHaulsAnswer(int OutletsBeyondLimitBefore, int OutletsBeyondLimitAfter, int CentersOverCapacityBefore, int CentersOverCapacityAfter);

public sealed record PlanTiersAnswer(int VillagesServedBefore, int VillagesServedAfter, int Villages, int TownshipsServedBefore, int TownshipsServedAfter, int Townships);

[Description("What a new fixed outlet of the plan would be paid, or why nothing.")]
public sealed record PlanOutletCostAnswer(string Name, double Lon, double Lat, double? AreaM2, decimal? Yuan, string? Why);

[Description("The subsidy the plan's new fixed outlets would draw under the policy's fixed-outlet rule, and households newly covered per 10,000 yuan.")]
public sealed record PlanSubsidyAnswer(string? Rule, RecycleNet.Core.Model.Citation? Citation, decimal? TotalYuan, double? HouseholdsPer10kYuan, string Basis,
    string BasisZh, IReadOnlyList<PlanOutletCostAnswer> Outlets);

public sealed record PlanDistrictAnswer(long Id, string Name, long Households, long CoveredBefore, long CoveredAfter, double ShareBefore, double ShareAfter,
    int OutletsBefore, int OutletsAfter, decimal ShortfallBefore, decimal ShortfallAfter, bool Changed);

public sealed record PlanChangeCountsAnswer(int Added, int Changed, int Removed, int Moved, int Closed, int Updated, int Merged);

[Description("What a plan would do against the city as it is: coverage, targets, hauls, tiers and subsidy before and after.")]
public sealed record PlanEvaluationAnswer(PlanRefAnswer Plan, RecycleNet.Api.Coverage.CoverageAnswer Before, RecycleNet.Api.Coverage.CoverageAnswer After,
    long HouseholdsGained, double ShareBefore, double ShareAfter, int OperatingOutletsBefore, int OperatingOutletsAfter, IReadOnlyList<PlanTargetAnswer> Targets,
    PlanHaulsAnswer Hauls, PlanTiersAnswer? Tiers, PlanSubsidyAnswer Subsidy,
    [property: Description("Each district; left out of a comparison")] IReadOnlyList<PlanDistrictAnswer>? Districts, PlanChangeCountsAnswer Changes,
    [property: Description("Valid but odd changes (closing a closed outlet …), said rather than silent")] IReadOnlyList<RecycleNet.Api.Http.FieldErrorAnswer> Warnings);

[Description("Two to four plans' evaluations side by side.")]
public sealed record PlanComparisonAnswer(IReadOnlyList<PlanEvaluationAnswer> Plans);
