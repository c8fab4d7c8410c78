namespace RecycleNet.Core.Model;

/// <summary>
/// A planner's plan (规划方案): a named set of changes to a city's outlets and sorting centres — added, moved, closed,
/// re-attributed — kept until it is adopted into the layers (all at once, with the planner key), reverted, or deleted.
/// The changes are a JSON document (<see cref="Plans.PlanChanges"/>); each change to an existing feature names the version
/// it was made from, so adoption refuses what someone has changed since.
/// </summary>
public sealed class Plan : ICityOwned
{
    public long Id { get; set; }
    public string CityId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The planner key's name that made it.</summary>
    public string Author { get; set; } = "";

    public DateTime Created { get; set; }
    public DateTime Updated { get; set; }

    /// <summary>1 when created, one more with every change: the plan's ETag.</summary>
    public long Version { get; set; } = 1;

    /// <summary>The changes, as JSON (<see cref="Plans.PlanChanges"/>).</summary>
    public string Changes { get; set; } = "{}";

    public PlanStatus Status { get; set; } = PlanStatus.Draft;

    public DateTime? AdoptedAt { get; set; }
    public string? AdoptedBy { get; set; }

    /// <summary>What adoption did, as JSON (<see cref="Plans.PlanAdoption"/>): the features it created and what it replaced, to revert it.</summary>
    public string? Adoption { get; set; }

    /// <summary>For a revert plan: the plan it undoes.</summary>
    public long? RevertOf { get; set; }
}

/// <summary>
/// Where a plan is in its life: a draft (its changes proposed, editable), adopted (its changes written to the layers), or
/// reverted (adopted, then undone by a plan of its own). Stored and answered in lower case ("draft", "adopted",
/// "reverted"); <see cref="Coverage.ReportWords.PlanStatusZh"/> names each in Chinese.
/// </summary>
public enum PlanStatus { Draft, Adopted, Reverted }

public static class PlanStatuses
{
    /// <summary>The status as the API and the store write it.</summary>
    public static string Name(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "draft", PlanStatus.Adopted => "adopted", PlanStatus.Reverted => "reverted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
