using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Database;

/// <summary>
/// The store through EF Core: this class is the embedded SQLite store, and <see cref="PostgresRecycleNetDb"/> the team's
/// PostgreSQL + PostGIS store, with the same tables and its own migrations. On SQLite geometry is kept as WKB (the SQLite
/// NetTopologySuite plugin is not available); enums are lower-case text in both, so the tables read well in any browser.
/// </summary>
public class RecycleNetDb : DbContext
{
    private readonly CityScope _scope;

    /// <param name="scope">
    /// The unit of work's city, always given: a context never falls back to a city of its own (the service's routing
    /// decides a request's city, its default included); a scope whose id is null is the service's bookkeeping over every city.
    /// </param>
    public RecycleNetDb(DbContextOptions<RecycleNetDb> options, CityScope scope) : base(options) => _scope = scope;

    /// <summary>For a store of another provider, which configures its own options type.</summary>
    protected RecycleNetDb(DbContextOptions options, CityScope scope) : base(options) => _scope = scope;

    /// <summary>
    /// The city this context reads and writes: every city-owned table is filtered by it, and rows added get it. Null: every
    /// city (the service's bookkeeping), which may read and update but not add.
    /// </summary>
    public string? CityId => _scope.Id;

    public DbSet<District> Districts => Set<District>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<SortingCenter> SortingCenters => Set<SortingCenter>();
    public DbSet<Township> Townships => Set<Township>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<TransferStation> TransferStations => Set<TransferStation>();
    public DbSet<WasteSortingPoint> WasteSortingPoints => Set<WasteSortingPoint>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<StoredPlannerKey> PlannerKeys => Set<StoredPlannerKey>();
    public DbSet<SitingRun> SitingRuns => Set<SitingRun>();
    public DbSet<SitingProposal> SitingProposals => Set<SitingProposal>();
    public DbSet<SitingAssignment> SitingAssignments => Set<SitingAssignment>();
    public DbSet<SitingCenterLoad> SitingCenterLoads => Set<SitingCenterLoad>();
    public DbSet<StoredNetwork> Networks => Set<StoredNetwork>();
    public DbSet<StoredNetworkChunk> NetworkChunks => Set<StoredNetworkChunk>();
    public DbSet<VolumeReport> Volumes => Set<VolumeReport>();
    public DbSet<VolumeCorrection> VolumeCorrections => Set<VolumeCorrection>();
    public DbSet<Plan> Plans => Set<Plan>();

