using System.ComponentModel;

namespace RecycleNet.Api.Http;

// The JSON bodies the service reads and answers, as types: the OpenAPI document describes them (.Accepts<T>) and each
// reader takes exactly their members (Fields.Of<T>, Core/Input), so what is documented and what is accepted cannot drift
// apart. The bodies of plans, siting, subsidy estimates and enterprises are Core's (Plans/PlanBodies,
// SiteSelection/SitingBodies, Subsidies/SubsidyBodies, Enterprises/EnterpriseInput), beside their readers.

[Description("What an import did.")]
public sealed record ImportAnswer(string Layer, string Mode, string Crs, string Format, int Inserted, int Removed, IReadOnlyList<long> Ids,
    IReadOnlyList<string> IgnoredFields, [property: Description("true: checked only (?dryRun=true); inserted and removed say what applying would do")] bool DryRun = false,
    [property: Description("dry run: each column and the property it is read as (null: ignored; geometry: coordinates)")] object? Columns = null,
    [property: Description("dry run: the first five rows as read")] object? Preview = null,
    [property: Description("a CSV's encoding as read: UTF-8, GB18030 (what Chinese Excel's 'CSV（逗号分隔）' writes), or the charset declared")] string? Encoding = null);

[Description("A siting run: its status (queued, running, done, failed, cancelled), stage, and when done its plan.")]
public sealed record SitingJobAnswer(Guid Id, string Kind, string Status, string Stage, DateTimeOffset Started, double? ElapsedMs, string Href,
    string? Error, string? ErrorZh, object? Result);

[Description("What a volume import stored (or, with dryRun, would store): figures, facility-months, resubmissions and the corrections they make (the first 500).")]
public sealed record VolumeImportAnswer(bool DryRun, string Layout, string Format,
    [property: Description("a CSV's encoding as read: UTF-8, GB18030, or the charset declared; null for XLSX")] string? Encoding, int Figures, int FacilityMonths, int Resubmitted, int ReplacedFigures,
    int CorrectionCount, IReadOnlyList<object> Corrections,
    [property: Description("replace or merge, as asked; null when the request gave none")] string? Mode,
    [property: Description("Stored figures of resubmitted facility-months this report does not name again: removed by replace, kept by merge")] int RemovedCount,
    [property: Description("True (dry runs only) when the report would remove figures and no mode was given: the real import would be refused with 409")] bool NeedsMode,
    IReadOnlyList<object> Removed);

[Description("The volume statistics' categories and units.")]
public sealed record VolumeCategoriesAnswer(string Source, IReadOnlyList<RecycleNet.Core.Volumes.VolumeUnit> Units,
    IReadOnlyList<RecycleNet.Core.Volumes.VolumeCategory> Categories);
