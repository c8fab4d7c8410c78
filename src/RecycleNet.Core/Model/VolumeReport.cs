namespace RecycleNet.Core.Model;

/// <summary>What reports volumes: a layer's facility, or an enterprise that reports in total (a vehicle dismantler, a company).</summary>
public enum FacilityKind { Outlet, SortingCenter, TransferStation, Enterprise }

/// <summary>
/// One figure of a monthly report: what one facility collected in one month in one category, in one unit (appliances may be
/// reported both in 台 and in tonnes: two figures). Each reporter reports what it collected first-hand, as the statistics
/// forms ask, so the figures of a city add up without counting anything twice.
/// </summary>
public sealed class VolumeReport : ICityOwned
{
    public long Id { get; set; }
    public string CityId { get; set; } = "";
    public FacilityKind FacilityKind { get; set; }
    public long FacilityId { get; set; }

    /// <summary>The statistics month as yyyymm (<see cref="Volumes.ReportMonth"/>).</summary>
    public int Month { get; set; }

    /// <summary>A category id of seeds/volume-categories.json.</summary>
    public string Category { get; set; } = "";

    /// <summary>A unit id of seeds/volume-categories.json (t, units, vehicles).</summary>
    public string Unit { get; set; } = "";

    /// <summary>
    /// The quantity in thousandths of the unit (kilograms for tonnes): integers add up exactly in SQL on both stores, which
    /// SQLite's decimals (kept as text) do not.
    /// </summary>
    public long QuantityMilli { get; set; }

    public decimal Quantity => QuantityMilli / 1000m;

    /// <summary>The district the facility stood in when the figure was taken (null: an enterprise, or a facility in none), so district totals are one GROUP BY.</summary>
    public long? DistrictId { get; set; }

    public string? Source { get; set; }
    public string? Note { get; set; }

    /// <summary>When the figure was stored, UTC, and by which planner key.</summary>
    public DateTime ReportedAt { get; set; }
    public string Planner { get; set; } = "";
}

/// <summary>
/// A change to a stored figure by a resubmitted report: what it was, what it became (null: the resubmission no longer
/// has it, or it is new), who and when. Written in the import's transaction: the bureau sees every figure that was changed.
/// </summary>
public sealed class VolumeCorrection : ICityOwned
{
    public long Id { get; set; }
    public string CityId { get; set; } = "";
    public FacilityKind FacilityKind { get; set; }
    public long FacilityId { get; set; }
    public int Month { get; set; }
    public string Category { get; set; } = "";
    public string Unit { get; set; } = "";
    public long? OldQuantityMilli { get; set; }
    public long? NewQuantityMilli { get; set; }
    public DateTime At { get; set; }
    public string Planner { get; set; } = "";
    public string? Note { get; set; }
}
