using Microsoft.AspNetCore.Authentication;
using RecycleNet.Core.Access;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Http;

namespace RecycleNet.Api.Auth;

/// <summary>What a route needs of its caller; the rules themselves are <see cref="Caller"/>'s.</summary>
public enum Need
{
    /// <summary>A planner of the request's city: every write.</summary>
    Write,

    /// <summary>A planner or viewer of the city: what only the bureau reads (the audit log).</summary>
    BureauRead,
}

/// <summary>
/// The caller of a request, authenticated when first asked (public reads never look a key up), and the endpoint filter
/// that lets a route's callers in: none is 401, a credential that does not reach the route is 403 with the reason in both
/// languages, too many writes are 429.
/// </summary>
public static class Access
{
    private const string Item = "recyclenet.caller";

    /// <summary>The request's caller, or null (no credential, a wrong one, or a token without a role).</summary>
    public static async Task<Caller?> CallerAsync(HttpContext http) => (await AuthenticateAsync(http)).Caller;

    /// <summary>The caller a filter let in: whose name goes in the audit log and on a plan.</summary>
    public static Caller Of(HttpContext http) =>
        http.Items[Item] as Caller ?? throw new InvalidOperationException("The route has no Access filter: who wrote would be unknown");

    /// <summary>Whether the request may see who wrote what (a plan's author, a figure's corrector): the bureau's planners and viewers.</summary>
    public static async Task<bool> SeesAuthorsAsync(HttpContext http)
    {
        var city = CityContext.Of(http);
        return await CallerAsync(http) is { } c && c.BureauReadRefusal(city.Id, city.City.Name) is null;
    }

    /// <summary>Lets in the callers <paramref name="need"/> says, and declares the 401, 403 and 429 that refuse the rest.</summary>
    public static RouteHandlerBuilder Require(this RouteHandlerBuilder route, Need need) =>
        route.AddEndpointFilter(Filter(need)).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);

    public static RouteGroupBuilder Require(this RouteGroupBuilder group, Need need) =>
        group.AddEndpointFilter(Filter(need)).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Filter(Need need) => async (context, next) =>
    {
        var http = context.HttpContext;
        var limits = http.RequestServices.GetRequiredService<WriteLimits>();
        if (limits.AddressWait(http) is { } wait) return Problems.RateLimited(http, wait);
        var (caller, scheme, failed) = await AuthenticateAsync(http);
        if (caller is null)
        {
            if (BearerToken.Of(http.Request) is not { } token)
                return Problems.Unauthorized(http, new("This needs a key or a token: send 'Authorization: Bearer <key>'.",
                    "此操作需要密钥或令牌：请在页面顶部填写密钥（即发送 Authorization: Bearer <密钥>）。"));
            if (!failed && CallerClaims.MissingRole(http.User) is { } missing) return Problems.Forbidden(missing);
            return Problems.Unauthorized(http, NotValid(token));
        }
        var city = CityContext.Of(http);
        if ((need == Need.Write ? caller.WriteRefusal(city.Id, city.City.Name) : caller.BureauReadRefusal(city.Id, city.City.Name)) is { } refused)
            return Problems.Forbidden(refused);
        if (need == Need.Write && limits.CallerWait(scheme!, caller.Name) is { } callerWait) return Problems.RateLimited(http, callerWait, perKey: true);
        http.Items[Item] = caller;
        return await next(context);
    };

    /// <summary>Why a credential that was sent lets nobody in: a token's checks, or a key that is none of the known.</summary>
    public static Core.Input.Reason NotValid(string credential) => BearerToken.IsJwt(credential)
        ? new("The token is not valid here (its signature, issuer, audience or expiry).", "令牌无效（签名、签发者、受众或有效期不符）。")
        : new("The planner key is not valid.", "规划人员密钥无效。");

    private sealed record Authenticated(Caller? Caller, string? Scheme, bool Failed);

    private static async Task<Authenticated> AuthenticateAsync(HttpContext http)
    {
        if (http.Items[typeof(Authenticated)] is Authenticated known) return known;
        var result = await http.AuthenticateAsync();
        Authenticated answer;
        if (result.Succeeded)
        {
            http.User = result.Principal;
            answer = new(CallerClaims.Of(result.Principal), result.Ticket.AuthenticationScheme, false);
        }
        else answer = new(null, null, result.Failure is not null);
        http.Items[typeof(Authenticated)] = answer;
        return answer;
    }
}
