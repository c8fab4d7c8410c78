using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using RecycleNet.Core.Cities;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Auth;

/// <summary>
/// Authentication: one bearer header, two schemes behind it. A credential shaped like a JWT goes to the OIDC scheme when
/// it is configured; anything else is a key. Nothing is authenticated until a route asks (<see cref="Access"/>): public
/// reads never look a key up.
/// </summary>
public static class AuthSetup
{
    private const string Bearer = "bearer";

    public static void AddRecycleNetAuthentication(this IServiceCollection services, IConfiguration config)
    {
        var oidc = config.GetSection("RecycleNet:Oidc").Get<OidcSettings>() ?? new OidcSettings();
        if (OidcCallers.Check(oidc) is { } broken) throw new InvalidOperationException(broken);
        var auth = services.AddAuthentication(Bearer)
            .AddPolicyScheme(Bearer, "a key or an OIDC token", o => o.ForwardDefaultSelector = http =>
                oidc.Enabled && BearerToken.Of(http.Request) is { } token && BearerToken.IsJwt(token) ? OidcCallers.Scheme : KeyAuthentication.Name)
            .AddScheme<AuthenticationSchemeOptions, KeyAuthentication>(KeyAuthentication.Name, null);
        if (oidc.Enabled)
            auth.AddJwtBearer(OidcCallers.Scheme, o =>
            {
                o.MapInboundClaims = false; // the provider's claim names, as RoleClaim and NameClaim give them
                o.Audience = oidc.Audience;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                var keys = OidcCallers.SigningKeys(oidc).ToList();
                if (keys.Count == 0) o.Authority = oidc.Authority; // the keys come from the provider's discovery document
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = oidc.Issuer ?? oidc.Authority,
                    ValidAudience = oidc.Audience,
                    IssuerSigningKeys = keys.Count > 0 ? keys : null,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(oidc.ClockSkewSeconds),
                };
                o.Events = new Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerEvents
                {
                    OnTokenValidated = ctx =>
                    {
                        ctx.Principal = OidcCallers.Map(ctx.Principal!, oidc, ctx.HttpContext.RequestServices.GetRequiredService<CityCatalog>());
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddSingleton<WriteLimits>();
    }
}
