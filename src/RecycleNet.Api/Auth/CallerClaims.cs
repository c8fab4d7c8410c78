using System.Globalization;
using System.Security.Claims;
using RecycleNet.Core.Access;

namespace RecycleNet.Api.Auth;

/// <summary>
/// A <see cref="Caller"/> as the claims of an authenticated request, whichever scheme let it in (a key, an OIDC token), and
/// back. A token that proves who it is but grants no role carries the reason instead, so a write can say why it is refused.
/// </summary>
public static class CallerClaims
{
    private const string Name = "recyclenet:name", RoleType = "recyclenet:role", City = "recyclenet:city", Enterprise = "recyclenet:enterprise",
        NoRole = "recyclenet:no-role", NoRoleZh = "recyclenet:no-role-zh";

    public static ClaimsPrincipal Principal(Caller caller, string scheme)
    {
        var claims = new List<Claim> { new(Name, caller.Name), new(RoleType, caller.Role.Id()) };
        if (caller.City is { } city) claims.Add(new(City, city));
        if (caller.EnterpriseId is { } e) claims.Add(new(Enterprise, e.ToString(CultureInfo.InvariantCulture)));
        return new(new CallerIdentity(caller, claims, scheme));
    }

    // The claims are for ASP.NET's own consumers (User.Identity.Name, logs); the caller rides along, so that each
    // request does not parse back what the scheme handler has just written.
    private sealed class CallerIdentity(Caller caller, IEnumerable<Claim> claims, string scheme) : ClaimsIdentity(claims, scheme, CallerClaims.Name, RoleType)
    {
        public Caller Caller { get; } = caller;
    }

    /// <summary>An authenticated principal that is no caller: who it is, and why it may do nothing here.</summary>
    public static ClaimsPrincipal WithoutRole(string who, Core.Input.Reason why, string scheme) =>
        new(new ClaimsIdentity([new(Name, who), new(NoRole, why.En), new(NoRoleZh, why.Zh)], scheme, Name, RoleType));

    public static Caller? Of(ClaimsPrincipal user)
    {
        if (user.Identity is CallerIdentity { IsAuthenticated: true } known) return known.Caller;
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(Name) is not { } name || Roles.Parse(user.FindFirstValue(RoleType)) is not { } role)
            return null;
        long? enterprise = long.TryParse(user.FindFirstValue(Enterprise), NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : null;
        return new Caller(name, role, user.FindFirstValue(City), enterprise);
    }

    /// <summary>Why an authenticated principal has no role, if that is what it is.</summary>
    public static Core.Input.Reason? MissingRole(ClaimsPrincipal user) =>
        user.FindFirstValue(NoRole) is { } en ? new(en, user.FindFirstValue(NoRoleZh) ?? en) : null;
}
