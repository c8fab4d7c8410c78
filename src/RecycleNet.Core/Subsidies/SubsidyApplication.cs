namespace RecycleNet.Core.Subsidies;

/// <summary>The item types an application lists, as rules name them in "appliesTo".</summary>
public static class SubsidyItemTypes
{
    public const string FixedOutlet = "fixedOutlet", MobileStation = "mobileStation", Facility = "facility";
    public static readonly IReadOnlyList<string> All = [FixedOutlet, MobileStation, Facility];
}

/// <summary>
/// What an applicant declares. Null means "not stated": the request reader insists on every fact a rule it
/// meets will test, so the estimator sees nulls only for facts no rule reads.
/// </summary>
/// <param name="SmallestDirectOutletAreaM2">The smallest of the applicant's directly operated outlets, m².</param>
/// <param name="DirectOutletCount">Directly operated outlets at application time, the new ones included.</param>
/// <param name="BoxTrucks">Light-or-larger box trucks for recyclables the applicant owns.</param>
public sealed record SubsidyApplicant(string? Name, bool? MofcomRegistered, int? DirectOutletCount,
    decimal? SmallestDirectOutletAreaM2, int? BoxTrucks);

/// <summary>One thing the applicant claims for; ids are unique within an application.</summary>
public abstract record SubsidyItem(string Id)
{
    public abstract string ItemType { get; }
}

/// <summary>A new fixed outlet. <paramref name="Location"/> (WGS84 degrees) is optional, for the coverage it would add.</summary>
public sealed record FixedOutletPlan(string Id, decimal? AreaM2, DateOnly? BuiltOn, bool? DirectlyOperated,
    (double Lon, double Lat)? Location = null) : SubsidyItem(Id)
{
    public override string ItemType => SubsidyItemTypes.FixedOutlet;
}

/// <param name="OperatingMonths">How long the station has operated, months.</param>
/// <param name="InvestmentYuan">Actual investment within the application window, yuan.</param>
public sealed record MobileStationPlan(string Id, int? CommunitiesServed, decimal? OperatingMonths, bool? MeetsGuideline,
    decimal? InvestmentYuan) : SubsidyItem(Id)
{
    public override string ItemType => SubsidyItemTypes.MobileStation;
}

/// <summary>A park or sorting centre's provincial recognition; <paramref name="Kind"/> is one a facility rule names.</summary>
public sealed record FacilityRecognition(string Id, string Kind, DateOnly? RecognizedOn) : SubsidyItem(Id)
{
    public override string ItemType => SubsidyItemTypes.Facility;
}

/// <summary>An application under one policy's rules; the window's both ends are included.</summary>
public sealed record SubsidyApplication(DateOnly WindowFrom, DateOnly WindowTo, SubsidyApplicant Applicant, IReadOnlyList<SubsidyItem> Items);
