using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Storage;

/// <summary>
/// The store through EF Core: this class is the embedded SQLite store, and <see cref="PostgresRecycleNetDb"/> the team's
/// PostgreSQL + PostGIS store, with the same tables and its own migrations. On SQLite geometry is kept as WKB (the SQLite
/// NetTopologySuite plugin is not available); enums are lower-case text in both, so the tables read well in any browser.
/// </summary>
public class RecycleNetDb : DbContext
{
    public RecycleNetDb(DbContextOptions<RecycleNetDb> options) : base(options) { }

    /// <summary>For a store of another provider, which configures its own options type.</summary>
    protected RecycleNetDb(DbContextOptions options) : base(options) { }

    public DbSet<District> Districts => Set<District>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<SortingCenter> SortingCenters => Set<SortingCenter>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<StoredPlannerKey> PlannerKeys => Set<StoredPlannerKey>();
    public DbSet<SitingRun> SitingRuns => Set<SitingRun>();
    public DbSet<SitingProposal> SitingProposals => Set<SitingProposal>();
    public DbSet<SitingAssignment> SitingAssignments => Set<SitingAssignment>();
    public DbSet<SitingCenterLoad> SitingCenterLoads => Set<SitingCenterLoad>();
    public DbSet<StoredNetwork> Networks => Set<StoredNetwork>();
    public DbSet<StoredNetworkChunk> NetworkChunks => Set<StoredNetworkChunk>();

    /// <summary>How a layer's geometry column is kept: WKB bytes here, a PostGIS column in the PostgreSQL store.</summary>
    protected virtual void MapGeometry<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e) where T : SpatialEntity =>
        e.Property(x => x.Geometry).HasConversion(new GeometryWkbConverter(), GeometryWkbConverter.Comparer).IsRequired();

    protected override void OnModelCreating(ModelBuilder b)
    {
        var status = new LowerCaseEnumConverter<FacilityStatus>();

        b.Entity<District>(e =>
        {
            e.ToTable("districts");
            MapGeometry(e);
            e.HasIndex(x => x.Adcode).IsUnique();
            e.Ignore(x => x.Households);
        });
        b.Entity<Community>(e =>
        {
            e.ToTable("communities");
            MapGeometry(e);
            e.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.Location);
        });
        b.Entity<Outlet>(e =>
        {
            e.ToTable("outlets");
            MapGeometry(e);
            e.Property(x => x.Kind).HasConversion(new LowerCaseEnumConverter<OutletKind>());
            e.Property(x => x.Status).HasConversion(status);
            e.Ignore(x => x.Location);
        });
        b.Entity<SortingCenter>(e =>
        {
            e.ToTable("sorting_centers");
            MapGeometry(e);
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
            // The result's figures are columns of the run (result_…), null until it is done.
            e.OwnsOne(x => x.Result, r =>
            {
                r.Property(x => x.SiteCostYuan).HasPrecision(14, 2);
                r.OwnsOne(x => x.Before);
                r.OwnsOne(x => x.After);
            });
        });
        b.Entity<SitingAssignment>(e =>
        {
            e.ToTable("siting_assignments");
            e.HasOne<SitingRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.RunId);
        });
        b.Entity<SitingCenterLoad>(e =>
        {
            e.ToTable("siting_center_loads");
            e.HasOne<SitingRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.RunId);
        });
        b.Entity<SitingProposal>(e =>
        {
            e.ToTable("siting_proposals");
            e.HasOne<SitingRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.RunId, x.Rank });
            e.Property(x => x.EstimatedSubsidyYuan).HasPrecision(14, 2);
        });
        b.Entity<StoredNetwork>(e => e.ToTable("networks"));
        b.Entity<StoredNetworkChunk>(e =>
        {
            e.ToTable("network_chunks");
            e.HasKey(x => new { x.NetworkId, x.Seq });
            e.HasOne<StoredNetwork>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
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
