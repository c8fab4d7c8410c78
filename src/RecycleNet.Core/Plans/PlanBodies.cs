using System.ComponentModel;
using System.Text.Json;

namespace RecycleNet.Core.Plans;

// A plan's and a what-if's bodies: what the OpenAPI document describes and all that PlanRequest accepts.

[Description("POST /api/coverage/what-if: a plan's changes (add, move, close, update, merge, as in a plan); nothing is saved.")]
public sealed record WhatIfBody(PlanAddBody[]? Add, PlanMoveBody[]? Move,
    [property: Description("outlet ids, or { layer, id } objects")] JsonElement[]? Close, PlanUpdateBody[]? Update,
    [property: Description("operating waste-sorting point ids that would also take recyclables (两网融合)")] long[]? Merge, string? Crs);

[Description("POST /api/plans, PUT /api/plans/{id}: a plan's name and changes (the what-if body's shape, extended), or proposals of a siting run.")]
public sealed record PlanBody(string? Name, PlanChangesBody? Changes, PlanFromSitingBody? FromSitingJob, string? Crs);

public sealed record PlanChangesBody(PlanAddBody[]? Add, PlanMoveBody[]? Move,
    [property: Description("outlet ids, or { layer, id } objects")] JsonElement[]? Close, PlanUpdateBody[]? Update,
    [property: Description("operating waste-sorting point ids that would also take recyclables (两网融合)")] long[]? Merge);

[Description("A feature added: outlets by default; properties as the layer's GeoJSON has them (kind, areaM2, modern, status …).")]
public sealed record PlanAddBody(string? Layer, double Lon, double Lat, string? Name, JsonElement? Properties);

public sealed record PlanMoveBody(string? Layer, long Id, double Lon, double Lat);

[Description("Properties of an existing outlet or sorting centre that change (status, modern, areaM2, tier …).")]
public sealed record PlanUpdateBody(string? Layer, long Id, JsonElement Properties);

[Description("A done siting run's proposals accepted into the plan: all, or the ranks given.")]
public sealed record PlanFromSitingBody(string Id, int[]? Ranks);
