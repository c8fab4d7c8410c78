using System.ComponentModel;

namespace RecycleNet.Api.Http;

// The JSON bodies the service reads and answers, as types: the OpenAPI document describes them (.Accepts<T>) and each
// reader takes exactly their members (Fields.Of<T>, Core/Input), so what is documented and what is accepted cannot drift
// apart. The bodies of plans, siting, subsidy estimates and enterprises are Core's (Plans/PlanBodies,
// SiteSelection/SitingBodies, Subsidies/SubsidyBodies, Enterprises/EnterpriseInput), beside their readers.

[Description("The walk a coverage figure assumes: minutes at a speed, and the distance they make.")]
public sealed record WalkAnswer(double Minutes, double SpeedKmh, double LimitM);

[Description("A column of an imported table and the layer property it is read as.")]
public sealed record ColumnReadAnswer(string Header, [property: Description("null: ignored; geometry: coordinates")] string? Field);

[Description("A row as read: its number in the file and its values by property.")]
public sealed record PreviewRowAnswer(int Index, IReadOnlyDictionary<string, object?> Properties);

[Description("What an import did.")]
public sealed record ImportAnswer(string Layer, string Mode, string Crs, string Format, int Inserted, int Removed, IReadOnlyList<long> Ids,
    IReadOnlyList<string> IgnoredFields, [property: Description("true: checked only (?dryRun=true); inserted and removed say what applying would do")] bool DryRun = false,
    [property: Description("dry run: each column and the property it is read as (null: ignored; geometry: coordinates)")] IReadOnlyList<ColumnReadAnswer>? Columns = null,
    [property: Description("dry run: the first five rows as read")] IReadOnlyList<PreviewRowAnswer>? Preview = null,
    [property: Description("a CSV's encoding as read: UTF-8, GB18030 (what Chinese Excel's 'CSV（逗号分隔）' writes), or the charset declared")] string? Encoding = null);
