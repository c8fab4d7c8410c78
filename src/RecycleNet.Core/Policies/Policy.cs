namespace RecycleNet.Core.Policies;

/// <summary>
/// A city's recycling policy as data (seeds/policies/*.json): its documents, numeric targets and
/// qualitative measures, each value citing the document, section, item and the words it rests on.
/// </summary>
public sealed record Policy(
    string Id, string City, string CityEn, string Title, string DocumentNumber, string Issuer, DateOnly IssuedOn,
    IReadOnlyList<PolicyDocument> Documents, IReadOnlyList<PolicyTarget> Targets, IReadOnlyList<PolicyMeasure> Measures);

/// <param name="Key">Short key citations use, e.g. "plan".</param>
/// <param name="SeedFile">The source text's file name in the shared policy seeds.</param>
public sealed record PolicyDocument(string Key, string Title, string SeedFile);

/// <summary>A numeric target. <c>kind</c> "count" is an absolute number; "growth" a share over the baseline year (0.15 = +15 %).</summary>
public sealed record PolicyTarget(
    string Id, string Metric, string LabelZh, string LabelEn, string Kind, decimal Value, string Unit, int Year,
    int? BaselineYear, bool Approximate, Citation Citation);

public sealed record PolicyMeasure(string Id, string TextZh, string TextEn, Citation Citation);

/// <param name="Document">Key of a <see cref="PolicyDocument"/> of the same policy.</param>
/// <param name="Quote">The document's own words (whitespace may differ from the source layout).</param>
public sealed record Citation(string Document, string Section, string Item, string Quote);
