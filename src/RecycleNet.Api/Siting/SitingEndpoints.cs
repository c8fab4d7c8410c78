using System.Text.Json;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Model;
using RecycleNet.Core.Policies;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Auth;

namespace RecycleNet.Api.Siting;

/// <summary>
/// /api/siting: where the next outlets and sorting centres should go. A POST (planner key) starts a run and answers
/// 202 with its status URL (or, with ?wait=true, the finished answer); GET the status URL (public, like every read) for
/// the stage and, when done, the plan; DELETE it (planner key) to cancel.
/// </summary>
public static class SitingEndpoints
{
    public static void MapSiting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/siting").WithTags("Siting").Require(Need.Write);
        group.MapPost("/outlets", OutletsAsync).WithName("ProposeOutlets")
            .WithSummary("Propose outlet sites: k sites, a city coverage share, a subsidy budget, or the policy's remaining target")
            .Accepts<OutletSitingBody>("application/json").Produces<SitingJobAnswer>(202).Produces<SitingJobAnswer>(200)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422).ProducesProblem(429);
        group.MapPost("/sorting-centers", CentersAsync)
            .WithSummary("Propose sorting-centre sites (p-median on outlet volumes; capacity and haul limit as options)")
            .Accepts<CenterSitingBody>("application/json").Produces<SitingJobAnswer>(202).Produces<SitingJobAnswer>(200)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422).ProducesProblem(429);
        group.MapPost("/tiers", TiersAsync)
            .WithSummary("Whole chain for a county network: village outlets (maximal covering by road), transfer stations (p-median, one per township), county sorting centres (capacitated), each tier's gap and the total haul")
            .Accepts<TierSitingBody>("application/json").Produces<SitingJobAnswer>(202).Produces<SitingJobAnswer>(200)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(429);
        // Reads are public, as everywhere: the 202's Location is followed without a key.
        app.MapGroup("/api/siting").WithTags("Siting").MapGet("/jobs/{id:guid}", async Task<IResult> (Guid id, HttpRequest req, SitingJobs jobs, CancellationToken ct) =>
                await jobs.FindAsync(City(req), id, ct) is { } run ? TypedResults.Ok(await StatusAsync(run, req, jobs, ct)) : Problems.NotFound($"siting job {id}", $"选址任务 {id}"))
            .WithName("GetSitingJob").WithSummary("A siting run's stage, and its plan when done (public)").Produces<SitingJobAnswer>(200).ProducesProblem(404);
        group.MapDelete("/jobs/{id:guid}", async Task<IResult> (Guid id, HttpRequest req, SitingJobs jobs, CancellationToken ct) =>
            {
                switch (await jobs.CancelAsync(City(req), id, ct))
                {
                    case null: return Problems.NotFound($"siting job {id}", $"选址任务 {id}");
                    case false:
                        var ended = (await jobs.FindAsync(City(req), id, ct))!;
                        return Problems.Make(409, "conflict", "The run has already ended", $"Run {id} is {ended.Status}: there is nothing to cancel.", field: "id",
                            detailZh: $"选址任务 {id} 已结束（{ended.Status}），无需取消。");
                }
                return TypedResults.Accepted($"{req.PathBase}/api/siting/jobs/{id}", await StatusAsync((await jobs.FindAsync(City(req), id, ct))!, req, jobs, ct));
            }).WithSummary("Cancel a queued or running siting run (an accepted cancel wins over a result found meanwhile)")
            .Produces<SitingJobAnswer>(202).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/jobs/{id:guid}/retry", RetryAsync)
            .WithSummary("Queue an ended run's request again (an interrupted run, say) as a new run")
            .Produces<SitingJobAnswer>(202).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(429);
    }

    private static async Task<IResult> OutletsAsync(HttpRequest req, bool? wait, CityContext here, CityCache cities, NetworkStore network, PolicyCatalog catalog,
        SitingJobs jobs, IOptions<RecycleNetOptions> o, CancellationToken ct)
    {
        var read = await RequestBody.ObjectAsync(req, o.Value.MaxImportBytes, ct);
        if (read.Problem is { } unreadable) return unreadable;
        var city = await cities.GetAsync(ct);
        if (SitingRequest.TryReadOutlets(read.Value, catalog, (here.City, here.Cities), city, jobs.Settings.Limits, out var options, out var cost) is { } bad) return Problems.InvalidRequest(bad);
        return await QueueAsync(SitingRequest.Outlets, options!.TimeLimitSeconds!.Value, read.Value, req, jobs, wait == true, ct);
    }

    private static async Task<IResult> CentersAsync(HttpRequest req, bool? wait, CityContext here, CityCache cities, NetworkStore network, PolicyCatalog catalog,
        SitingJobs jobs, IOptions<RecycleNetOptions> o, CancellationToken ct)
    {
        var read = await RequestBody.ObjectAsync(req, o.Value.MaxImportBytes, ct);
        if (read.Problem is { } unreadable) return unreadable;
        var city = await cities.GetAsync(ct);
        if (SitingRequest.TryReadCenters(read.Value, catalog, (here.City, here.Cities), city, jobs.Settings.Limits, out var options) is { } bad) return Problems.InvalidRequest(bad);
        return await QueueAsync(SitingRequest.Centers, options!.TimeLimitSeconds!.Value, read.Value, req, jobs, wait == true, ct);
    }

    private static async Task<IResult> TiersAsync(HttpRequest req, bool? wait, CityContext here, CityCache cities,
        SitingJobs jobs, IOptions<RecycleNetOptions> o, CancellationToken ct)
    {
        var read = await RequestBody.ObjectAsync(req, o.Value.MaxPublicJsonBytes, ct);
        if (read.Problem is { } unreadable) return unreadable;
        var city = await cities.GetAsync(ct);
        if (SitingRequest.TryReadTiers(read.Value, here.Policy, city, out var options) is { } bad) return Problems.InvalidRequest(bad);
        return await QueueAsync(SitingRequest.Tiers, options!.TimeLimitSeconds, read.Value, req, jobs, wait == true, ct);
    }

    /// <summary>The request's city: runs are queued for it and found in it.</summary>
    private static string City(HttpRequest req) => CityContext.Of(req.HttpContext).Id;

    /// <summary>Stores the run (checked already, so any instance can take it), records it, and answers.</summary>
    private static async Task<IResult> QueueAsync(string kind, double seconds, JsonElement request, HttpRequest req, SitingJobs jobs,
        bool wait, CancellationToken ct)
    {
        var planner = Access.Of(req.HttpContext).Name;
        var run = await jobs.EnqueueAsync(City(req), kind, seconds, request.GetRawText(), planner, Audit(req), ct);
        return run is null ? await BusyAsync(req, jobs, ct) : await StartedAsync(run, req, jobs, wait, ct);
    }

    /// <summary>A queued run is recorded (it publishes siting-proposals when done) with the run itself.</summary>
    private static Func<SitingRun, AuditEntry> Audit(HttpRequest req) => run => AuditTrail.Entry(req.HttpContext, "siting", run.Kind, detail: $"job {run.Id}");

    private static async Task<IResult> RetryAsync(Guid id, HttpRequest req, SitingJobs jobs, CancellationToken ct)
    {
        if (await jobs.FindAsync(City(req), id, ct) is not { } ended) return Problems.NotFound($"siting job {id}", $"选址任务 {id}");
        if (!SitingRunStatus.IsFinished(ended.Status))
            return Problems.Make(409, "conflict", "The run has not ended", $"Run {id} is {ended.Status}; cancel it first, or wait for it.", field: "id",
                detailZh: $"选址任务 {id} 尚未结束（{ended.Status}）；请先取消，或等它结束。");
        var run = await jobs.RetryAsync(ended, Access.Of(req.HttpContext).Name, Audit(req), ct);
        return run is null ? await BusyAsync(req, jobs, ct) : await StartedAsync(run, req, jobs, false, ct);
    }

    /// <summary>
    /// The queue is full: 429 (the caller asked for more runs than the service takes at once; nothing is broken) with
    /// the seconds until a worker is likely free.
    /// </summary>
    private static async Task<IResult> BusyAsync(HttpRequest req, SitingJobs jobs, CancellationToken ct)
    {
        var retry = await jobs.RetryAfterSecondsAsync(ct);
        req.HttpContext.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Make(429, "siting-busy", "The siting queue is full",
            $"{jobs.Settings.Concurrency} run(s) at a time and {jobs.Settings.QueueLimit} waiting are allowed (RecycleNet:Siting); try again in {retry} s.", field: "queue",
            detailZh: $"同时最多运行 {jobs.Settings.Concurrency} 个、排队 {jobs.Settings.QueueLimit} 个选址任务（RecycleNet:Siting）；请 {retry} 秒后再试。");
    }

    private static async Task<IResult> StartedAsync(SitingRun run, HttpRequest req, SitingJobs jobs, bool wait, CancellationToken ct)
    {
        var href = $"{req.PathBase}/api/siting/jobs/{run.Id}";
        if (!wait) return TypedResults.Accepted(href, await StatusAsync(run, req, jobs, ct));
        var ended = await jobs.WaitAsync(run.CityId, run.Id, ct);
        return ended.Status == SitingRunStatus.Failed
            ? Problems.Make(422, "siting-failed", "The siting run could not produce a plan", ended.Error, field: "goal", detailZh: ended.ErrorZh)
            : TypedResults.Ok(await StatusAsync(ended, req, jobs, ct));
    }

    private static async Task<SitingJobAnswer> StatusAsync(SitingRun run, HttpRequest req, SitingJobs jobs, CancellationToken ct)
    {
        var result = await jobs.OutcomeAsync(run, ct) is { } outcome ? SitingJson.Answer(run.Kind, outcome) : null;
        return new(run.Id, run.Kind, run.Status, run.Stage, new DateTimeOffset(DateTime.SpecifyKind(run.Created, DateTimeKind.Utc)), run.ElapsedMs,
            $"{RecycleNet.Api.Http.PublicAddress.Origin(req)}{req.PathBase}/api/siting/jobs/{run.Id}", run.Error, run.ErrorZh, result);
    }
}
