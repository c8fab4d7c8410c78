namespace RecycleNet.Core.Volumes;

/// <summary>What the scorecard reads of a city's volume reports: the summary as of its month, the categories, and how targets are measured.</summary>
public sealed record VolumeInputs(VolumeSummary Summary, VolumeCategories Categories, VolumeProgressOptions Options)
{
    public ReportedTonnage Tonnage { get; } = new(Summary.LastTwelveMonthsTonnes, Summary.AsOf);
}
