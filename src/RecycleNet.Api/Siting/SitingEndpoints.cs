using System.Text.Json;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Api.Setup;
using RecycleNet.Core.Policies;
using RecycleNet.Core.SiteSelection;
using RecycleNet.Core.Storage;

namespace RecycleNet.Api.Siting;

/// <summary>
/// /api/siting: where the next outlets and sorting centres should go (planner key). A POST starts a run and answers
/// 202 with its status URL (or, with ?wait=true, the finished answer); GET the status URL for the stage and, when
/// done, the plan; DELETE it to cancel.
/// </summary>
public static class SitingEndpoints
{
    public static void MapSiting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/siting").WithTags("Siting").AddEndpointFilter<RequirePlannerKey>();
        group.MapPost("/outlets", OutletsAsync)
            .WithSummary("Propose outlet sites: k sites, a city coverage share, a subsidy budget, or the policy's remaining target")
            .Accepts<OutletSitingBody>("application/json").Produces<SitingJobAnswer>(202).Produces<SitingJobAnswer>(200)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422).ProducesProblem(429);
        group.MapPost("/sorting-centers", CentersAsync)
            .WithSummary("Propose sorting-centre sites (p-median on outlet volumes; capacity and haul limit as options)")
            .Accepts<CenterSitingBody>("application/json").Produces<SitingJobAnswer>(202).Produces<SitingJobAnswer>(200)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422).ProducesProblem(429);
        group.MapGet("/jobs/{id:guid}", IResult (Guid id, HttpRequest req, SitingJobs jobs) =>
            jobs.Find(id) is { } job ? TypedResults.Ok(Status(job, req)) : Problems.NotFound($"siting job {id}"))
            .WithSummary("A siting run's stage, and its plan when done").Produces<SitingJobAnswer>(200).ProducesProblem(401).ProducesProblem(404);
        group.MapDelete("/jobs/{id:guid}", IResult (Guid id, HttpRequest req, SitingJobs jobs) =>
        {
            if (jobs.Find(id) is not { } job) return Problems.NotFound($"siting job {id}");
            job.Cancel.Cancel();
            return TypedResults.Accepted($"/api/siting/jobs/{id}", Status(job, req));
        }).WithSummary("Cancel a siting run").Produces<SitingJobAnswer>(202).ProducesProblem(401).ProducesProblem(404);
    }

    private static async Task<IResult> OutletsAsync(HttpRequest req, bool? wait, CityCache cities, NetworkStore network, PolicyCatalog catalog,
        SitingJobs jobs, RecycleNetDb db, IOptions<RecycleNetOptions> o, CancellationToken ct)
    {
        var read = await RequestBody.ObjectAsync(req, o.Value.MaxImportBytes, ct);
        if (read.Problem is { } unreadable) return unreadable;
        var city = await cities.GetAsync(ct);
        if (SitingRequest.TryReadOutlets(read.Value, catalog, city, jobs.Settings.Limits, out var options, out var cost) is { } bad) return bad;
        var graph = network.Graph;
        var job = jobs.Enqueue(SitingRequest.Outlets, options!.TimeLimitSeconds!.Value, (job, token) =>
        {
            var plan = OutletSiting.Plan(city, graph, options!, token, stage => job.Stage = stage);
            var own = options!.Candidates == CandidateSource.Uploaded ? options.UploadedCostsYuan : [];
            return SitingJson.Outlets(job.Id, plan, cost, j => j < own.Count ? own[(int)j] ?? cost : cost);
        });
        return job is null ? Busy(req, jobs) : await StartedAsync(job, req, db, wait == true, ct);
    }

    private static async Task<IResult> CentersAsync(HttpRequest req, bool? wait, CityCache cities, NetworkStore network, PolicyCatalog catalog,
        SitingJobs jobs, RecycleNetDb db, IOptions<RecycleNetOptions> o, CancellationToken ct)
    {
        var read = await RequestBody.ObjectAsync(req, o.Value.MaxImportBytes, ct);
        if (read.Problem is { } unreadable) return unreadable;
        var city = await cities.GetAsync(ct);
        if (SitingRequest.TryReadCenters(read.Value, catalog, city, jobs.Settings.Limits, out var options) is { } bad) return bad;
        var graph = network.Graph;
        var job = jobs.Enqueue(SitingRequest.Centers, options!.TimeLimitSeconds!.Value, (job, token) =>
        {
            job.Stage = "solving the p-median";
            return SitingJson.Centers(job.Id, CenterSiting.Plan(city, graph, options!, token));
        });
        return job is null ? Busy(req, jobs) : await StartedAsync(job, req, db, wait == true, ct);
    }

    /// <summary>
    /// The queue is full: 429 (the caller asked for more runs than the service takes at once; nothing is broken) with
    /// the seconds until a worker is likely free.
    /// </summary>
    private static IResult Busy(HttpRequest req, SitingJobs jobs)
    {
        var retry = jobs.RetryAfterSeconds();
        req.HttpContext.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Make(429, "siting-busy", "The siting queue is full",
            $"{jobs.Settings.Concurrency} run(s) at a time and {jobs.Settings.QueueLimit} waiting are allowed (RecycleNet:Siting); try again in {retry} s.", field: "queue");
    }

    /// <summary>A queued run is recorded (it publishes siting-proposals when done), then answered.</summary>
    private static async Task<IResult> StartedAsync(SitingJob job, HttpRequest req, RecycleNetDb db, bool wait, CancellationToken ct)
    {
        db.Audit.Add(AuditTrail.Entry(req.HttpContext, "siting", job.Kind, detail: $"job {job.Id}"));
        await db.SaveChangesAsync(ct);
        return await Answer(job, req, wait);
    }

    private static async Task<IResult> Answer(SitingJob job, HttpRequest req, bool wait)
    {
        var href = $"/api/siting/jobs/{job.Id}";
        if (!wait) return TypedResults.Accepted(href, Status(job, req));
        await job.Work;
        return job.Status == JobStatus.Failed
            ? Problems.Make(422, "siting-failed", "The siting run could not produce a plan", job.Error, field: "goal")
            : TypedResults.Ok(Status(job, req));
    }

    private static SitingJobAnswer Status(SitingJob job, HttpRequest req) => new(job.Id, job.Kind,
        JsonNamingPolicy.CamelCase.ConvertName(job.Status.ToString()), job.Stage, job.Started,
        job.Elapsed is { } e ? Math.Round(e.TotalMilliseconds) : null, $"{req.Scheme}://{req.Host}{req.PathBase}/api/siting/jobs/{job.Id}",
        job.Error, job.Result);
}
