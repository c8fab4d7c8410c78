using NetTopologySuite.Geometries;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Features;
using RecycleNet.Core.Layers;
using RecycleNet.Core.SiteSelection;

namespace RecycleNet.Api.Siting;

/// <summary>Siting answers as JSON (proposals as a GeoJSON FeatureCollection) and as features for the OGC collection.</summary>
public static class SitingJson
{
    /// <summary>The OGC collection of the latest plans: proposed outlets and sorting centres, one point each.</summary>
    public static readonly CollectionInfo Collection = new("siting-proposals", "选址建议 Siting proposals",
        "The latest proposals of POST /api/siting/outlets and /api/siting/sorting-centers: where new outlets and sorting centres should go.",
        "point",
        [
            new LayerField("kind", "string", "outlet | sortingCenter"), new LayerField("rank", "integer", "1 = the largest gain"),
            new LayerField("label", "string", "candidate name (community, planner's site), if any"), new LayerField("district", "string", "district"),
            new LayerField("householdsGained", "integer", "outlets: households newly within the walk, given the higher-ranked sites"),
            new LayerField("cumulativeShare", "number", "outlets: city coverage share with this and the higher-ranked sites"),
            new LayerField("estimatedSubsidyYuan", "number", "outlets: the subsidy a new outlet earns under the policy"),
            new LayerField("outlets", "integer", "sorting centres: outlets hauling here"),
            new LayerField("loadTonnesPerDay", "number", "sorting centres: recyclables arriving per day"),
            new LayerField("jobId", "string", "the siting run"),
        ]);

    /// <param name="costOf">The subsidy a candidate (by index) would earn, or null when the policy sets none.</param>
    public static (object Answer, IReadOnlyList<FeatureRecord> Features) Outlets(Guid job, OutletSitingResult r, decimal? siteCost, Func<long, decimal?> costOf)
    {
        var features = r.Proposals.Select(p => new FeatureRecord(p.Rank, new Point(p.Lon, p.Lat),
        [
            P("kind", "outlet"), P("rank", (long)p.Rank), P("label", p.Label), P("district", p.District?.Name),
            P("householdsGained", p.HouseholdsGained), P("cumulativeShare", Math.Round(p.CumulativeShare, 4)),
            P("estimatedSubsidyYuan", costOf(p.CandidateIndex)), P("outlets", null), P("loadTonnesPerDay", null), P("jobId", job.ToString()),
        ])).ToList();
        var answer = new
        {
            solver = Solver(r.Solution.Method, r.Solution.Elapsed, r.Solution.Objective, r.Solution.UpperBound, r.Solution.Gap, r.Solution.Optimal),
            before = Totals(r.Before),
            after = Totals(r.After),
            goalReached = r.GoalReached,
            sitesNeededLowerBound = r.SitesNeededLowerBound,
            candidates = r.CandidateCount,
            coveragePairs = r.CoveragePairs,
            buildMs = Math.Round(r.BuildTime.TotalMilliseconds),
            siteCostYuan = siteCost,
            totalSubsidyYuan = siteCost is null ? (decimal?)null : r.Proposals.Sum(p => costOf(p.CandidateIndex) ?? 0),
            proposals = FeatureCollection(features),
        };
        return (answer, features);
    }

    public static (object Answer, IReadOnlyList<FeatureRecord> Features) Centers(Guid job, CenterSitingResult r)
    {
        var features = r.Proposals.Select(p => new FeatureRecord(100_000 + p.Rank, new Point(p.Lon, p.Lat),
        [
            P("kind", "sortingCenter"), P("rank", (long)p.Rank), P("label", p.Label), P("district", p.District?.Name),
            P("householdsGained", null), P("cumulativeShare", null), P("estimatedSubsidyYuan", null),
            P("outlets", (long)p.Outlets), P("loadTonnesPerDay", p.LoadTonnesPerDay), P("jobId", job.ToString()),
        ])).ToList();
        var s = r.Solution;
        var answer = new
        {
            solver = Solver(s.Method, s.Elapsed, s.CostTonneKm, s.LowerBound, s.Gap, s.Optimal),
            before = new { outletsWithinHaulLimit = r.ServedBefore, tonneKmPerDay = Math.Round(r.CostBeforeTonneKm, 3) },
            after = new { outletsWithinHaulLimit = r.ServedAfter, tonneKmPerDay = Math.Round(s.CostTonneKm, 3) },
            outlets = r.Hauls.Count,
            candidates = r.CandidateCount,
            proposals = FeatureCollection(features),
            existing = r.Existing.Select(e => new { centerId = e.Center.Id, e.Center.Name, e.Outlets, e.LoadTonnesPerDay, capacityTonnesPerDay = e.Center.CapacityTonnesPerDay, e.OverCapacity }),
            assignments = r.Hauls.Select(h => new
            {
                outletId = h.Outlet.Id, outletName = h.Outlet.Name, centerId = h.CenterId, proposalRank = h.ProposalRank,
                distanceM = h.DistanceM, volumeTonnesPerDay = Math.Round(h.VolumeTonnesPerDay, 4), withinLimit = h.DistanceM is not null,
            }),
        };
        return (answer, features);
    }

    private static object Solver(string method, TimeSpan elapsed, double objective, double bound, double gap, bool optimal) => new
    {
        method, elapsedMs = Math.Round(elapsed.TotalMilliseconds), objective = Math.Round(objective, 3), bound = Math.Round(bound, 3),
        gap = Math.Round(gap, 6), optimal,
    };

    private static object Totals(CoverageTotals t) => new { t.Households, t.CoveredHouseholds, t.Communities, t.CoveredCommunities, share = Math.Round(t.Share, 4) };

    private static object FeatureCollection(IEnumerable<FeatureRecord> features) => new
    {
        type = "FeatureCollection",
        features = features.Select(f => new
        {
            type = "Feature", id = f.Id,
            geometry = new { type = "Point", coordinates = new[] { Math.Round(f.Geometry.Coordinate.X, 7), Math.Round(f.Geometry.Coordinate.Y, 7) } },
            properties = f.Properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
        }),
    };

    private static KeyValuePair<string, object?> P(string k, object? v) => new(k, v);

    /// <summary>The proposals of a stored answer, back as features of <see cref="Collection"/> (typed by its schema).</summary>
    public static IReadOnlyList<FeatureRecord> ProposalsFrom(string answer)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(answer);
        var list = new List<FeatureRecord>();
        foreach (var f in doc.RootElement.GetProperty("proposals").GetProperty("features").EnumerateArray())
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            var props = f.GetProperty("properties");
            list.Add(new FeatureRecord(f.GetProperty("id").GetInt64(), new Point(c[0].GetDouble(), c[1].GetDouble()),
                [.. Collection.Fields.Select(field => P(field.Name, props.TryGetProperty(field.Name, out var v) ? Value(v, field.Type) : null))]));
        }
        return list;
    }

    private static object? Value(System.Text.Json.JsonElement v, string type) => v.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Null => null,
        System.Text.Json.JsonValueKind.String => v.GetString(),
        System.Text.Json.JsonValueKind.Number when type == "integer" => v.GetInt64(),
        System.Text.Json.JsonValueKind.Number => v.GetDouble(),
        _ => v.GetRawText(),
    };
}
