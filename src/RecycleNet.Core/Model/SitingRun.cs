namespace RecycleNet.Core.Model;

/// <summary>
/// A siting run as the store keeps it, so that it outlives the process that started it and any instance can run it
/// once and report it: the request it was given, its status and stage, who runs it (and when it was last heard of),
/// and, when done, what it found (<see cref="SitingResult"/> and the rows beside it). The latest done run of each kind is the OGC
/// collection siting-proposals.
/// </summary>
public sealed class SitingRun : ICityOwned
{
    public Guid Id { get; set; }

    /// <summary>The city it plans for: the worker runs it against that city's layers and network.</summary>
    public string CityId { get; set; } = "";

    /// <summary>outlets or sortingCenters.</summary>
    public string Kind { get; set; } = "";

    /// <summary>One of <see cref="SitingRunStatus"/>.</summary>
    public string Status { get; set; } = SitingRunStatus.Queued;
    public string Stage { get; set; } = "queued";

    /// <summary>The request body as posted (JSON): what a retry runs again.</summary>
    public string Request { get; set; } = "";

    public double TimeLimitSeconds { get; set; }
    public string Planner { get; set; } = "";
    public DateTime Created { get; set; }
    public DateTime? Started { get; set; }
    public double? ElapsedMs { get; set; }

    /// <summary>The instance running it, and when it last said it still is (every second while it runs).</summary>
    public string? Owner { get; set; }
    public DateTime? Heartbeat { get; set; }

    public bool CancelRequested { get; set; }
    public string? Error { get; set; }

    /// <summary>The error in Chinese (the page shows it first).</summary>
    public string? ErrorZh { get; set; }

    /// <summary>What the run found, once done (with its proposals, assignments and centre loads in tables of their own).</summary>
    public SitingResult? Result { get; set; }
}

public static class SitingRunStatus
{
    public const string Queued = "queued", Running = "running", Done = "done", Failed = "failed", Cancelled = "cancelled",
        Interrupted = "interrupted";

    public static bool IsFinished(string status) => status is Done or Failed or Cancelled or Interrupted;
}

/// <summary>
/// One site a done siting run proposes, as the store keeps it: the OGC collection siting-proposals reads these rows
/// (the latest done run of each kind), and the run's answer is written from them. Outlet and centre proposals share
/// the row; the figures of the other kind stay null.
/// </summary>
public sealed class SitingProposal
{
    public long Id { get; set; }
    public Guid RunId { get; set; }

    /// <summary>outlet or sortingCenter.</summary>
    public string Kind { get; set; } = "";

    /// <summary>1 = the largest gain (outlets) or the first opened (centres).</summary>
    public int Rank { get; set; }

    /// <summary>WGS84 degrees.</summary>
    public double Lon { get; set; }
    public double Lat { get; set; }

    /// <summary>The candidate's name (a community, a planner's site), if any.</summary>
    public string? Label { get; set; }
    public string? District { get; set; }

    /// <summary>Outlets: households newly within the walk, given the higher-ranked sites.</summary>
    public long? HouseholdsGained { get; set; }

    /// <summary>Outlets: the city's covered share with this and the higher-ranked sites.</summary>
    public double? CumulativeShare { get; set; }

    /// <summary>Outlets: the subsidy a new outlet here earns under the policy, yuan.</summary>
    public decimal? EstimatedSubsidyYuan { get; set; }

    /// <summary>Sorting centres: outlets hauling here, and the tonnes arriving per day.</summary>
    public int? Outlets { get; set; }
    public double? LoadTonnesPerDay { get; set; }
}
