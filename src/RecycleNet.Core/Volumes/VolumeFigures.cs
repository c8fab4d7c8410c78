using RecycleNet.Core.Model;

namespace RecycleNet.Core.Volumes;

/// <summary>The sum of one month's figures of one category and unit in one district (null: enterprises and facilities in no district).</summary>
public sealed record MonthTotal(string Category, string Unit, long? DistrictId, int Month, long QuantityMilli, int Figures);

/// <summary>When one facility reported one category in one unit: first and last month, and in how many months.</summary>
public sealed record ReportSpan(FacilityKind Kind, long FacilityId, string Category, string Unit, ReportMonth First, ReportMonth Last, int Months)
{
    /// <summary>Every month from the first to the last has a figure.</summary>
    public bool Unbroken => Months == Last.Since(First) + 1;
}

/// <summary>One facility's tonnes over a period (every category reported in tonnes), and in how many months it reported.</summary>
public sealed record FacilityTonnes(FacilityKind Kind, long FacilityId, long QuantityMilli, int Months);

/// <summary>
/// What the targets and loads read of a city's reports, as of one month: the monthly totals of the categories the targets
/// measure (by district), when each facility reported them (to list the months missing), and each facility's tonnes of the
/// last twelve months.
/// </summary>
/// <param name="GapMonths">The reported months of each span that is not <see cref="ReportSpan.Unbroken"/>.</param>
public sealed record VolumeSummary(ReportMonth AsOf, IReadOnlyList<MonthTotal> Monthly, IReadOnlyList<ReportSpan> Spans,
    IReadOnlyDictionary<ReportSpan, IReadOnlyList<int>> GapMonths, IReadOnlyList<FacilityTonnes> LastTwelveMonthsTonnes, FacilityDirectory Facilities)
{
    /// <summary>No report at all in the categories the targets measure.</summary>
    public bool IsEmpty => Monthly.Count == 0;
}
