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
