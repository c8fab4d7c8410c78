using RecycleNet.Core.Model;

namespace RecycleNet.Core.Subsidies;

/// <summary>
/// The answer of <see cref="SubsidyEstimator"/>, in yuan (exact decimals). <see cref="OutletSubsidyYuan"/> is
/// the exact amounts after the caps; <see cref="FacilityRewardUpToYuan"/> the maxima of "up to" rewards, which
/// the bureau decides within; <see cref="TotalYuan"/> their sum, so an upper bound when rewards are in it.
/// </summary>
public sealed record SubsidyEstimate(DateOnly WindowFrom, DateOnly WindowTo, decimal TotalYuan, decimal OutletSubsidyYuan,
    decimal FacilityRewardUpToYuan, IReadOnlyList<SubsidyItemResult> Items, IReadOnlyList<CapApplied> CapsApplied,
    IReadOnlyList<LocalizedText> Assumptions);

/// <summary>
/// One item's judgement. <see cref="AmountYuan"/> is before the applicant caps and 0 when not eligible;
/// <see cref="UpTo"/> marks a maximum rather than an exact amount. <see cref="Reasons"/> lists every unmet
/// condition with what would meet it.
/// </summary>
public sealed record SubsidyItemResult(SubsidyItem Item, SubsidyRule Rule, bool Eligible, decimal AmountYuan, bool UpTo,
    LocalizedText Calculation, IReadOnlyList<UnmetCondition> Reasons);

public sealed record UnmetCondition(string ConditionId, string Subject, LocalizedText Reason, LocalizedText Remedy, Citation Citation);

/// <summary>A cap that cut the sum of its rules' amounts from <see cref="BeforeYuan"/> to <see cref="SubsidyCap.MaxYuan"/>.</summary>
public sealed record CapApplied(SubsidyCap Cap, decimal BeforeYuan, decimal CutYuan);
