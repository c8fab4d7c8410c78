using System.Globalization;
using RecycleNet.Core.Access;
using RecycleNet.Core.Cities;
using RecycleNet.Core.Storage;
using RecycleNet.Api.Auth;

namespace RecycleNet.Api.Hosting;

/// <summary>
/// `dotnet run --project src/RecycleNet.Api -- keys add NAME [--role planner|viewer|dispatcher] [--city ID] [--enterprise ID]
/// | rotate NAME | revoke NAME | list`: named keys kept in the store, one per person or tool, so the audit log says who
/// wrote. A new or rotated key is printed once; only its SHA-256 is stored. Every instance on the database honours a change
/// at once (keys are looked up per request), without a restart.
/// </summary>
public static class KeyCommand
{
    private static readonly string[] Options = ["--role", "--city", "--enterprise"];

    /// <summary>
    /// The command's words and its own options (--role, --city, --enterprise with their values), and the rest of the
    /// arguments, which are configuration (--RecycleNet:Store postgres …).
    /// </summary>
    public static (string[] Command, string[] Configuration) Split(string[] args)
    {
        var command = new List<string>();
        var i = 0;
        for (; i < args.Length; i++)
        {
            if (Options.Contains(args[i], StringComparer.Ordinal) && i + 1 < args.Length) command.AddRange([args[i], args[++i]]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) break;
            else command.Add(args[i]);
        }
        return (command.ToArray(), args[i..]);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<PlannerKeyStore>();
        switch (args)
        {
            case ["add", var name, .. var options]:
                if (!TryOptions(options, out var role, out var city, out var enterprise)) return Usage();
                var (caller, errors) = KeyGrant.Read(name, role, city, enterprise, app.Services.GetRequiredService<CityCatalog>());
                if (caller is null) return Fail(string.Join("\n", errors.Select(e => $"--{e.Field.ToLowerInvariant()}: {e.Rule}（{e.RuleZh}）")));
                var key = PlannerKeys.NewKey();
                if (!await keys.AddAsync(caller, PlannerKeys.Hash(key), CancellationToken.None)) return Fail($"a key named '{caller.Name}' exists already");
                Console.WriteLine($"Key '{caller.Name}' ({Describe(caller)}; shown once, the store keeps only its hash): {key}");
                return 0;
            case ["rotate", var name]:
                var fresh = PlannerKeys.NewKey();
                if (!await keys.RotateAsync(name, PlannerKeys.Hash(fresh), CancellationToken.None)) return Fail($"no active key named '{name}'");
                Console.WriteLine($"Key '{name}' rotated: the old secret no longer works on any instance. The new one (shown once): {fresh}");
                return 0;
            case ["revoke", var name]:
                if (!await keys.RevokeAsync(name, CancellationToken.None)) return Fail($"no active key named '{name}'");
                Console.WriteLine($"Key '{name}' revoked.");
                return 0;
            case ["list"]:
                foreach (var k in await keys.ListAsync(CancellationToken.None))
                    Console.WriteLine(string.Join('\t', k.Name, k.Role, k.City ?? "every city", k.EnterpriseId is { } e ? $"enterprise {e}" : "-",
                        $"created {k.Created:yyyy-MM-dd HH:mm}Z", k.Rotated is { } r ? $"rotated {r:yyyy-MM-dd HH:mm}Z" : "-",
                        k.Revoked is { } v ? $"revoked {v:yyyy-MM-dd HH:mm}Z" : "active"));
                return 0;
            default:
                return Usage();
        }
    }

    private static string Describe(Caller c) =>
        $"{c.Role.Id()} {c.Role.Zh()}, {(c.City is { } city ? $"city {city}" : "every city")}{(c.EnterpriseId is { } e ? $", enterprise {e}" : "")}";

    private static bool TryOptions(string[] options, out string? role, out string? city, out long? enterprise)
    {
        (role, city, enterprise) = (null, null, null);
        for (var i = 0; i + 1 < options.Length; i += 2)
        {
            switch (options[i])
            {
                case "--role": role = options[i + 1]; break;
                case "--city": city = options[i + 1]; break;
                case "--enterprise" when long.TryParse(options[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var e): enterprise = e; break;
                default: return false;
            }
        }
        return options.Length % 2 == 0;
    }

    private static int Usage() =>
        Fail("usage: keys add NAME [--role planner|viewer|dispatcher] [--city ID] [--enterprise ID] | keys rotate NAME | keys revoke NAME | keys list");

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
