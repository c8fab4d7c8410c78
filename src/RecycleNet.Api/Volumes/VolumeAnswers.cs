using System.ComponentModel;

namespace RecycleNet.Api.Volumes;

[Description("One monthly figure. facility, month, category, quantity, unit, source and note are the import's long layout, so a workbook of figures imports back as it is.")]
public sealed record VolumeFigureAnswer([property: Description("e.g. outlets/12")] string Facility, string? FacilityLabel,
    [property: Description("yyyy-MM")] string Month, string Category, string? CategoryLabel, decimal Quantity, string Unit, string? UnitLabel,
    string? District, string? Source, string? Note);

[Description("Figures one page at a time (?offset=&limit=), newest month first.")]
public sealed record VolumeFiguresPage(int NumberMatched, int Offset, int Limit, int Count, IReadOnlyList<VolumeFigureAnswer> Figures);

[Description("One total. The members of a grouping not asked for (?by=) are null.")]
public sealed record VolumeTotalAnswer(string? Category, string? CategoryLabel, [property: Description("yyyy-MM, by month")] string? Month,
    [property: Description("by year")] int? Year, long? DistrictId, string? District,
    [property: Description("e.g. outlets/12, by facility")] string? Facility, string? FacilityLabel, string Unit, string? UnitLabel, decimal Quantity,
    [property: Description("How many figures were summed")] int Figures);

[Description("Totals grouped as asked (?by=month,year,category,district,facility), one per unit.")]
public sealed record VolumeTotalsAnswer(IReadOnlyList<string> By, int Count, IReadOnlyList<VolumeTotalAnswer> Totals);

[Description("A figure changed or removed by a resubmitted report: who (planners only), when, the old and new quantity.")]
public sealed record VolumeCorrectionAnswer(long Id, DateTime At, [property: Description("Who resubmitted; null unless the reader is the bureau's")] string? Planner,
    string Facility, string? FacilityLabel, string Month, string Category, string? CategoryLabel, string Unit,
    [property: Description("null: the figure is new")] decimal? OldQuantity, [property: Description("null: the figure was removed")] decimal? NewQuantity, string? Note);

[Description("Figures changed by resubmitted reports, newest first.")]
public sealed record VolumeCorrectionsAnswer(int Count, IReadOnlyList<VolumeCorrectionAnswer> Corrections);

[Description("What a volume import stored (or, with dryRun, would store): figures, facility-months, resubmissions and the corrections they make (the first 500).")]
public sealed record VolumeImportAnswer(bool DryRun, string Layout, string Format,
    [property: Description("a CSV's encoding as read: UTF-8, GB18030, or the charset declared; null for XLSX")] string? Encoding, int Figures, int FacilityMonths, int Resubmitted, int ReplacedFigures,
    int CorrectionCount, IReadOnlyList<VolumeCorrectionAnswer> Corrections,
    [property: Description("replace or merge, as asked; null when the request gave none")] string? Mode,
    [property: Description("Stored figures of resubmitted facility-months this report does not name again: removed by replace, kept by merge")] int RemovedCount,
    [property: Description("True (dry runs only) when the report would remove figures and no mode was given: the real import would be refused with 409")] bool NeedsMode,
    IReadOnlyList<VolumeCorrectionAnswer> Removed);

[Description("The volume statistics' categories and units.")]
public sealed record VolumeCategoriesAnswer(string Source, IReadOnlyList<RecycleNet.Core.Volumes.VolumeUnit> Units,
    IReadOnlyList<RecycleNet.Core.Volumes.VolumeCategory> Categories);
