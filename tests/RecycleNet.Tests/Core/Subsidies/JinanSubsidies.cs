using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Tests.Core.Subsidies;

/// <summary>
/// Jinan's rules from the shipped seed, and an applicant that meets every applicant-level condition with
/// room to spare, so each test changes only the fact it is about. Window: 2024-06-01 to 2024-12-31.
/// </summary>
public static class JinanSubsidies
{
    public static readonly SubsidyRuleSet Rules = PolicyCatalog.Load(RepoPaths.Policies).Find("jinan-2024")!.Subsidies!;

    public static readonly DateOnly From = new(2024, 6, 1), To = new(2024, 12, 31);

    public static readonly SubsidyApplicant Qualified = new("泉城回收", MofcomRegistered: true, DirectOutletCount: 12,
        SmallestDirectOutletAreaM2: 12, BoxTrucks: 6);

    public static FixedOutletPlan Fixed(string id, decimal areaM2, DateOnly? builtOn = null, bool direct = true) =>
        new(id, areaM2, builtOn ?? new DateOnly(2024, 8, 1), direct);

    public static MobileStationPlan Mobile(string id, decimal investmentYuan, int communities = 25, decimal months = 14, bool guideline = true) =>
        new(id, communities, months, guideline, investmentYuan);

    public static FacilityRecognition Facility(string id, string kind, DateOnly? on = null) => new(id, kind, on ?? new DateOnly(2024, 9, 1));

    public static SubsidyEstimate Estimate(SubsidyApplicant applicant, params SubsidyItem[] items) =>
        SubsidyEstimator.Estimate(Rules, new SubsidyApplication(From, To, applicant, items));

    public static SubsidyEstimate Estimate(params SubsidyItem[] items) => Estimate(Qualified, items);

    public static SubsidyItemResult Item(this SubsidyEstimate e, string id) => e.Items.Single(i => i.Item.Id == id);

    /// <summary>The unmet conditions' ids, in the rule's order.</summary>
    public static string[] Unmet(this SubsidyItemResult r) => r.Reasons.Select(u => u.ConditionId).ToArray();
}
