using System.Security.Cryptography;
using System.Text;
using RecycleNet.Core.Storage;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Auth;

/// <summary>
/// The keys that may write, each with a name the audit log records. From RecycleNet:PlannerKeys when configured
/// ("configured #1" …); otherwise one generated key ("generated"), printed once when created and kept so it survives
/// restarts: in planner.key beside a SQLite database, hashed in a PostgreSQL store. Keys added with `keys add NAME` live in the store, hashed
/// (<see cref="RecycleNet.Core.Model.StoredPlannerKey"/>), and are checked by <see cref="RequirePlannerKey"/>.
/// </summary>
public sealed class PlannerKeys
{
    public const string FileName = "planner.key";
    private readonly (string Name, byte[] Key)[] _keys;

    private PlannerKeys(IEnumerable<string> keys, Func<int, string> name) =>
        _keys = keys.Select(k => Encoding.UTF8.GetBytes(k.Trim())).Where(k => k.Length > 0).Select((k, i) => (name(i), k)).ToArray();

    /// <summary>SHA-256 of a key, lower-case hex: what the store keeps.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public static PlannerKeys Load(RecycleNetOptions options, string? databaseFolder, IServiceScopeFactory scopes, ILogger logger)
    {
        var configured = options.PlannerKeys.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (configured.Count > 0) return new PlannerKeys(configured, i => $"configured #{i + 1}");
        if (databaseFolder is null) return GenerateInStore(scopes, logger);
        var file = Path.Combine(databaseFolder, FileName);
        if (File.Exists(file))
        {
            logger.LogInformation("Planner key: kept in {File}", file);
            return new PlannerKeys([File.ReadAllText(file)], _ => "generated");
        }
        var key = NewKey();
        File.WriteAllText(file, key + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Printed once, on creation; afterwards only the file's location is logged.
        Console.WriteLine($"Generated planner key (writes need 'Authorization: Bearer <key>'): {key}\n  kept in {file}");
        return new PlannerKeys([key], _ => "generated");
    }

    /// <summary>A new random key: 24 bytes, URL-safe base64.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// A shared store has no folder of its own: the generated key is kept there hashed, as a stored key named "generated",
    /// so every instance honours it. It is printed once, by the instance that created it.
    /// </summary>
    private static PlannerKeys GenerateInStore(IServiceScopeFactory scopes, ILogger logger)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<PlannerKeyStore>();
        if (store.AnyActiveAsync(CancellationToken.None).GetAwaiter().GetResult())
        {
            logger.LogInformation("Planner keys: kept in the store (keys list)");
            return new PlannerKeys([], _ => "");
        }
        var key = NewKey();
        store.AddAsync("generated", Hash(key), CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"Generated planner key (writes need 'Authorization: Bearer <key>'): {key}\n  kept hashed in the store as 'generated'");
        return new PlannerKeys([], _ => "");
    }

    /// <summary>The name of the configured or generated key <paramref name="candidate"/> is, or null. Every key is compared, in constant time.</summary>
    public string? NameOf(string candidate)
    {
        var c = Encoding.UTF8.GetBytes(candidate);
        string? name = null;
        foreach (var (n, k) in _keys)
            if (CryptographicOperations.FixedTimeEquals(k, c)) name ??= n;
        return name;
    }
}

/// <summary>
/// Endpoint filter: writes need a valid planner key; reads are public. The key's name is left in the request
/// (<see cref="PlannerOf"/>) for the audit log. A stored key is found by its hash, so its lookup reveals nothing
/// of the key by its timing; a revoked one no longer opens anything.
/// </summary>
public sealed class RequirePlannerKey(PlannerKeys keys, PlannerKeyStore stored) : IEndpointFilter
{
    private const string Item = "recyclenet.planner";

    /// <summary>The name of the key this request was let in with.</summary>
    public static string PlannerOf(HttpContext http) => http.Items[Item] as string ?? "unknown";

    /// <summary>
    /// The key name of a read's valid planner key, or null (no key, or a wrong one): the reads that show who wrote what
    /// (a plan's author, a correction's planner) show it to planners only; a read is never refused for its key.
    /// </summary>
    public static async Task<string?> PlannerOrNullAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var services = http.RequestServices;
        return await NameAsync(header, services.GetRequiredService<PlannerKeys>(), services.GetRequiredService<PlannerKeyStore>(), http.RequestAborted);
    }

    private static async Task<string?> NameAsync(string header, PlannerKeys keys, PlannerKeyStore stored, CancellationToken ct)
    {
        var key = header["Bearer ".Length..].Trim();
        if (key.Length == 0) return null;
        return keys.NameOf(key) ?? await stored.NameOfAsync(PlannerKeys.Hash(key), ct);
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Http.Problems.Unauthorized(http, new("This write needs a planner key: send 'Authorization: Bearer <key>'.",
                "此操作需要规划人员密钥：请在页面顶部填写密钥（即发送 Authorization: Bearer <密钥>）。"));
        var name = await NameAsync(header, keys, stored, http.RequestAborted);
        if (name is null) return Http.Problems.Unauthorized(http, new("The planner key is not valid.", "规划人员密钥无效。"));
        http.Items[Item] = name;
        return await next(context);
    }
}
