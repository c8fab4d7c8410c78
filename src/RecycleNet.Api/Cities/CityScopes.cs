using RecycleNet.Core.Database;

namespace RecycleNet.Api.Cities;

/// <summary>Service scopes bound to one city: background work (network loads, siting runs, volume reads) reads and writes that city only.</summary>
public static class CityScopes
{
    /// <summary>A service scope whose store context reads and writes <paramref name="city"/>.</summary>
    public static IServiceScope CreateCityScope(this IServiceScopeFactory scopes, string? city)
    {
        var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CityScope>().Id = city;
        return scope;
    }

    /// <summary>The city of a scope, which must have one.</summary>
    public static string RequireCity(this IServiceProvider sp) =>
        sp.GetRequiredService<CityScope>().Id ?? throw new InvalidOperationException("this work needs a city: create its scope with CreateCityScope");
}