    /// <summary>The map layers' entity types.</summary>
    private static readonly Type[] LayerTypes =
    [
        typeof(District), typeof(Community), typeof(Outlet), typeof(SortingCenter),
        typeof(Township), typeof(Village), typeof(TransferStation), typeof(WasteSortingPoint),
    ];

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
            e.HasIndex(x => new { x.CityId, x.Adcode }).IsUnique();
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
            e.Ignore(x => x.MergedPointId);
            e.Ignore(x => x.IsMergedPoint);
            e.Property(x => x.Kind).HasConversion(new LowerCaseEnumConverter<OutletKind>());
            e.Property(x => x.Status).HasConversion(status);
            e.Property(x => x.Tier).HasConversion(new LowerCaseEnumConverter<OutletTier>());
            e.Ignore(x => x.Location);
        });
        b.Entity<SortingCenter>(e =>
        {
            e.ToTable("sorting_centers");
            MapGeometry(e);
            e.Property(x => x.Status).HasConversion(status);
            e.Property(x => x.Tier).HasConversion(new LowerCaseEnumConverter<CenterTier>());
            e.Ignore(x => x.Location);
        });
        b.Entity<Township>(e =>
        {
            e.ToTable("townships");
            MapGeometry(e);
            e.HasIndex(x => new { x.CityId, x.Code }).IsUnique();
            e.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Village>(e =>
        {
            e.ToTable("villages");
            MapGeometry(e);
            e.Property(x => x.Kind).HasConversion(new LowerCaseEnumConverter<VillageKind>());
            e.HasOne<Township>().WithMany().HasForeignKey(x => x.TownshipId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.Location);
        });
        b.Entity<TransferStation>(e =>
        {
            e.ToTable("transfer_stations");
            MapGeometry(e);
            e.Property(x => x.Status).HasConversion(status);
            e.HasOne<Township>().WithMany().HasForeignKey(x => x.TownshipId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.Location);
        });
        b.Entity<WasteSortingPoint>(e =>
        {
            e.ToTable("waste_sorting_points");
            MapGeometry(e);
            e.Property(x => x.Kind).HasConversion(new LowerCaseEnumConverter<WasteSortingPointKind>());
            e.Property(x => x.Status).HasConversion(status);
            e.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Village>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.Location);
        });
        b.Entity<Enterprise>(e =>
        {
            e.ToTable("enterprises");
            e.HasIndex(x => new { x.CityId, x.CreditCode }).IsUnique();
            e.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1L);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit");
            e.HasIndex(x => new { x.CityId, x.Id });
        });
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
                r.OwnsOne(x => x.VillageTier);
                r.OwnsOne(x => x.StationTier);
                r.OwnsOne(x => x.CentreTier);
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
        b.Entity<StoredNetwork>(e =>
        {
            e.ToTable("networks");
            e.HasIndex(x => x.CityId);
        });
        b.Entity<StoredNetworkChunk>(e =>
        {
            e.ToTable("network_chunks");
            e.HasKey(x => new { x.NetworkId, x.Seq });
            e.HasOne<StoredNetwork>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<VolumeReport>(e =>
        {
            e.ToTable("volumes");
            e.Property(x => x.FacilityKind).HasConversion(new LowerCaseEnumConverter<FacilityKind>()).HasMaxLength(24);
            e.Property(x => x.Category).HasMaxLength(32);
            e.Property(x => x.Unit).HasMaxLength(16);
            e.Ignore(x => x.Quantity);
            // One figure per facility, month, category and unit: a resubmission replaces it.
            e.HasIndex(x => new { x.CityId, x.FacilityKind, x.FacilityId, x.Month, x.Category, x.Unit }).IsUnique();
            // The scorecard's reads each scan one of these in its own order and never touch the table (covering indexes): a city of
            // a million figures answers in milliseconds, not seconds (bench: volumes). Monthly totals by category …
            e.HasIndex(x => new { x.CityId, x.Category, x.Month, x.Unit, x.DistrictId, x.QuantityMilli }).HasDatabaseName("IX_volumes_totals");
            // … when each facility reported a category (its first and last month, the months between) …
            e.HasIndex(x => new { x.CityId, x.Category, x.Unit, x.FacilityKind, x.FacilityId, x.Month }).HasDatabaseName("IX_volumes_spans");
            // … and each facility's tonnes of the last twelve months.
            e.HasIndex(x => new { x.CityId, x.Unit, x.Month, x.FacilityKind, x.FacilityId, x.QuantityMilli }).HasDatabaseName("IX_volumes_tonnes");
        });
        b.Entity<VolumeCorrection>(e =>
        {
            e.ToTable("volume_corrections");
            e.Property(x => x.FacilityKind).HasConversion(new LowerCaseEnumConverter<FacilityKind>()).HasMaxLength(24);
            e.HasIndex(x => new { x.CityId, x.FacilityKind, x.FacilityId, x.Month });
        });
        b.Entity<Plan>(e =>
        {
            e.ToTable("plans");
            e.HasIndex(x => new { x.CityId, x.Id });
            e.Property(x => x.Status).HasConversion(new LowerCaseEnumConverter<PlanStatus>());
            e.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1L);
        });
        b.Entity<StoredPlannerKey>(e =>
        {
            e.ToTable("planner_keys");
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.Hash).IsUnique();
        });
        // The version is checked in the UPDATE's WHERE clause: of two writers from the same version, one wins and the
        // other gets a concurrency failure, even when both passed their If-Match check at the same moment.
        foreach (var t in LayerTypes)
        {
            b.Entity(t).Property(nameof(SpatialEntity.Version)).IsConcurrencyToken().HasDefaultValue(1L);
            // A layer is read city by city, in id order.
            b.Entity(t).HasIndex(nameof(SpatialEntity.CityId), nameof(SpatialEntity.Id));
        }
        // An update names the row's city too (see VersionedSave): a replacement sent through another city's routes
        // finds no row to change, even by a known id.
        foreach (var t in LayerTypes.Append(typeof(Enterprise)))
            b.Entity(t).Property(nameof(ICityOwned.CityId)).IsConcurrencyToken();
        foreach (var t in b.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(ICityOwned).IsAssignableFrom).ToList())
        {
            b.Entity(t).Property(nameof(ICityOwned.CityId)).HasMaxLength(32).IsRequired();
            b.Entity(t).HasQueryFilter(CityFilter(t));
        }
    }

    /// <summary>x => CityId == null || x.CityId == CityId, with CityId read from this context at each query.</summary>
    private System.Linq.Expressions.LambdaExpression CityFilter(Type t)
    {
        var x = System.Linq.Expressions.Expression.Parameter(t, "x");
        var city = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Constant(this), nameof(CityId));
        var body = System.Linq.Expressions.Expression.OrElse(
            System.Linq.Expressions.Expression.Equal(city, System.Linq.Expressions.Expression.Constant(null, typeof(string))),
            System.Linq.Expressions.Expression.Equal(System.Linq.Expressions.Expression.Property(x, nameof(ICityOwned.CityId)), city));
        return System.Linq.Expressions.Expression.Lambda(body, x);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampCity();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampCity();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Rows come from many paths (imports, POST bodies, the demo, siting runs, audit entries) and none of them names a
    // city: it is stamped here, once, for every path. A row added for another city than the context's is a bug.
    private void StampCity()
    {
        foreach (var entry in ChangeTracker.Entries<ICityOwned>())
        {
            if (entry.State != EntityState.Added) continue;
            var row = entry.Entity;
            if (string.IsNullOrEmpty(row.CityId))
                row.CityId = CityId ?? throw new InvalidOperationException($"a {entry.Metadata.ClrType.Name} was added by a context of every city; name the city");
            else if (CityId is not null && row.CityId != CityId)
                throw new InvalidOperationException($"a {entry.Metadata.ClrType.Name} of {row.CityId} was added by a context of {CityId}");
        }
    }
}
