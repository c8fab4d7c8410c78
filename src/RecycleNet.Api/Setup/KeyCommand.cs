using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Setup;

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
        var db = scope.ServiceProvider.GetRequiredService<RecycleNetDb>();
        switch (args)
        {
            case ["add", var name]:
                name = name.Trim();
                if (name.Length is 0 or > 100 || RecycleNet.Core.Input.TextRules.Check(name) is not null)
                    return Fail("a key's name is 1 to 100 printable characters");
                if (await db.PlannerKeys.AnyAsync(k => k.Name == name)) return Fail($"a key named '{name}' exists already");
                var key = PlannerKeys.NewKey();
                db.PlannerKeys.Add(new StoredPlannerKey { Name = name, Hash = PlannerKeys.Hash(key), Created = DateTime.UtcNow });
                await db.SaveChangesAsync();
                Console.WriteLine($"Planner key '{name}' (shown once; the store keeps only its hash): {key}");
                return 0;
            case ["revoke", var name]:
                var found = await db.PlannerKeys.FirstOrDefaultAsync(k => k.Name == name && k.Revoked == null);
                if (found is null) return Fail($"no active key named '{name}'");
                found.Revoked = DateTime.UtcNow;
                await db.SaveChangesAsync();
                Console.WriteLine($"Planner key '{name}' revoked.");
                return 0;
            case ["list"]:
                foreach (var k in await db.PlannerKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync())
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
