using RecycleNet.Core.Cities;
using RecycleNet.Core.Policies;

namespace RecycleNet.Api.Cities;

/// <summary>
/// The city a request is for, resolved once per request by <see cref="CityRouting"/> (from /cities/{city}/…, ?city=, or
/// the configured default city): the city, the policy that binds it, and the catalog both were found in. Handlers take
/// it as a parameter (minimal APIs bind it through <see cref="BindAsync"/>) instead of looking the city and its policy
/// up again each.
/// </summary>
public sealed record CityContext(City City, Policy Policy, CityCatalog Cities)
{
    public string Id => City.Id;

    /// <summary>The request's context, as the routing middleware set it.</summary>
    public static CityContext Of(HttpContext http) =>
        http.Items.TryGetValue(typeof(CityContext), out var c) && c is CityContext context ? context
            : throw new InvalidOperationException("the request has no city: CityRouting runs before every endpoint");

    public static ValueTask<CityContext?> BindAsync(HttpContext http) => ValueTask.FromResult<CityContext?>(Of(http));

    /// <summary>The context of <paramref name="city"/> (the catalog's policies are validated on load, so the policy exists).</summary>
    public static CityContext For(City city, CityCatalog cities, PolicyCatalog policies) =>
        new(city, policies.Find(city.Policy) ?? throw new InvalidOperationException($"city {city.Id} names unknown policy '{city.Policy}'"), cities);
}
