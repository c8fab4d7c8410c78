using System.Security.Cryptography;
using System.Text;

namespace RecycleNet.Api.Setup;

/// <summary>
/// The keys that may write. From RecycleNet:PlannerKeys when configured; otherwise one generated key,
/// kept in planner.key beside the database so it survives restarts, and printed once when created.
/// </summary>
public sealed class PlannerKeys
{
    public const string FileName = "planner.key";
    private readonly byte[][] _keys;

    private PlannerKeys(IEnumerable<string> keys) =>
        _keys = keys.Select(k => Encoding.UTF8.GetBytes(k.Trim())).Where(k => k.Length > 0).ToArray();

    public static PlannerKeys Load(RecycleNetOptions options, string databaseFolder, ILogger logger)
    {
        var configured = options.PlannerKeys.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (configured.Count > 0) return new PlannerKeys(configured);
        var file = Path.Combine(databaseFolder, FileName);
        if (File.Exists(file))
        {
            logger.LogInformation("Planner key: kept in {File}", file);
            return new PlannerKeys([File.ReadAllText(file)]);
        }
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        File.WriteAllText(file, key + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Printed once, on creation; afterwards only the file's location is logged.
        Console.WriteLine($"Generated planner key (writes need 'Authorization: Bearer <key>'): {key}\n  kept in {file}");
        return new PlannerKeys([key]);
    }

    public bool IsValid(string candidate)
    {
        var c = Encoding.UTF8.GetBytes(candidate);
        var ok = false;
        foreach (var k in _keys) ok |= CryptographicOperations.FixedTimeEquals(k, c);
        return ok;
    }
}

/// <summary>Endpoint filter: writes need a valid planner key; reads are public.</summary>
public sealed class RequirePlannerKey(PlannerKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Http.Problems.Unauthorized(context.HttpContext, "This write needs a planner key: send 'Authorization: Bearer <key>'.");
        if (!keys.IsValid(header["Bearer ".Length..].Trim()))
            return Http.Problems.Unauthorized(context.HttpContext, "The planner key is not valid.");
        return await next(context);
    }
}
