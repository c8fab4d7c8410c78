using System.Globalization;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Input;
using RecycleNet.Core.Model;
using RecycleNet.Core.Plans;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Storage;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Auth;
using RecycleNet.Api.Subsidies;

namespace RecycleNet.Api.Plans;

/// <summary>
/// Plans (规划方案): /api/plans to keep, evaluate, compare, adopt and revert a named set of changes to the city's outlets and
/// sorting centres. Reads are public; writes need the planner key and are audited; PUT and DELETE need If-Match.
/// </summary>
public static class PlanEndpoints
{
    public static void MapPlans(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Plans");
        plans.MapGet("", ListAsync).WithSummary("The city's plans, newest first").Produces<List<PlanSummaryAnswer>>(200).WithName("ListPlans");
        plans.MapGet("/{id:long}", GetAsync).WithSummary("One plan with its changes; ETag = its version").Produces<PlanAnswer>(200).WithName("GetPlan").ProducesProblem(404);
        plans.MapGet("/{id:long}/evaluation", EvaluateAsync).WithSummary("What the plan would do against the city as it is: coverage, targets, loads, tiers, subsidy (?minutes=&speedKmh=; f=xlsx for a workbook, f=docx for a Word report with its map)")
            .Produces<PlanEvaluationAnswer>(200).WithName("EvaluatePlan").OrFile(SubsidyWorkbook.MediaType).OrFile(PlanReport.MediaType)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        plans.MapGet("/compare", CompareAsync).WithSummary("Two to four plans side by side (?ids=1,2)").Produces<PlanComparisonAnswer>(200).ProducesProblem(400).ProducesProblem(404);
        var writes = plans.MapGroup("").Require(Need.Write);
        writes.MapPost("", CreateAsync).WithSummary("Keep a plan (its changes are checked by the layers' rules; nothing is written to the layers)")
            .Accepts<PlanBody>("application/json").Produces<PlanAnswer>(201).WithName("CreatePlan").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404);
        writes.MapPut("/{id:long}", ReplaceAsync).WithSummary("Replace a draft's name and changes (If-Match)")
            .Accepts<PlanBody>("application/json").Produces<PlanAnswer>(200).WithName("ReplacePlan").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);
        writes.MapDelete("/{id:long}", DeleteAsync).WithSummary("Delete a plan that is not adopted (If-Match)")
            .Produces(204).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);
        writes.MapPost("/{id:long}/adopt", AdoptAsync).WithSummary("Write every change of the plan to the layers in one transaction, or none: refused with the conflicts when something it touches changed since")
            .Produces<PlanAdoptedAnswer>(200).WithName("AdoptPlan").ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        writes.MapPost("/{id:long}/revert", RevertAsync).WithSummary("Undo an adopted plan by a plan of its own: created features removed, changed ones restored")
            .Produces<PlanAdoptedAnswer>(200).WithName("RevertPlan").ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> ListAsync(HttpContext http, PlanStore store, CancellationToken ct) =>
        TypedResults.Ok((await PlanJson.ForReaderAsync(http, await store.ListAsync(ct))).Select(PlanJson.Summary));

    private static async Task<IResult> GetAsync(long id, HttpContext http, PlanStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } plan) return Problems.NotFound($"plan {id}", $"规划方案 {id}");
        await PlanJson.ForReaderAsync(http, new[] { plan });
        http.Response.Headers.ETag = Preconditions.ETag(plan.Version);
        return TypedResults.Ok(PlanJson.Full(plan));
    }

    /// <summary>The plan a body describes, or the problem with it: read, siting proposals accepted, every change checked against the city.</summary>
    private static async Task<(string? Name, PlanChanges? Changes, IResult? Problem)> ReadAsync(HttpRequest req, CityCache cities, SitingRunStore runs,
        IOptions<RecycleNetOptions> options, CancellationToken ct)
    {
        var read = await RequestBody.ObjectAsync(req, options.Value.MaxFeatureBytes, ct);
        if (read.Problem is { } bad) return (null, null, bad);
        var city = await cities.GetAsync(ct);
        var r = new JsonFieldReader();
        var (name, changes, from) = PlanRequest.Read(read.Value, city, r);
        if (from is { } job && r.Errors.Count == 0)
        {
            if (await runs.FindAsync(job.Job, ct) is not { } run) return (null, null, Problems.NotFound($"siting job {job.Job}", $"选址任务 {job.Job}"));
            if (await runs.OutcomeAsync(run, ct) is not { } outcome)
                return (null, null, Problems.Conflict(new($"siting job {job.Job} is {run.Status.ToString().ToLowerInvariant()}: only a done run's proposals can be accepted",
                    $"选址任务 {job.Job} 尚未完成（{run.Status.ToString().ToLowerInvariant()}）：只能接受已完成任务的建议")));
            PlanRequest.Accept(changes, outcome.Proposals, job.Job, job.Ranks, r);
        }
        if (r.Errors.Count == 0 && changes.Count > PlanLimits.MaxChanges)
            r.Fail("changes", $"holds {changes.Count} changes; a plan holds at most {PlanLimits.MaxChanges}", $"有 {changes.Count} 项改动；一个方案最多 {PlanLimits.MaxChanges} 项");
        if (r.Errors.Count == 0)
            foreach (var e in PlanApplier.Apply(city, changes).Errors) r.Errors.Add(e with { Field = $"changes.{e.Field}" });
        return r.Errors.Count > 0 ? (null, null, Problems.InvalidRequest(r.Errors)) : (name, changes, null);
    }

    private static async Task<IResult> CreateAsync(HttpRequest req, CityCache cities, SitingRunStore runs, PlanStore store, IOptions<RecycleNetOptions> options,
        CancellationToken ct)
    {
        var (name, changes, problem) = await ReadAsync(req, cities, runs, options, ct);
        if (problem is not null) return problem;
        var plan = await store.AddAsync(name!, changes!, AuditTrail.Entry(req.HttpContext, "create", "plans"), ct);
        req.HttpContext.Response.Headers.ETag = Preconditions.ETag(plan.Version);
        return TypedResults.Created($"{req.PathBase}/api/plans/{plan.Id}", PlanJson.Full(plan));
    }

    private static async Task<IResult> ReplaceAsync(long id, HttpRequest req, CityCache cities, SitingRunStore runs, PlanStore store,
        IOptions<RecycleNetOptions> options, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current) return Problems.NotFound($"plan {id}", $"规划方案 {id}");
        if (await Preconditions.RefusalAsync(req, "plan", current.Version,
            () => new(Preconditions.Stale(req.HttpContext, "plan", current.Version, PlanJson.Full(current)))) is { } precondition) return precondition;
        var (name, changes, problem) = await ReadAsync(req, cities, runs, options, ct);
        if (problem is not null) return problem;
        return await store.ReplaceAsync(id, current.Version, name!, changes!, AuditTrail.Entry(req.HttpContext, "replace", "plans"), ct) switch
        {
            PlanOutcome.Written done => Written(req.HttpContext, done.Plan),
            PlanOutcome.Stale stale => Preconditions.Stale(req.HttpContext, "plan", stale.Current.Version, PlanJson.Full(stale.Current)),
            PlanOutcome.Refused refused => Problems.Conflict(refused.Reason),
            _ => Problems.NotFound($"plan {id}", $"规划方案 {id}"),
        };
    }

    private static IResult Written(HttpContext http, Plan plan)
    {
        http.Response.Headers.ETag = Preconditions.ETag(plan.Version);
        return TypedResults.Ok(PlanJson.Full(plan));
    }

    private static async Task<IResult> DeleteAsync(long id, HttpRequest req, PlanStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current) return Problems.NotFound($"plan {id}", $"规划方案 {id}");
        if (await Preconditions.RefusalAsync(req, "plan", current.Version,
            () => new(Preconditions.Stale(req.HttpContext, "plan", current.Version, PlanJson.Full(current)))) is { } precondition) return precondition;
        return await store.DeleteAsync(id, current.Version, AuditTrail.Entry(req.HttpContext, "delete", "plans"), ct) switch
        {
            PlanOutcome.Written => TypedResults.NoContent(),
            PlanOutcome.Stale stale => Preconditions.Stale(req.HttpContext, "plan", stale.Current.Version, PlanJson.Full(stale.Current)),
            PlanOutcome.Refused refused => Problems.Conflict(refused.Reason),
            _ => Problems.NotFound($"plan {id}", $"规划方案 {id}"),
        };
    }

    private static async Task<IResult> AdoptAsync(long id, HttpRequest req, CityCache cities, PlanStore store, CancellationToken ct)
    {
        var city = await cities.GetAsync(ct);
        return Adopted(await store.AdoptAsync(id, city, () => AuditTrail.Entry(req.HttpContext, "adopt-plan", "plans"), ct), id);
    }

    private static async Task<IResult> RevertAsync(long id, HttpRequest req, CityCache cities, PlanStore store, CancellationToken ct)
    {
        var city = await cities.GetAsync(ct);
        return Adopted(await store.RevertAsync(id, city, () => AuditTrail.Entry(req.HttpContext, "revert-plan", "plans"), ct), id);
    }

    private static IResult Adopted(PlanOutcome outcome, long id) => outcome switch
    {
        PlanOutcome.Adopted done => TypedResults.Ok(new PlanAdoptedAnswer(PlanJson.Full(done.Plan), done.Adoption)),
        PlanOutcome.Conflicts c => Problems.Make(409, "plan-conflict", $"The plan touches {c.List.Count} feature(s) changed since it was made",
            "Nothing was changed. Each conflict names the feature, the version the plan was made from, the version now and who changed it; reload the plan's features and save it again.",
            c.List.Select(x => new
            {
                layer = x.Layer, id = x.Id, name = x.Name, baseVersion = x.BaseVersion, currentVersion = x.CurrentVersion,
                changedBy = x.ChangedBy, changedAt = x.ChangedAt, reason = x.Reason.En, reasonZh = x.Reason.Zh,
            }).ToList(), "changes"),
        PlanOutcome.Invalid invalid => NoLongerValid(invalid.Errors, "Nothing was changed: "),
        PlanOutcome.Refused refused => Problems.Conflict(refused.Reason),
        // Another request changed the plan while this one waited for it: nothing was written; reload it.
        PlanOutcome.Stale stale => Problems.Conflict(new($"plan {id} was changed by another request meanwhile (now version {stale.Current.Version}): nothing was written; reload it",
            $"方案 {id} 在此期间已被另一请求修改（现为第 {stale.Current.Version} 版）：未做任何写入；请重新载入")),
        _ => Problems.NotFound($"plan {id}", $"规划方案 {id}"),
    };

    private static async Task<IResult> EvaluateAsync(long id, HttpRequest req, CityContext here, PlanStore store, CityCache cities, NetworkStore network,
        VolumeCache volumes, ScorecardCache scorecards, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } plan) return Problems.NotFound($"plan {id}", $"规划方案 {id}");
        await PlanJson.ForReaderAsync(req.HttpContext, new[] { plan }); // the report and workbook name the author to planners only
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        var format = req.Query["f"].ToString();
        if (format is not ("" or "json" or "xlsx" or "docx")) return Problems.BadParameter("f", $"'{format}' is not offered; use json, xlsx or docx", $"不提供“{format}”格式；可用 json、xlsx 或 docx");
        var evaluation = await EvaluatePlanAsync(plan, here.Policy, cities, network, volumes, scorecards, walk, ct);
        if (evaluation.Problem is { } bad) return bad;
        var policy = here.Policy;
        if (format == "xlsx" || (format == "" && SubsidyWorkbook.Wanted(req)))
            return TypedResults.File(PlanWorkbook.Build(plan, evaluation.Value!, policy), SubsidyWorkbook.MediaType, $"plan-{plan.Id}.xlsx");
        if (format == "docx")
            return TypedResults.File(PlanReport.Build(plan, evaluation.Value!, policy, await cities.GetAsync(ct), here.City.Name, DateTime.UtcNow), PlanReport.MediaType,
                $"plan-{plan.Id}.docx");
        return TypedResults.Ok(PlanJson.Evaluation(plan, evaluation.Value!));
    }

    /// <summary>A plan whose changes the city, as it is now, refuses (a community it names was deleted …): 409, each change's problem listed.</summary>
    private static IResult NoLongerValid(IReadOnlyList<FieldError> errors, string lead) => Problems.Make(409, "plan-invalid",
        "The plan is no longer valid for the city as it is", lead + string.Join("; ", errors.Select(e => $"{e.Field} {e.Rule}")), Problems.Listed(errors), "changes");

    private static async Task<(PlanEvaluation? Value, IResult? Problem)> EvaluatePlanAsync(Plan plan, Policy policy, CityCache cities, NetworkStore network,
        VolumeCache volumes, ScorecardCache scorecards, Core.Network.WalkingOptions walk, CancellationToken ct)
    {
        var city = await cities.GetAsync(ct);
        var changes = PlanChanges.FromJson(plan.Changes);
        if (plan.Status != PlanStatus.Draft)
            return (null, Problems.Conflict(new($"plan {plan.Id} is {plan.Status.Name()}: its changes are in the layers (or undone); evaluate a draft",
                $"方案 {plan.Id} 的状态为“{ReportWords.PlanStatusZh(plan.Status)}”：其变更已写入图层（或已撤销）；请评估草稿方案")));
        var applied = PlanApplier.Apply(city, changes);
        if (!applied.Valid)
            return (null, NoLongerValid(applied.Errors, ""));
        var options = new ScorecardOptions { Coverage = new CoverageOptions { Walking = walk } };
        var reports = await volumes.GetAsync(ct);
        var before = scorecards.Get(city, network.Graph, policy, options, network.RoadsFor(city), reports);
        return (PlanEvaluator.Evaluate(city, applied, network.Graph, policy, options, c => network.RoadsFor(c), reports, before), null);
    }

    private static async Task<IResult> CompareAsync(HttpRequest req, CityContext here, PlanStore store, CityCache cities, NetworkStore network,
        VolumeCache volumes, ScorecardCache scorecards, CancellationToken ct)
    {
        var text = req.Query["ids"].ToString();
        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1).ToList();
        if (ids.Count is < 2 or > 4 || ids.Any(i => i <= 0) || ids.Distinct().Count() != ids.Count)
            return Problems.BadParameter("ids", "give two to four distinct plan ids, separated by commas (ids=3,5)", "请给出 2 至 4 个不同的方案编号，以逗号分隔（ids=3,5）");
        if (!WalkingQuery.TryParse(req, out var walk, out var problem)) return problem!;
        // The comparison is JSON only (each plan has its own workbook): a format it does not offer is refused, not ignored.
        if (req.Query["f"].ToString() is { Length: > 0 } f && f != "json")
            return Problems.BadParameter("f", $"'{f}' is not offered for a comparison; use json, or each plan's evaluation?f=xlsx",
                $"比较不提供“{f}”格式；可用 json，或分别下载各方案评估的 XLSX（evaluation?f=xlsx）");
        var list = new List<PlanEvaluationAnswer>();
        foreach (var id in ids)
        {
            if (await store.GetAsync(id, ct) is not { } plan) return Problems.NotFound($"plan {id}", $"规划方案 {id}");
            var evaluation = await EvaluatePlanAsync(plan, here.Policy, cities, network, volumes, scorecards, walk, ct);
            if (evaluation.Problem is { } bad) return bad;
            list.Add(PlanJson.Evaluation(plan, evaluation.Value!, summaryOnly: true));
        }
        return TypedResults.Ok(new PlanComparisonAnswer(list));
    }
}

/// <summary>Limits of plans.</summary>
public static class PlanLimits
{
    /// <summary>Most changes one plan holds: bounds its evaluation's time (bench: 100 changes) and its JSON.</summary>
    public const int MaxChanges = 2_000;
}
