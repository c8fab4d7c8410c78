namespace RecycleNet.Core.SiteSelection;

/// <summary>
/// What an outlet siting run is for: exactly one goal, each carrying only the settings it takes — a district floor goes
/// with a number of sites or a budget, a budget with the price of a site. A policy target (reachTarget) is read as the
/// number of modern outlets it still lacks, so it is a <see cref="Sites"/> goal.
/// </summary>
public abstract record OutletSitingGoal
{
    // The goals are the nested records below and no others: a switch over them is complete.
    private OutletSitingGoal() { }

    /// <summary>Add <paramref name="Count"/> outlets that bring the most uncovered households into reach.</summary>
    /// <param name="DistrictFloor">No district may stay below this coverage share, 0–1 (where its candidates can reach it).</param>
    public sealed record Sites(int Count, double? DistrictFloor = null) : OutletSitingGoal;

    /// <summary>The fewest outlets so that this share of the city's households is covered, 0–1.</summary>
    public sealed record CityShare(double Share) : OutletSitingGoal;

    /// <summary>The fewest outlets so that every district's coverage share reaches this, 0–1.</summary>
    public sealed record DistrictShare(double Share) : OutletSitingGoal;

    /// <summary>As many outlets as <paramref name="Yuan"/> pays for, a site costing <paramref name="SiteCostYuan"/> (an uploaded site with its own price, that).</summary>
    /// <param name="SiteCostYuan">The subsidy one new outlet earns under the policy; above 0.</param>
    /// <param name="DistrictFloor">As for <see cref="Sites"/>; only when every site costs the same.</param>
    public sealed record Budget(decimal Yuan, decimal SiteCostYuan, double? DistrictFloor = null) : OutletSitingGoal;

    /// <summary>The coverage share every district is held to, if any: a district-share goal's, or a floor's.</summary>
    public double? DistrictShareHeld => this switch
    {
        DistrictShare d => d.Share,
        Sites s => s.DistrictFloor,
        Budget b => b.DistrictFloor,
        _ => null,
    };
}
