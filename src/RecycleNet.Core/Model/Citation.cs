namespace RecycleNet.Core.Model;

/// <summary>
/// A clause of a policy document, quoted: what every target, tier rule and subsidy rule rests on. Kept here, below both
/// the policies (Policies/) and the subsidy rules they carry (Subsidies/), so neither folder needs the other to name it.
/// </summary>
/// <param name="Document">Key of a <see cref="Policies.PolicyDocument"/> of the same policy.</param>
/// <param name="Quote">The document's own words (whitespace may differ from the source layout).</param>
public sealed record Citation(string Document, string Section, string Item, string Quote);
