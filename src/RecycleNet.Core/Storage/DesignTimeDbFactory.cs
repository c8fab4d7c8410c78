using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RecycleNet.Core.Storage;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<RecycleNetDb>
{
    public RecycleNetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RecycleNetDb>().UseSqlite("Data Source=design-time.db").Options);
}
