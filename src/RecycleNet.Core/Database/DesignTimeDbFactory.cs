using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RecycleNet.Core.Database;

/// <summary>Lets `dotnet ef migrations add` build the SQLite model without starting the service.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<RecycleNetDb>
{
    public RecycleNetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RecycleNetDb>().UseSqlite("Data Source=design-time.db").Options, new CityScope(null));
}

/// <summary>
/// The same for the PostgreSQL store (`--context PostgresRecycleNetDb --output-dir Storage/PostgresMigrations`);
/// generating a migration connects to nothing.
/// </summary>
public sealed class PostgresDesignTimeDbFactory : IDesignTimeDbContextFactory<PostgresRecycleNetDb>
{
    public PostgresRecycleNetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRecycleNetDb>().UseNpgsql("Host=localhost;Database=design_time", o => o.UseNetTopologySuite()).Options, new CityScope(null));
}
