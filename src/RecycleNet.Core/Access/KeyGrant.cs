using RecycleNet.Core.Cities;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Access;

/// <summary>
/// What a named key grants, as a bureau configures it (RecycleNet:Keys:N) or adds it (keys add NAME --role …): checked
/// here for both, so a key that would be refused as configuration is refused by the command alike.
/// </summary>
public static class KeyGrant
{
    public const int MaxNameLength = 100;

    /// <summary>The caller a key of these settings is, or the rules it breaks (fields named as the configuration names them).</summary>
    public static (Caller? Caller, IReadOnlyList<FieldError> Errors) Read(string? name, string? role, string? city, long? enterpriseId, CityCatalog cities)
    {
        var errors = new List<FieldError>();
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || TextRules.Check(name) is not null)
            errors.Add(new("Name", new Reason($"must be 1 to {MaxNameLength} printable characters", $"须为 1 到 {MaxNameLength} 个可打印字符")));
        var parsed = Roles.Parse(role ?? Role.Planner.Id());
        if (parsed is null) errors.Add(new("Role", Roles.Unknown(role)));
        if (city is not null && cities.Find(city) is null)
            errors.Add(new("City", new Reason($"names no city of this service ({string.Join(", ", cities.All.Select(c => c.Id))})",
                $"不是本服务的城市（{string.Join("、", cities.All.Select(c => $"{c.Name} {c.Id}"))}）")));
        if (parsed == Role.Dispatcher && enterpriseId is null)
            errors.Add(new("Enterprise", new Reason("a dispatcher is bound to one enterprise: give its id", "调度人员须绑定一家企业：请给出企业编号")));
        if (parsed is not null && parsed != Role.Dispatcher && enterpriseId is not null)
            errors.Add(new("Enterprise", new Reason("only a dispatcher is bound to an enterprise", "只有调度人员绑定企业")));
        return errors.Count > 0 ? (null, errors) : (new Caller(name, parsed!.Value, city, enterpriseId), errors);
    }
}
