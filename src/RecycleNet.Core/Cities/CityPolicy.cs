using RecycleNet.Core.Input;
using RecycleNet.Core.Policies;

namespace RecycleNet.Core.Cities;

/// <summary>What a request's <c>policy</c> member or parameter resolved to: the policy, or why it was refused.</summary>
/// <param name="Unknown">True when the id names no policy at all (a 404), false when it names another city's (a 400).</param>
public sealed record PolicyChoice(Policy? Policy, Reason? Refusal, bool Unknown = false);

/// <summary>
/// The one rule for a route that takes a policy: a city is planned under its own policy. A request that names none gets
/// the city's; one that names the city's gets it; one that names another city's policy is refused (a Binzhou applicant
/// must not be estimated under Jinan's rules, nor Jinan's communities scored against Binzhou's targets), with the way
/// to ask that city instead.
/// </summary>
public static class CityPolicy
{
    /// <param name="cities">To name the city whose policy was asked for, and its routes.</param>
    public static PolicyChoice Resolve(City city, string? requested, PolicyCatalog catalog, CityCatalog cities)
    {
        ArgumentNullException.ThrowIfNull(city);
        var id = string.IsNullOrWhiteSpace(requested) ? city.Policy : requested.Trim();
        if (catalog.Find(id) is not { } policy)
        {
            var shown = id.Length <= 40 ? id : id[..40] + "…";
            return new PolicyChoice(null, new Reason(
                $"'{shown}' is not a known policy; {city.NameEn}'s is {city.Policy} (or leave policy out)",
                $"“{shown}”不是已知的政策；{city.Name}的政策为 {city.Policy}（也可不填）"), Unknown: true);
        }
        if (policy.Id == city.Policy) return new PolicyChoice(policy, null);
        var routes = cities.All.FirstOrDefault(c => c.Policy == policy.Id) is { } owner ? $"/cities/{owner.Id}/…" : null;
        return new PolicyChoice(null, new Reason(
            $"{policy.Id} is the policy of {policy.CityEn}, and this request is for {city.NameEn} ({city.Id}), whose policy is {city.Policy}: "
            + $"leave policy out{(routes is null ? "" : $", or ask {policy.CityEn}'s routes ({routes})")}",
            $"{policy.Id} 是{policy.City}的政策，而本请求针对{city.Name}（{city.Id}），其政策为 {city.Policy}：请不填 policy"
            + (routes is null ? "" : $"，或改用{policy.City}的地址（{routes}）")));
    }
}
