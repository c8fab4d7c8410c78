using System.Text.Json;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Input;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;
using RecycleNet.Api.Http;

namespace RecycleNet.Api.Subsidies;

/// <summary>A subsidy estimate request, read and checked: the policy, the application, and each item's JSON path.</summary>
public sealed record SubsidyRequest(Policy Policy, SubsidyApplication Application, IReadOnlyDictionary<string, string> PathOf)
{
    /// <summary>The policy's rules; the reader only accepts policies that have them.</summary>
    public SubsidyRuleSet Rules => Policy.Subsidies!;
}

/// <summary>
/// Reads POST /api/subsidies/estimate: the city's policy (the one applied; <c>policy</c> may name it, never another
/// city's) and its rules, then the application, read by Core (<see cref="SubsidyApplicationReader"/>) under those rules.
/// </summary>
public static class SubsidyRequestReader
{
    /// <param name="root">The body, read by <see cref="RequestBody"/> (a JSON object).</param>
    /// <param name="city">The request's city: its policy is the one applied; <c>policy</c> may name it, never another city's.</param>
    public static IResult? TryRead(JsonElement root, PolicyCatalog catalog, City city, CityCatalog cities, out SubsidyRequest? request)
    {
        request = null;

        var r = new JsonFieldReader();
        var choice = CityPolicy.Resolve(city, r.Text(root, "", "policy"), catalog, cities);
        if (r.Errors.Count > 0) return Problems.InvalidRequest(r.Errors);
        if (choice.Policy is not { } policy) return Problems.PolicyRefused(choice);
        if (policy.Subsidies is not { } rules) return NoRules(city, policy);

        var (application, pathOf) = SubsidyApplicationReader.Read(root, rules, r);
        if (r.Errors.Count > 0) return Problems.InvalidRequest(r.Errors);
        request = new SubsidyRequest(policy, application!, pathOf);
        return null;
    }

    /// <summary>A city whose policy sets no subsidy this service encodes says so; it is never estimated under another city's rules.</summary>
    public static IResult NoRules(City city, Policy policy) => Problems.Make(404, "no-subsidy-rules",
        $"{city.NameEn}'s policy has no subsidy rules",
        $"The documents of {policy.Id} ({policy.DocumentNumber}) set no subsidy for outlets, stations or sorting centres that this service encodes; "
        + "nothing is estimated for this city, and another city's rules do not apply here.", field: "policy",
        detailZh: $"{city.Name}的政策 {policy.Id}（{policy.DocumentNumber}）未规定本服务所编码的回收网点、流动站点或分拣中心补贴；"
        + "本市无法测算补贴，其他城市的补贴规则不适用于本市。");
}
