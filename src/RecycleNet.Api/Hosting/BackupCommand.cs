using RecycleNet.Api.Settings;
using RecycleNet.Core.Database;

namespace RecycleNet.Api.Hosting;

/// <summary>
/// `dotnet run --project src/RecycleNet.Api -- backup PATH` and `… restore PATH` (with the service's configuration:
/// appsettings, environment, --options). On SQLite, a backup is taken while the service runs (online backup API);
/// a restore is made with the service stopped. On PostgreSQL, pg_dump and pg_restore are the tools a bureau's DBA
/// already trusts: the command prints the recipe for this database instead (README, "For a bureau's IT").
/// </summary>
public static class BackupCommand
{
    public static int Run(StoreSettings store, string[] args)
    {
        if (args is not ([("backup" or "restore"), var path]))
            return Fail("usage: backup PATH | restore PATH");
        if (store.Kind == StoreKind.Postgres)
        {
            var b = new Npgsql.NpgsqlConnectionStringBuilder(store.ConnectionString);
            var target = $"-h {b.Host} -p {b.Port} -U {b.Username}";
            Console.Error.WriteLine(args[0] == "backup"
                ? $"On PostgreSQL, back up with pg_dump (consistent while the service runs):\n  pg_dump {target} -Fc -f {path} {b.Database}"
                : $"On PostgreSQL, restore with pg_restore into a new database (the dump creates PostGIS in it), then point the service at it:\n  createdb {target} NEW && pg_restore {target} --no-owner -d NEW {path}");
            return 2;
        }
        try
        {
            var summary = args[0] == "backup" ? SqliteBackup.Backup(store.ConnectionString, path) : SqliteBackup.Restore(path, store.ConnectionString);
            Console.WriteLine($"{(args[0] == "backup" ? "Backed up" : "Restored")} {store.Describe()} {(args[0] == "backup" ? "to" : "from")} {summary.Path}: " +
                $"{summary.Bytes:N0} bytes, {summary.Tables} tables, migration {summary.Migration}; integrity_check ok.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
