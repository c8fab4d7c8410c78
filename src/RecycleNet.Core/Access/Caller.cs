using RecycleNet.Core.Input;

namespace RecycleNet.Core.Access;

/// <summary>
/// Who a request is, as its key or token says: a name the bureau chose (a plan's author, the audit log's "who"), a role,
/// and what it is bound to. <paramref name="City"/> null: every city; <paramref name="EnterpriseId"/>: a dispatcher's one
/// enterprise. The rules of what each may do are here, once; endpoints ask them and translate the refusal.
/// </summary>
public sealed record Caller(string Name, Role Role, string? City = null, long? EnterpriseId = null)
{
    /// <summary>Why this caller may not write in <paramref name="cityId"/> (<paramref name="cityZh"/> its Chinese name), or null.</summary>
    public Reason? WriteRefusal(string cityId, string cityZh) => Role switch
    {
        Role.Viewer => new("A viewer's key or token may read but not write; ask for a planner's.",
            "查看人员的密钥或令牌只能查看，不能修改；如需修改，请使用规划人员的密钥。"),
        Role.Dispatcher => new("A dispatcher's key or token works only on its enterprise's pick-ups, not on the planners' data.",
            "调度人员的密钥或令牌只能处理本企业的收运业务，不能修改规划数据。"),
        _ => CityRefusal(cityId, cityZh),
    };

    /// <summary>
    /// Why this caller may not read what only the bureau reads in <paramref name="cityId"/> (the audit log, who wrote a plan or
    /// corrected a figure), or null: planners and viewers of the city may.
    /// </summary>
    public Reason? BureauReadRefusal(string cityId, string cityZh) => Role == Role.Dispatcher
        ? new("A dispatcher's key or token does not read the bureau's audit log or authors.", "调度人员的密钥或令牌不能查看商务部门的操作记录和编制人员。")
        : CityRefusal(cityId, cityZh);

    /// <summary>Whether this caller, reading the enterprises, sees enterprise <paramref name="id"/>: a dispatcher sees only its own.</summary>
    public bool SeesEnterprise(long id) => Role != Role.Dispatcher || EnterpriseId == id;

    private Reason? CityRefusal(string cityId, string cityZh) => City is null || City == cityId
        ? null
        : new($"This key or token is bound to the city '{City}', not '{cityId}'.", $"此密钥或令牌只限城市“{City}”使用，不能用于{cityZh}。");
}
