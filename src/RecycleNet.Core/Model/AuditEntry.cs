namespace RecycleNet.Core.Model;

/// <summary>
/// One write, as the audit table keeps it: which planner key (by its name), when, what (action, layer, feature id),
/// and the feature's version before and after. Written in the same transaction as the write it records, so the
/// table never shows a write that did not happen, nor misses one that did.
/// </summary>
public sealed class AuditEntry : ICityOwned
{
    public long Id { get; set; }

    /// <summary>The city whose data the write changed.</summary>
    public string CityId { get; set; } = "";

    /// <summary>When, UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>The name of the planner key that wrote.</summary>
    public string Planner { get; set; } = "";

    /// <summary>create, replace, delete, import, load-network, unload-network, siting.</summary>
    public string Action { get; set; } = "";

    /// <summary>The layer (communities, outlets …), "enterprises", "network" or the siting kind.</summary>
    public string? Target { get; set; }

    public long? FeatureId { get; set; }
    public long? VersionBefore { get; set; }
    public long? VersionAfter { get; set; }

    /// <summary>What else there is to say (rows inserted and removed by an import, the network's name).</summary>
    public string? Detail { get; set; }
}

/// <summary>A planner key kept in the store: its name and the SHA-256 of the key, never the key itself.</summary>
public sealed class StoredPlannerKey
{
    public long Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the key's UTF-8 bytes, lower-case hex.</summary>
    public string Hash { get; set; } = "";

    public DateTime Created { get; set; }
    public DateTime? Revoked { get; set; }

    /// <summary>The role's id (<see cref="RecycleNet.Core.Access.Roles.Id"/>): keys from before roles were planners'.</summary>
    public string Role { get; set; } = "planner";

    /// <summary>The one city the key is bound to, or null for every city.</summary>
    public string? City { get; set; }

    /// <summary>A dispatcher's enterprise.</summary>
    public long? EnterpriseId { get; set; }

    /// <summary>When the key's secret was last replaced (keys rotate NAME): the old secret stopped working then.</summary>
    public DateTime? Rotated { get; set; }
}
