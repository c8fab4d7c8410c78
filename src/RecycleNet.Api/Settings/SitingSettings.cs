namespace RecycleNet.Api.Settings;

/// <summary>The "RecycleNet:Siting" section: how many runs at once, how many may wait, and how large one may be.</summary>
public sealed class SitingSettings
{
    /// <summary>Runs computed at the same time on each instance.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Runs that may wait for a worker, over all instances; one more is refused with 429 and Retry-After.</summary>
    public int QueueLimit { get; set; } = 4;

    public int MaxOutletCandidates { get; set; } = new Core.SiteSelection.SitingLimits().MaxOutletCandidates;
    public long MaxCenterPairs { get; set; } = new Core.SiteSelection.SitingLimits().MaxCenterPairs;

    /// <summary>Threads a run may build its coverage sets on: all cores but one, so that readers keep one while it works.</summary>
    public int Threads { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    public Core.SiteSelection.SitingLimits Limits => new() { MaxOutletCandidates = MaxOutletCandidates, MaxCenterPairs = MaxCenterPairs, MaxThreads = Threads };
}
