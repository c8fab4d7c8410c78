using RecycleNet.Core.Storage;
using RecycleNet.Api.Auth;

namespace RecycleNet.Api.Hosting;

/// <summary>
/// `dotnet run --project src/RecycleNet.Api -- keys add NAME | revoke NAME | list`: planner keys kept in the store,
/// one per person or tool, so the audit log says who wrote. A new key is printed once; only its SHA-256 is stored.
/// Every instance on the database honours a change at once (keys are looked up per request).
/// </summary>
public static class KeyCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<PlannerKeyStore>();
        switch (args)
        {
            case ["add", var name]:
                name = name.Trim();
                if (name.Length is 0 or > 100 || RecycleNet.Core.Input.TextRules.Check(name) is not null)
                    return Fail("a key's name is 1 to 100 printable characters");
                var key = PlannerKeys.NewKey();
                if (!await keys.AddAsync(name, PlannerKeys.Hash(key), CancellationToken.None)) return Fail($"a key named '{name}' exists already");
                Console.WriteLine($"Planner key '{name}' (shown once; the store keeps only its hash): {key}");
                return 0;
            case ["revoke", var name]:
                if (!await keys.RevokeAsync(name, CancellationToken.None)) return Fail($"no active key named '{name}'");
                Console.WriteLine($"Planner key '{name}' revoked.");
                return 0;
            case ["list"]:
                foreach (var k in await keys.ListAsync(CancellationToken.None))
                    Console.WriteLine($"{k.Name}\tcreated {k.Created:yyyy-MM-dd HH:mm}Z\t{(k.Revoked is { } r ? $"revoked {r:yyyy-MM-dd HH:mm}Z" : "active")}");
                return 0;
            default:
                return Fail("usage: keys add NAME | keys revoke NAME | keys list");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
