namespace RecycleNet.Core.Subsidies;

/// <summary>The kind of value a subject holds, which decides the tests it admits.</summary>
public enum SubjectType { Flag, Number, Count, Date }

/// <summary>
/// A fact a rule may test or compute from: "applicant.x" for the applicant, "item.x" for the item being judged.
/// <see cref="Field"/> is the request's JSON field, so an error can name exactly what to fix.
/// </summary>
public sealed record SubsidySubject(string Name, string? ItemType, SubjectType Type, string Field,
    Func<SubsidyApplicant, SubsidyItem, object?> Read)
{
    public bool IsApplicant => ItemType is null;
}

/// <summary>
/// The fixed vocabulary rules are written in. Adding a fact here (and to the request reader) is the only code a
/// new kind of condition needs; new thresholds, rates, caps and citations are data.
/// </summary>
public static class SubsidySubjects
{
    public static readonly IReadOnlyDictionary<string, SubsidySubject> All = new SubsidySubject[]
    {
        new("applicant.mofcomRegistered", null, SubjectType.Flag, "mofcomRegistered", (a, _) => a.MofcomRegistered),
        new("applicant.directOutletCount", null, SubjectType.Count, "directOutletCount", (a, _) => a.DirectOutletCount),
        new("applicant.smallestDirectOutletAreaM2", null, SubjectType.Number, "smallestDirectOutletAreaM2", (a, _) => a.SmallestDirectOutletAreaM2),
        new("applicant.boxTrucks", null, SubjectType.Count, "boxTrucks", (a, _) => a.BoxTrucks),
        new("item.areaM2", SubsidyItemTypes.FixedOutlet, SubjectType.Number, "areaM2", (_, i) => ((FixedOutletPlan)i).AreaM2),
        new("item.builtOn", SubsidyItemTypes.FixedOutlet, SubjectType.Date, "builtOn", (_, i) => ((FixedOutletPlan)i).BuiltOn),
        new("item.directlyOperated", SubsidyItemTypes.FixedOutlet, SubjectType.Flag, "directlyOperated", (_, i) => ((FixedOutletPlan)i).DirectlyOperated),
        new("item.communitiesServed", SubsidyItemTypes.MobileStation, SubjectType.Count, "communitiesServed", (_, i) => ((MobileStationPlan)i).CommunitiesServed),
        new("item.operatingMonths", SubsidyItemTypes.MobileStation, SubjectType.Number, "operatingMonths", (_, i) => ((MobileStationPlan)i).OperatingMonths),
        new("item.meetsGuideline", SubsidyItemTypes.MobileStation, SubjectType.Flag, "meetsGuideline", (_, i) => ((MobileStationPlan)i).MeetsGuideline),
        new("item.investmentYuan", SubsidyItemTypes.MobileStation, SubjectType.Number, "investmentYuan", (_, i) => ((MobileStationPlan)i).InvestmentYuan),
        new("item.recognizedOn", SubsidyItemTypes.Facility, SubjectType.Date, "recognizedOn", (_, i) => ((FacilityRecognition)i).RecognizedOn),
    }.ToDictionary(s => s.Name);

    /// <summary>Whether <paramref name="subject"/> can be read for items of <paramref name="itemType"/>.</summary>
    public static bool Fits(SubsidySubject subject, string itemType) => subject.IsApplicant || subject.ItemType == itemType;

    /// <summary>The subjects a rule reads (conditions and amount basis), in order, each once.</summary>
    public static IEnumerable<SubsidySubject> ReadBy(SubsidyRule rule) => rule.Conditions.Select(c => c.Subject)
        .Append(rule.Amount.Basis).OfType<string>().Distinct().Select(n => All[n]);

    /// <summary>A number or count subject's value as decimal.</summary>
    public static decimal? AsDecimal(object? v) => v switch { int i => i, decimal d => d, null => null,
        _ => throw new ArgumentException($"not a number: {v}") };
}
