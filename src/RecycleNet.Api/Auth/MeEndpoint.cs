using System.ComponentModel;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Http;
using RecycleNet.Core.Access;

namespace RecycleNet.Api.Auth;

[Description("Who the request's key or token is here, and what it may do in this city; all null and false without one.")]
public sealed record CallerAnswer(string? Name, string? Role, string? RoleZh, string? City, long? EnterpriseId,
    [property: Description("Writes in this city are let in")] bool Writes,
    [property: Description("The audit log and authors are readable in this city")] bool ReadsBureau,
    [property: Description("Why writes are refused here, if they are")] string? WriteRefusal, string? WriteRefusalZh);

/// <summary>GET /api/me: the page shows whose key it holds and whether it may write here, before a write is refused.</summary>
public static class MeEndpoint
{
    public static void MapMe(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", async Task<IResult> (HttpContext http) =>
            {
                if (await Access.CallerAsync(http) is not { } c)
                    return BearerToken.Of(http.Request) is not { } sent
                        ? TypedResults.Ok(new CallerAnswer(null, null, null, null, null, false, false, null, null))
                        : Problems.Unauthorized(http, Access.NotValid(sent));
                var city = CityContext.Of(http);
                var refusal = c.WriteRefusal(city.Id, city.City.Name);
                return TypedResults.Ok(new CallerAnswer(c.Name, c.Role.Id(), c.Role.Zh(), c.City, c.EnterpriseId, refusal is null,
                    c.BureauReadRefusal(city.Id, city.City.Name) is null, refusal?.En, refusal?.Zh));
            })
            .WithTags("Service").WithName("WhoAmI").WithSummary("Whose key or token this is, its role, and whether it writes in this city")
            .Produces<CallerAnswer>(200).ProducesProblem(401);
}
