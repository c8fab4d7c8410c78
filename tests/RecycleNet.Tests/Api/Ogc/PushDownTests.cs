using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RecycleNet.Api.Cities;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Api.Services;

namespace RecycleNet.Tests.Api.Ogc;

/// <summary>
/// The PostgreSQL store runs bbox, equality, date and CQL2 filters in the database; its answers must be the in-memory
/// evaluator's, row for row, including three-valued logic over nulls and literals of the wrong type.
/// </summary>
public class PushDownTests
{
    private static readonly string[] Ops = ["=", "<>", "<", "<=", ">", ">="];

    [PostgresFact]
    public async Task Filters_run_by_PostgreSQL_match_the_in_memory_evaluator()
    {
        using var f = new ServiceFactory(seedDemo: true);
        f.CreateClient();
        var cache = f.Services.GetRequiredService<CityServices>().For("jinan").Features;
        using var scope = f.Services.GetRequiredService<IServiceScopeFactory>().CreateCityScope("jinan");
        var database = scope.ServiceProvider.GetRequiredService<RecycleNet.Core.Storage.FeatureStore>();
        RecycleNet.Core.Layers.LayerDefinition Layer(CollectionInfo c) => RecycleNet.Core.Layers.LayerCatalog.All.Single(l => l.Name == c.Id);
        var revision = f.Services.GetRequiredService<RecycleNet.Core.Database.StoreRevision>();
        await f.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SharedRevisionWatcher>().Single().Ready;
        var random = new Random(20261130);
        var before = revision.Value;
        var compared = 0;
        foreach (var id in new[] { "outlets", "communities", "districts", "sorting-centers" })
        {
            var collection = cache.Find(id)!;
            var table = await cache.GetAsync(collection, CancellationToken.None);
            var all = table.Query(new FeatureQuery { Limit = int.MaxValue }).Features;
            // The properties the database can filter on: those kept in a column of their own.
            var pushable = collection.Fields.Where(field => field.Type != "array" && database.Plan(Layer(collection),
                new FeatureQuery { Filter = Cql2Text.Parse($"{field.Name} IS NULL", collection, OutputCrs.Crs84) }) is not null).ToList();
            Assert.True(pushable.Count >= 3, $"{id}: only {string.Join(", ", pushable.Select(p => p.Name))} run in the database");

            string Literal(RecycleNet.Core.Layers.LayerField field)
            {
                var values = all.Select(r => r[field.Name]).Where(v => v is not null and not System.Collections.IList).ToList();
                var v = values.Count > 0 && random.Next(4) > 0 ? values[random.Next(values.Count)] : null;
                return v switch
                {
                    string s => $"'{s.Replace("'", "''")}'",
                    bool b => b ? "true" : "false",
                    DateOnly d => $"DATE('{d:yyyy-MM-dd}')",
                    null when field.Type == "number" || field.Type == "integer" => random.Next(0, 5000).ToString(CultureInfo.InvariantCulture),
                    null when field.Type == "boolean" => "true",
                    null => "'无此值'",
                    _ => Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
                };
            }

            string Expression(int depth)
            {
                var roll = random.Next(depth >= 3 ? 2 : 6);
                var field = pushable[random.Next(pushable.Count)];
                return roll switch
                {
                    0 => $"{field.Name} {Ops[random.Next(Ops.Length)]} {Literal(field)}",
                    1 => $"{field.Name} IS {(random.Next(2) == 0 ? "" : "NOT ")}NULL",
                    2 => $"({Expression(depth + 1)}) AND ({Expression(depth + 1)})",
                    3 => $"({Expression(depth + 1)}) OR ({Expression(depth + 1)})",
                    4 => $"NOT ({Expression(depth + 1)})",
                    _ => $"S_INTERSECTS(geometry, BBOX({116.9 + random.NextDouble() * 0.2:F4}, {36.55 + random.NextDouble() * 0.1:F4}, {117.1 + random.NextDouble() * 0.2:F4}, {36.7 + random.NextDouble() * 0.1:F4}))",
                };
            }

            for (var i = 0; i < 60; i++)
            {
                var text = Expression(0);
                Cql2Expression filter;
                try { filter = Cql2Text.Parse(text, collection, OutputCrs.Crs84); }
                catch (Cql2Exception) { continue; } // a combination the schema refuses (e.g. an ordering of booleans it does not allow)
                var q = new FeatureQuery
                {
                    Filter = filter, Limit = 100_000,
                    Bbox = random.Next(3) == 0 ? new NetTopologySuite.Geometries.Envelope(116.95, 117.15, 36.6, 36.75) : null,
                };
                var plan = database.Plan(Layer(collection), q);
                Assert.True(plan is not null, $"{id}: '{text}' was not run in the database");
                var inMemory = table.Query(q);
                var inDatabase = await database.QueryAsync(Layer(collection), plan!, q, CancellationToken.None);
                Assert.True(inMemory.NumberMatched == inDatabase.NumberMatched,
                    $"{id}: '{text}' matched {inMemory.NumberMatched} in memory and {inDatabase.NumberMatched} in PostgreSQL");
                Assert.Equal(inMemory.Features.Select(r => r.Id), inDatabase.Features.Select(r => r.Id));
                compared++;
            }
            // Equalities from the query string and a date interval go the same way.
            foreach (var field in pushable)
            {
                var q = new FeatureQuery { Limit = 100_000, PropertyEquals = [(field.Name, Literal(field).Trim('\'').Replace("DATE(", "").Replace(")", ""))] };
                if (database.Plan(Layer(collection), q) is not { } plan) continue;
                Assert.Equal(table.Query(q).Features.Select(r => r.Id), (await database.QueryAsync(Layer(collection), plan, q, CancellationToken.None)).Features.Select(r => r.Id));
            }
        }
        Assert.True(compared >= 150, $"only {compared} filters were compared");
        // Reading is not writing: had the pages moved the store's revision, every cache would rebuild after every page.
        Assert.Equal(before, revision.Value);
    }
}
