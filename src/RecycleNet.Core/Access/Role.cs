using RecycleNet.Core.Input;

namespace RecycleNet.Core.Access;

/// <summary>
/// What a key or a token may do. Reads of the map, the scorecard and the OGC layers stay public; roles decide the rest.
/// </summary>
public enum Role
{
    /// <summary>规划人员: every write in its city (or every city), the audit log, who wrote what.</summary>
    Planner,

    /// <summary>查看人员: every read a planner has (audit, authors, corrections), no write: a director, an auditor.</summary>
    Viewer,

    /// <summary>调度人员: bound to one recycling enterprise and sees only its work (pick-up bookings come next); no planner write.</summary>
    Dispatcher,
}

/// <summary>The roles' names as configuration, the CLI, tokens and answers spell them, and in Chinese.</summary>
public static class Roles
{
    public static readonly IReadOnlyList<Role> All = [Role.Planner, Role.Viewer, Role.Dispatcher];

    public static string Id(this Role role) => role switch
    {
        Role.Planner => "planner",
        Role.Viewer => "viewer",
        _ => "dispatcher",
    };

    public static string Zh(this Role role) => role switch
    {
        Role.Planner => "规划人员",
        Role.Viewer => "查看人员",
        _ => "调度人员",
    };

    /// <summary>A role by its id, case-insensitive; null for anything else.</summary>
    public static Role? Parse(string? text) =>
        All.Cast<Role?>().FirstOrDefault(r => string.Equals(r!.Value.Id(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static Reason Unknown(string? text) => new(
        $"must be one of {string.Join(", ", All.Select(r => r.Id()))}, got '{text}'",
        $"须为 {string.Join("、", All.Select(r => $"{r.Id()}（{r.Zh()}）"))} 之一，实际为“{text}”");
}
