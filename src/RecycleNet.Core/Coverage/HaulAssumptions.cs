using RecycleNet.Core.Input;

namespace RecycleNet.Core.Coverage;

/// <summary>
/// How far trucks haul recyclables and how much there is to haul, as the scorecard (outlet → centre hauls and loads) and
/// the siting of centres and tiers assume it when a request does not say: one set of defaults and one set of bounds,
/// so the scorecard and siting cannot disagree about what a request may ask (a haul of 0 kg was accepted by one and
/// refused by the other).
/// </summary>
public static class HaulAssumptions
{
    /// <summary>Road distance / straight-line distance where no drivable network is loaded (trucks drive on roads).</summary>
    public const double Circuity = 1.3;

    /// <summary>Haul distance beyond which an outlet is flagged, and within which a centre may serve it, metres.</summary>
    public const double LimitM = 20_000;

    /// <summary>Recyclables collected per household per day, kilograms: an assumption for loads where nothing is reported.</summary>
    public const double KgPerHouseholdPerDay = 0.5;

    /// <summary>The request's haul parameters against their bounds, each problem named by its field.</summary>
    public static IEnumerable<FieldError> Check(double? limitKm = null, double? circuity = null, double? kgPerHouseholdPerDay = null)
    {
        if (limitKm is <= 0 or > 500) yield return new FieldError("haulLimitKm", Reason.AboveZeroAtMost("500", "km", "千米"));
        if (circuity is < 1 or > 3) yield return new FieldError("haulCircuity", Reason.FromTo("1", "3"));
        // A load of nothing plans nothing: 0 kg per household would weigh every outlet at zero.
        if (kgPerHouseholdPerDay is <= 0 or > 100) yield return new FieldError("kgPerHouseholdPerDay", Reason.AboveZeroAtMost("100", "kg", "千克"));
    }
}
