namespace RecycleNet.Api.Settings;

/// <summary>
/// One configured key (RecycleNet:Keys:N): its name (shown as a plan's author and in the audit log), its secret, its role
/// (planner, viewer, dispatcher; planner when left out), and what it is bound to. The configuration file is re-read when
/// it changes, so a key is added, rotated or removed there without a restart.
/// </summary>
public sealed class ConfiguredKey
{
    public string? Name { get; set; }
    public string? Secret { get; set; }
    public string? Role { get; set; }
    public string? City { get; set; }

    /// <summary>A dispatcher's enterprise id (GET /api/enterprises).</summary>
    public long? Enterprise { get; set; }
}

/// <summary>
/// RecycleNet:Oidc: JWT bearer tokens from a bureau's identity provider (统一身份认证), beside the keys. Off unless
/// <see cref="Issuer"/> or <see cref="Authority"/> is set.
/// </summary>
public sealed class OidcSettings
{
    /// <summary>The provider's address; its signing keys are read from its discovery document (/.well-known/openid-configuration).</summary>
    public string? Authority { get; set; }

    /// <summary>The token's "iss"; defaults to the authority's.</summary>
    public string? Issuer { get; set; }

    /// <summary>The token's "aud" this service accepts (its client id at the provider).</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// PEM files of the provider's public signing keys (RSA or EC), for a provider the service cannot reach or does not
    /// publish discovery: then no metadata is fetched.
    /// </summary>
    public string[] SigningKeyFiles { get; set; } = [];

    /// <summary>Discovery over plain HTTP only for a provider on this machine; https elsewhere.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim naming the person (the audit log's "who"); then "name", then "sub".</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The claim holding the role, one value or several (a JSON array); the strongest known one counts.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The provider's role values for each role, when they are not spelled planner / viewer / dispatcher (e.g. "recycle-admin": "planner").</summary>
    public Dictionary<string, string> RoleValues { get; set; } = [];

    /// <summary>The claim binding the person to one city (a city id), if the provider sends one.</summary>
    public string CityClaim { get; set; } = "city";

    /// <summary>The claim binding a dispatcher to an enterprise id.</summary>
    public string EnterpriseClaim { get; set; } = "enterprise";

    /// <summary>Leeway for the clocks of the provider and this machine.</summary>
    public int ClockSkewSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer) || !string.IsNullOrWhiteSpace(Authority);
}
