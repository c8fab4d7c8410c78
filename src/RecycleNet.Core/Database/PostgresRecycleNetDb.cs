using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Database;

/// <summary>
/// The team's store: PostgreSQL 15 + PostGIS 3, the same tables as the SQLite store with geometry in PostGIS columns
/// (EPSG:4326, lon/lat) under GiST indexes, so bbox and spatial filters run in the database. Its migrations are its own
/// (Storage/PostgresMigrations): SQL types differ, and each provider's history stays readable.
/// </summary>
public sealed class PostgresRecycleNetDb(DbContextOptions<PostgresRecycleNetDb> options, CityScope scope) : RecycleNetDb(options, scope)
{
    /// <summary>Every stored geometry is WGS84 / CGCS2000 lon/lat; PostGIS checks it against the column.</summary>
    public const int Srid = 4326;

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasPostgresExtension("postgis");
        base.OnModelCreating(b);
    }

    protected override void MapGeometry<T>(EntityTypeBuilder<T> e)
    {
        e.Property(x => x.Geometry).HasColumnType($"geometry(Geometry,{Srid})").IsRequired();
        e.HasIndex(x => x.Geometry).HasMethod("gist");
    }

    // Geometries come from many paths (imports, PUT bodies, the demo) in lon/lat without an SRID; PostGIS refuses a
    // geometry whose SRID differs from its column's, so it is stamped here, once, for every path.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampSrid();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampSrid();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampSrid()
    {
        foreach (var entry in ChangeTracker.Entries<SpatialEntity>())
            if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity.Geometry.SRID != Srid)
                entry.Entity.Geometry.SRID = Srid;
    }
}
