using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using RecycleNet.Core.Access;
using RecycleNet.Core.Cities;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Auth;

/// <summary>
/// A validated OIDC token as a <see cref="Caller"/>: its person by the name claim, its role by the role claim (mapped
/// through RoleValues, the strongest known one counting), its city and enterprise by theirs, checked by the same rules
/// as a configured key (<see cref="KeyGrant"/>). A token without a known role proves who it is and grants nothing.
/// </summary>
public static class OidcCallers
{
    public const string Scheme = "oidc";

    public static ClaimsPrincipal Map(ClaimsPrincipal token, OidcSettings s, CityCatalog cities)
    {
        var who = token.FindFirstValue(s.NameClaim) ?? token.FindFirstValue("name") ?? token.FindFirstValue("sub") ?? "?";
        var roles = token.FindAll(s.RoleClaim).Select(c => Roles.Parse(s.RoleValues.TryGetValue(c.Value, out var mapped) ? mapped : c.Value))
            .Where(r => r is not null).Select(r => r!.Value).ToList();
        if (roles.Count == 0)
            return CallerClaims.WithoutRole(who, new(
                $"The token names no role of this service in its claim '{s.RoleClaim}' (planner, viewer or dispatcher); ask the identity provider's administrators.",
                $"令牌的“{s.RoleClaim}”声明中没有本服务的角色（planner 规划人员、viewer 查看人员或 dispatcher 调度人员）；请联系统一身份认证的管理员授权。"), Scheme);
        var role = roles.Min(); // Planner < Viewer < Dispatcher: the strongest first
        long? enterprise = role == Role.Dispatcher && long.TryParse(token.FindFirstValue(s.EnterpriseClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var e)
            ? e : null;
        var (caller, errors) = KeyGrant.Read(who, role.Id(), token.FindFirstValue(s.CityClaim), enterprise, cities);
        return caller is not null
            ? CallerClaims.Principal(caller, Scheme)
            : CallerClaims.WithoutRole(who, new(
                "The token's claims grant nothing here: " + string.Join("; ", errors.Select(x => $"{Claim(x.Field, s)} {x.Rule}")),
                "令牌的声明在此不授予任何权限：" + string.Join("；", errors.Select(x => $"{Claim(x.Field, s)} {x.RuleZh}"))), Scheme);
    }

    private static string Claim(string field, OidcSettings s) => field switch
    {
        "City" => s.CityClaim,
        "Enterprise" => s.EnterpriseClaim,
        "Role" => s.RoleClaim,
        _ => s.NameClaim,
    };

    /// <summary>The provider's public keys from PEM files (RSA or EC public keys) or JWKS documents.</summary>
    public static IEnumerable<SecurityKey> SigningKeys(OidcSettings s) => s.SigningKeyFiles.SelectMany(file =>
    {
        var text = File.ReadAllText(file);
        if (text.TrimStart().StartsWith('{')) return new JsonWebKeySet(text).GetSigningKeys();
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(text);
            return [new RsaSecurityKey(rsa)];
        }
        catch (ArgumentException)
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(text);
            return (IEnumerable<SecurityKey>)[new ECDsaSecurityKey(ec)];
        }
    });

    /// <summary>Why these settings cannot work, or null.</summary>
    public static string? Check(OidcSettings s)
    {
        if (!s.Enabled) return null;
        if (string.IsNullOrWhiteSpace(s.Audience))
            return "RecycleNet:Oidc:Audience must name this service's client id: without it a token meant for any other application of the provider would open this one";
        if (s.SigningKeyFiles.Length == 0 && string.IsNullOrWhiteSpace(s.Authority))
            return "RecycleNet:Oidc needs the provider's Authority (its discovery document gives the signing keys) or SigningKeyFiles";
        return s.SigningKeyFiles.FirstOrDefault(f => !File.Exists(f)) is { } missing ? $"RecycleNet:Oidc:SigningKeyFiles: no file {missing}" : null;
    }
}
