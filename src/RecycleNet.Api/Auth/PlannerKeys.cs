using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RecycleNet.Core.Access;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Storage;
using RecycleNet.Api.Settings;

namespace RecycleNet.Api.Auth;

/// <summary>
/// The keys of the configuration: named keys with a role (RecycleNet:Keys), bare planner keys of the older form
/// (RecycleNet:PlannerKeys, "configured #1" …), or, with neither and nothing in the store, one generated planner key
/// ("generated"), printed once when created and kept so it survives restarts: in planner.key beside a SQLite database,
/// hashed in a PostgreSQL store. The configuration is followed as it changes (a key added, rotated or removed in
/// appsettings.json counts without a restart); a change that breaks a rule is logged and the keys before it kept.
/// Keys added with `keys add NAME` live in the store (<see cref="PlannerKeyStore"/>).
/// </summary>
public sealed class PlannerKeys : IDisposable
{
    public const string FileName = "planner.key";

    /// <summary>A configured secret's least length: a key guessed is a planner's write.</summary>
    public const int MinSecretLength = 16;

    private volatile (Caller Caller, byte[] Secret)[] _keys;
    private readonly (Caller Caller, byte[] Secret)[] _generated;
    private readonly IDisposable? _watch;

    private PlannerKeys((Caller, byte[])[] configured, (Caller, byte[])[] generated, IOptionsMonitor<RecycleNetOptions>? monitor, CityCatalog? cities, ILogger? logger)
    {
        _generated = generated;
        _keys = configured.Length > 0 ? configured : generated;
        _watch = monitor?.OnChange(o =>
        {
            try
            {
                var next = Read(o, cities!);
                _keys = next.Length > 0 ? next : _generated;
                logger!.LogInformation("Keys: the configuration changed; {Count} configured key(s) in use", next.Length);
            }
            catch (InvalidOperationException e)
            {
                logger!.LogError("Keys: the changed configuration is refused, the keys before it stay in use: {Why}", e.Message);
            }
        });
    }

    public void Dispose() => _watch?.Dispose();

    /// <summary>SHA-256 of a key, lower-case hex: what the store keeps.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public static PlannerKeys Load(IOptionsMonitor<RecycleNetOptions> monitor, CityCatalog cities, string? databaseFolder, IServiceScopeFactory scopes, ILogger logger)
    {
        var configured = Read(monitor.CurrentValue, cities); // a broken key fails the start, naming it
        if (configured.Length > 0) return new PlannerKeys(configured, [], monitor, cities, logger);
        (Caller, byte[])[] generated;
        if (databaseFolder is null) generated = GenerateInStore(scopes, logger);
        else
        {
            var file = Path.Combine(databaseFolder, FileName);
            string key;
            if (File.Exists(file))
            {
                key = File.ReadAllText(file).Trim();
                logger.LogInformation("Planner key: kept in {File}", file);
            }
            else
            {
                key = NewKey();
                // Readable by the service's user only from its first byte (not chmod-ed after it was written).
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using (var w = new StreamWriter(file, new UTF8Encoding(false), options)) w.Write(key + "\n");
                // Printed once, on creation; afterwards only the file's location is logged.
                Console.WriteLine($"Generated planner key (writes need 'Authorization: Bearer <key>'): {key}\n  kept in {file}");
            }
            generated = [(new Caller("generated", Role.Planner), Encoding.UTF8.GetBytes(key))];
        }
        return new PlannerKeys([], generated, monitor, cities, logger);
    }

    /// <summary>The configured keys, each checked by <see cref="KeyGrant"/>; any broken one throws, naming its setting.</summary>
    private static (Caller, byte[])[] Read(RecycleNetOptions options, CityCatalog cities)
    {
        var keys = new List<(Caller Caller, byte[] Secret)>();
        var errors = new List<string>();
        foreach (var (k, i) in options.Keys.Select((k, i) => (k, i)))
        {
            var (caller, broken) = KeyGrant.Read(k.Name, k.Role, k.City, k.Enterprise, cities);
            errors.AddRange(broken.Select(e => $"RecycleNet:Keys:{i}:{e.Field} {e.Rule}"));
            if ((k.Secret?.Trim().Length ?? 0) < MinSecretLength) errors.Add($"RecycleNet:Keys:{i}:Secret must be at least {MinSecretLength} characters");
            else if (caller is not null) keys.Add((caller, Encoding.UTF8.GetBytes(k.Secret!.Trim())));
        }
        var bare = options.PlannerKeys.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        keys.AddRange(bare.Select((k, i) => (new Caller($"configured #{i + 1}", Role.Planner), Encoding.UTF8.GetBytes(k))));
        foreach (var name in keys.GroupBy(k => k.Caller.Name).Where(g => g.Count() > 1)) errors.Add($"RecycleNet:Keys: two keys are named '{name.Key}'");
        if (keys.Select(k => Convert.ToBase64String(k.Secret)).Distinct().Count() < keys.Count) errors.Add("RecycleNet:Keys: two keys have the same secret");
        if (errors.Count > 0) throw new InvalidOperationException("The configured keys are refused: " + string.Join("; ", errors));
        return keys.ToArray();
    }

    /// <summary>A new random key: 24 bytes, URL-safe base64.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// A shared store has no folder of its own: the generated key is kept there hashed, as a stored key named "generated",
    /// so every instance honours it. It is printed once, by the instance that created it.
    /// </summary>
    private static (Caller, byte[])[] GenerateInStore(IServiceScopeFactory scopes, ILogger logger)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<PlannerKeyStore>();
        if (store.AnyActiveAsync(CancellationToken.None).GetAwaiter().GetResult())
        {
            logger.LogInformation("Planner keys: kept in the store (keys list)");
            return [];
        }
        var key = NewKey();
        store.AddAsync(new Caller("generated", Role.Planner), Hash(key), CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"Generated planner key (writes need 'Authorization: Bearer <key>'): {key}\n  kept hashed in the store as 'generated'");
        return [];
    }

    /// <summary>The configured or generated key <paramref name="candidate"/> is, or null. Every key is compared, in constant time.</summary>
    public Caller? CallerOf(string candidate)
    {
        var c = Encoding.UTF8.GetBytes(candidate);
        Caller? found = null;
        foreach (var (caller, k) in _keys)
            if (CryptographicOperations.FixedTimeEquals(k, c)) found ??= caller;
        return found;
    }
}
