using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Auth;

/// <summary>
/// The "key" scheme: <c>Authorization: Bearer &lt;key&gt;</c> with a configured, generated or stored key. A stored key is
/// found by its hash, so its lookup reveals nothing of the key by its timing; a revoked or rotated-out one opens nothing.
/// </summary>
public sealed class KeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PlannerKeys keys, PlannerKeyStore stored)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.Of(Request) is not { } key) return AuthenticateResult.NoResult();
        var caller = keys.CallerOf(key) ?? await stored.CallerOfAsync(PlannerKeys.Hash(key), Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail("The planner key is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.Principal(caller, Name), Name));
    }
}

/// <summary>The bearer credential of a request, and whether it has a JWT's shape (three dot-separated parts).</summary>
public static class BearerToken
{
    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header["Bearer ".Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    public static bool IsJwt(string token) => token.Count(c => c == '.') == 2;
}
