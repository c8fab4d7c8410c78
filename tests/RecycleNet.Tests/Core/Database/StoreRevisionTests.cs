using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using RecycleNet.Core.Database;
using RecycleNet.Core.Model;

namespace RecycleNet.Tests.Core.Database;

/// <summary>
/// StoreRevision learns what a write touched from EF (the entities SaveChanges saves, the table an ExecuteDelete
/// targets), not from a pattern over the SQL: each write moves its own tables in its own city and nothing else, reads
/// move nothing, and a statement EF cannot describe moves everything.
/// </summary>
public sealed class StoreRevisionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("recyclenet-revision-").FullName;
    private readonly StoreRevision _revision = new();

    private RecycleNetDb Context(string? city)
    {
        var options = new DbContextOptionsBuilder<RecycleNetDb>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "store.db")};Pooling=False")
            .AddInterceptors(_revision.Interceptors).Options;
        return new RecycleNetDb(options, new CityScope(city));
    }

    public StoreRevisionTests()
    {
        using var db = Context(null);
        db.Database.Migrate();
    }

    public void Dispose() => new Api.TempFolder(_folder).Dispose();

    private Dictionary<(string City, string Table), long> Revisions() =>
        (from c in new[] { "jinan", "binzhou" } from t in StoreRevision.LayerTables select (c, t)).ToDictionary(k => k, k => _revision.Of(k.c, k.t));

    private List<(string City, string Table)> Moved(Dictionary<(string, string), long> before) =>
        [.. Revisions().Where(r => r.Value != before[r.Key]).Select(r => r.Key).OrderBy(k => k)];

    [Fact]
    public async Task Saving_an_outlet_moves_that_citys_outlets_and_nothing_else()
    {
        var before = Revisions();
        await using (var db = Context("binzhou"))
        {
            db.Outlets.Add(new Outlet { Name = "甲", Kind = OutletKind.Fixed, Status = FacilityStatus.Operating, Geometry = new Point(118.0, 37.4) { SRID = 4326 } });
            await db.SaveChangesAsync();
        }
        Assert.Equal([("binzhou", "outlets")], Moved(before));

        before = Revisions();
        await using (var db = Context("binzhou")) Assert.Single(await db.Outlets.ToListAsync());
        await using (var db = Context("binzhou")) await db.Database.ExecuteSqlRawAsync("SELECT 1");
        Assert.Empty(Moved(before));
    }

    [Fact]
    public async Task An_ExecuteDelete_moves_the_table_it_targets()
    {
        await using (var db = Context("jinan"))
        {
            db.Plans.Add(new Plan { Name = "方案" });
            await db.SaveChangesAsync();
        }
        var before = Revisions();
        await using (var db = Context("jinan")) Assert.Equal(1, await db.Plans.ExecuteDeleteAsync());
        Assert.Equal([("jinan", "plans")], Moved(before));
    }

    [Fact]
    public async Task A_statement_EF_cannot_describe_moves_every_table_in_every_city()
    {
        var before = Revisions();
        await using (var db = Context("jinan")) await db.Database.ExecuteSqlRawAsync("UPDATE outlets SET name = name WHERE 0");
        Assert.Equal(Revisions().Count, Moved(before).Count);
    }

    [Fact]
    public void Every_layer_table_is_a_table_of_the_model()
    {
        using var db = Context(null);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).ToHashSet();
        Assert.All(StoreRevision.LayerTables, t => Assert.Contains(t, tables));
    }
}
