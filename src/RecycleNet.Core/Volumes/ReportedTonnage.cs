using RecycleNet.Core.Model;

namespace RecycleNet.Core.Volumes;

/// <summary>
/// What facilities collect per day by their reports of the last twelve months, where they report tonnages: the one rule the
/// scorecard's centre loads and the centre siting's outlet weights share. Per day = the tonnes of the months it reported ÷
/// (those months × 30.44 days): a facility that reported four of the twelve months is not taken for a third of its size.
/// </summary>
public sealed class ReportedTonnage
{
    /// <summary>Days in an average month (365.25 / 12).</summary>
    public const double DaysPerMonth = 365.25 / 12;

    public static readonly ReportedTonnage None = new([], null);

    private readonly Dictionary<(FacilityKind, long), FacilityTonnes> _byFacility;

    public ReportedTonnage(IEnumerable<FacilityTonnes> lastTwelveMonths, ReportMonth? asOf)
    {
        _byFacility = lastTwelveMonths.Where(t => t.Months > 0).ToDictionary(t => (t.Kind, t.FacilityId));
        AsOf = asOf;
    }

    /// <summary>The last month of the twelve; null when there are no reports.</summary>
    public ReportMonth? AsOf { get; }

    /// <summary>Tonnes per day a facility reported, or null when it reported no tonnage in the twelve months.</summary>
    public double? PerDay(FacilityKind kind, long id) =>
        _byFacility.TryGetValue((kind, id), out var t) ? t.QuantityMilli / 1000.0 / (t.Months * DaysPerMonth) : null;

    /// <summary>An outlet's tonnes per day: reported where it reports, else its households × the assumed kilograms a day.</summary>
    public (double TonnesPerDay, bool Reported) Outlet(long outletId, long householdsServed, double kgPerHouseholdPerDay) =>
        PerDay(FacilityKind.Outlet, outletId) is { } reported ? (reported, true) : (householdsServed * kgPerHouseholdPerDay / 1000.0, false);
}
