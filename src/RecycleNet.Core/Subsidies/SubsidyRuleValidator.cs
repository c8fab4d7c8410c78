namespace RecycleNet.Core.Subsidies;

/// <summary>
/// Checks a policy's subsidy rules when the catalog loads, so a typo in a seed fails the start rather than
/// an applicant's estimate: known subjects and tests that fit them, complete amounts, one rule per item type
/// (per kind for facilities), caps over known rules that nest, and no "up to" reward inside a cap.
/// </summary>
public static class SubsidyRuleValidator
{
    /// <returns>The problems found, each naming the rule or cap; empty when the rules are sound.</returns>
    public static IReadOnlyList<string> Check(SubsidyRuleSet set)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>();
        var slots = new HashSet<string>();
        foreach (var r in set.Rules)
        {
            if (!ids.Add(r.Id)) errors.Add($"rule id '{r.Id}' repeats");
            if (!SubsidyItemTypes.All.Contains(r.AppliesTo))
            {
                errors.Add($"rule {r.Id}: appliesTo '{r.AppliesTo}' is not one of {string.Join(", ", SubsidyItemTypes.All)}");
                continue;
            }
            if ((r.AppliesTo == SubsidyItemTypes.Facility) != (r.FacilityKind is not null))
                errors.Add($"rule {r.Id}: facilityKind is required for facility rules and only for them");
            if (!slots.Add(r.AppliesTo + "/" + r.FacilityKind)) errors.Add($"rule {r.Id}: a second rule for {r.AppliesTo} {r.FacilityKind}");
            if (r.Citation is null || string.IsNullOrWhiteSpace(r.Citation.Quote)) errors.Add($"rule {r.Id} has no citation quote");
            var conditionIds = new HashSet<string>();
            foreach (var c in r.Conditions)
            {
                if (!conditionIds.Add(c.Id)) errors.Add($"rule {r.Id}: condition id '{c.Id}' repeats");
                if (string.IsNullOrWhiteSpace(c.Quote)) errors.Add($"rule {r.Id}/{c.Id} has no quote");
                if (Subject(r, c.Subject, errors, $"{r.Id}/{c.Id}") is not { } s) continue;
                var fits = c.Test switch
                {
                    SubsidyCondition.IsTrue => s.Type == SubjectType.Flag,
                    SubsidyCondition.AtLeast => s.Type is SubjectType.Number or SubjectType.Count && c.Value is not null,
                    SubsidyCondition.InWindow => s.Type == SubjectType.Date,
                    _ => false,
                };
                if (!fits) errors.Add($"rule {r.Id}/{c.Id}: test '{c.Test}' does not fit {c.Subject} ({s.Type}); atLeast needs a value");
            }
            CheckAmount(r, errors);
        }
        CheckCaps(set, errors);
        return errors;
    }

    private static SubsidySubject? Subject(SubsidyRule r, string name, List<string> errors, string where)
    {
        if (!SubsidySubjects.All.TryGetValue(name, out var s)) errors.Add($"rule {where}: unknown subject '{name}'");
        else if (!SubsidySubjects.Fits(s, r.AppliesTo)) errors.Add($"rule {where}: {name} cannot be read for a {r.AppliesTo}");
        else return s;
        return null;
    }

    private static void CheckAmount(SubsidyRule r, List<string> errors)
    {
        var a = r.Amount;
        if (a is null) { errors.Add($"rule {r.Id} has no amount"); return; }
        var ok = a.Kind switch
        {
            SubsidyAmount.PerUnit => a.Basis is not null && a.RateYuan > 0,
            SubsidyAmount.ShareOf => a.Basis is not null && a.Share is > 0 and <= 1,
            SubsidyAmount.UpTo => a.MaxYuanPerItem > 0 && a.Basis is null,
            _ => false,
        };
        if (!ok) errors.Add($"rule {r.Id}: amount '{a.Kind}' is incomplete (perUnit: basis + rateYuan; share: basis + share in (0, 1]; upTo: maxYuanPerItem)");
        if (a.MaxYuanPerItem is <= 0) errors.Add($"rule {r.Id}: maxYuanPerItem must be above 0");
        if (a.Basis is not null && Subject(r, a.Basis, errors, r.Id) is { Type: not (SubjectType.Number or SubjectType.Count) })
            errors.Add($"rule {r.Id}: basis {a.Basis} is not a number");
    }

    // Caps must nest so that applying them in order is unambiguous: each earlier group of rules is either
    // wholly inside a later cap or wholly outside it.
    private static void CheckCaps(SubsidyRuleSet set, List<string> errors)
    {
        var rules = set.Rules.ToDictionary(r => r.Id, r => r, StringComparer.Ordinal);
        var groups = new List<(string Cap, HashSet<string> Rules)>();
        var ids = new HashSet<string>();
        foreach (var cap in set.Caps)
        {
            if (!ids.Add(cap.Id)) errors.Add($"cap id '{cap.Id}' repeats");
            if (cap.MaxYuan <= 0) errors.Add($"cap {cap.Id}: maxYuan must be above 0");
            if (cap.Citation is null || string.IsNullOrWhiteSpace(cap.Citation.Quote)) errors.Add($"cap {cap.Id} has no citation quote");
            var members = cap.Rules.ToHashSet();
            foreach (var id in members)
            {
                if (!rules.TryGetValue(id, out var r)) errors.Add($"cap {cap.Id}: unknown rule '{id}'");
                else if (r.Amount?.Kind == SubsidyAmount.UpTo) errors.Add($"cap {cap.Id}: rule {id} is an 'up to' reward and cannot be capped with exact amounts");
            }
            foreach (var g in groups.Where(g => g.Rules.Overlaps(members) && !g.Rules.IsSubsetOf(members)))
                errors.Add($"cap {cap.Id} overlaps cap {g.Cap} only in part; caps must nest, narrower first");
            groups.RemoveAll(g => g.Rules.IsSubsetOf(members));
            groups.Add((cap.Id, members));
        }
    }
}
