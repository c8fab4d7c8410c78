using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Storage;

/// <summary>
/// The store: SQLite through EF Core. Geometry is kept as WKB (the SQLite NetTopologySuite plugin is
/// not available), enums as lower-case text so the file reads well in any SQLite browser.
/// </summary>
public sealed class RecycleNetDb(DbContextOptions<RecycleNetDb> options) : DbContext(options)
{
    public DbSet<District> Districts => Set<District>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<SortingCenter> SortingCenters => Set<SortingCenter>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<StoredPlannerKey> PlannerKeys => Set<StoredPlannerKey>();
    public DbSet<SitingRun> SitingRuns => Set<SitingRun>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        var geometry = new GeometryWkbConverter();
        var status = new LowerCaseEnumConverter<FacilityStatus>();

        b.Entity<District>(e =>
        {
            e.ToTable("districts");
            e.Property(x => x.Geometry).HasConversion(geometry, GeometryWkbConverter.Comparer).IsRequired();
            e.HasIndex(x => x.Adcode).IsUnique();
            e.Ignore(x => x.Households);
        });
        b.Entity<Community>(e =>
        {
            e.ToTable("communities");
            e.Property(x => x.Geometry).HasConversion(geometry, GeometryWkbConverter.Comparer).IsRequired();
            e.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.Location);
        });
        b.Entity<Outlet>(e =>
        {
            e.ToTable("outlets");
            e.Property(x => x.Geometry).HasConversion(geometry, GeometryWkbConverter.Comparer).IsRequired();
            e.Property(x => x.Kind).HasConversion(new LowerCaseEnumConverter<OutletKind>());
            e.Property(x => x.Status).HasConversion(status);
            e.Ignore(x => x.Location);
        });
        b.Entity<SortingCenter>(e =>
        {
            e.ToTable("sorting_centers");
            e.Property(x => x.Geometry).HasConversion(geometry, GeometryWkbConverter.Comparer).IsRequired();
            e.Property(x => x.Status).HasConversion(status);
            e.Ignore(x => x.Location);
        });
        b.Entity<Enterprise>(e =>
        {
            e.ToTable("enterprises");
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1L);
        });
        b.Entity<AuditEntry>(e => e.ToTable("audit"));
        b.Entity<SitingRun>(e =>
        {
            e.ToTable("siting_runs");
            e.HasIndex(x => new { x.Status, x.Created });
        });
        b.Entity<StoredPlannerKey>(e =>
        {
            e.ToTable("planner_keys");
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.Hash).IsUnique();
        });
        // The version is checked in the UPDATE's WHERE clause: of two writers from the same version, one wins and the
        // other gets a concurrency failure, even when both passed their If-Match check at the same moment.
        foreach (var t in new[] { typeof(District), typeof(Community), typeof(Outlet), typeof(SortingCenter) })
            b.Entity(t).Property(nameof(SpatialEntity.Version)).IsConcurrencyToken().HasDefaultValue(1L);
    }
}
