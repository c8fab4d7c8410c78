using System.Globalization;

namespace RecycleNet.Core.Subsidies;

/// <summary>
/// What an application earns under a policy's subsidy rules, every yuan traced to its clause: each item is
/// judged against its rule's conditions (all unmet ones reported, with what would meet them), earns its amount
/// (per unit, a share, or "up to" a maximum), and the caps then cut the applicant's sums in order.
/// Pure: a function of the rules and the application. Cost: O(items × conditions + caps × rules).
/// </summary>
public static class SubsidyEstimator
{
    public static SubsidyEstimate Estimate(SubsidyRuleSet rules, SubsidyApplication app)
    {
        if (app.WindowTo < app.WindowFrom) throw new ArgumentException("the window ends before it starts", nameof(app));
        var results = app.Items.Select(item => Judge(rules, app, item)).ToList();

        // Exact amounts start as one group per rule; each cap merges the groups inside it and holds them to its maximum.
        // The rule validator guarantees caps nest, so every group is either inside a cap or outside it.
        var groups = rules.Rules.Where(r => r.Amount.Kind != SubsidyAmount.UpTo)
            .Select(r => (Rules: new HashSet<string> { r.Id }, Total: results.Where(x => x.Rule == r).Sum(x => x.AmountYuan)))
            .ToList();
        var applied = new List<CapApplied>();
        foreach (var cap in rules.Caps)
        {
            var inside = groups.Where(g => g.Rules.IsSubsetOf(cap.Rules)).ToList();
            var before = inside.Sum(g => g.Total);
            groups.RemoveAll(g => g.Rules.IsSubsetOf(cap.Rules));
            groups.Add((cap.Rules.ToHashSet(), Math.Min(before, cap.MaxYuan)));
            if (before > cap.MaxYuan) applied.Add(new CapApplied(cap, SubsidyText.Normalize(before), SubsidyText.Normalize(before - cap.MaxYuan)));
        }
        var outlets = SubsidyText.Normalize(groups.Sum(g => g.Total));
        var upTo = SubsidyText.Normalize(results.Where(r => r.UpTo).Sum(r => r.AmountYuan));
        return new SubsidyEstimate(app.WindowFrom, app.WindowTo, SubsidyText.Normalize(outlets + upTo), outlets, upTo,
            results, applied, rules.Assumptions);
    }

    private static SubsidyItemResult Judge(SubsidyRuleSet rules, SubsidyApplication app, SubsidyItem item)
    {
        var rule = rules.RuleFor(item) ?? throw new ArgumentException($"no rule for {item.ItemType} {item.Id}", nameof(app));
        var reasons = rule.Conditions.Select(c => Unmet(c, rule, app, item)).OfType<UnmetCondition>().ToList();
        var a = rule.Amount;
        var upTo = a.Kind == SubsidyAmount.UpTo;
        if (reasons.Count > 0)
            return new SubsidyItemResult(item, rule, false, 0, upTo, new("不符合条件，无补贴", "not eligible: no subsidy"), reasons);
        if (upTo)
        {
            var max = SubsidyText.Number(a.MaxYuanPerItem!.Value);
            return new SubsidyItemResult(item, rule, true, SubsidyText.Normalize(a.MaxYuanPerItem.Value), true,
                new($"最高 {max} 元（具体金额由主管部门核定）", $"up to {max} yuan (the bureau sets the amount)"), reasons);
        }
        var basis = SubsidySubjects.AsDecimal(Read(a.Basis!, app, item))!.Value;
        var (raw, zh, en) = a.Kind == SubsidyAmount.PerUnit
            ? (basis * a.RateYuan!.Value,
               $"{SubsidyText.Number(basis)} {a.UnitZh} × {SubsidyText.Number(a.RateYuan.Value)} 元/{a.UnitZh}",
               $"{SubsidyText.Number(basis)} {a.UnitEn} × {SubsidyText.Number(a.RateYuan.Value)} yuan/{a.UnitEn}")
            : (basis * a.Share!.Value,
               $"{SubsidyText.Number(basis)} {a.UnitZh} × {SubsidyText.Number(a.Share.Value * 100)}%",
               $"{SubsidyText.Number(a.Share.Value * 100)} % of {SubsidyText.Number(basis)} {a.UnitEn}");
        var amount = a.MaxYuanPerItem is { } cap ? Math.Min(raw, cap) : raw;
        zh += $" = {SubsidyText.Number(raw)} 元";
        en += $" = {SubsidyText.Number(raw)} yuan";
        if (amount < raw)
        {
            zh += $"，超过单项最高 {SubsidyText.Number(amount)} 元，按 {SubsidyText.Number(amount)} 元计";
            en += $", above the {SubsidyText.Number(amount)} yuan maximum per item, so {SubsidyText.Number(amount)} yuan";
        }
        return new SubsidyItemResult(item, rule, true, SubsidyText.Normalize(amount), false, new(zh, en), reasons);
    }

    /// <summary>
    /// What an eligible item earns under <paramref name="rule"/> when its amount basis is <paramref name="basis"/>
    /// (e.g. a fixed outlet of that many m²), after the per-item maximum; for "up to" rules, the maximum. For
    /// planning costs, where the applicant's own conditions are assumed met.
    /// </summary>
    public static decimal AmountFor(SubsidyRule rule, decimal basis)
    {
        var a = rule.Amount;
        var raw = a.Kind switch
        {
            SubsidyAmount.PerUnit => basis * a.RateYuan!.Value,
            SubsidyAmount.ShareOf => basis * a.Share!.Value,
            _ => a.MaxYuanPerItem!.Value,
        };
        return SubsidyText.Normalize(a.MaxYuanPerItem is { } max ? Math.Min(raw, max) : raw);
    }

    private static object Read(string subject, SubsidyApplication app, SubsidyItem item) =>
        SubsidySubjects.All[subject].Read(app.Applicant, item)
        ?? throw new ArgumentException($"{subject} is not stated for {item.Id}, and rule needs it", nameof(app));

    /// <summary>Null when the condition holds; otherwise the filled reason and remedy.</summary>
    private static UnmetCondition? Unmet(SubsidyCondition c, SubsidyRule rule, SubsidyApplication app, SubsidyItem item)
    {
        var value = Read(c.Subject, app, item);
        var v = new Dictionary<string, string>
        {
            ["from"] = Date(app.WindowFrom), ["to"] = Date(app.WindowTo),
        };
        var (zhSide, enSide) = ("", "");
        switch (c.Test)
        {
            case SubsidyCondition.IsTrue:
                if ((bool)value) return null;
                break;
            case SubsidyCondition.AtLeast:
                var actual = SubsidySubjects.AsDecimal(value)!.Value;
                if (actual >= c.Value!.Value) return null;
                v["actual"] = SubsidyText.Number(actual);
                v["required"] = SubsidyText.Number(c.Value.Value);
                v["shortfall"] = SubsidyText.Number(c.Value.Value - actual);
                break;
            case SubsidyCondition.InWindow:
                var date = (DateOnly)value;
                if (date >= app.WindowFrom && date <= app.WindowTo) return null;
                var before = date < app.WindowFrom;
                v["actual"] = Date(date);
                v["days"] = (before ? app.WindowFrom.DayNumber - date.DayNumber : date.DayNumber - app.WindowTo.DayNumber)
                    .ToString(CultureInfo.InvariantCulture);
                (zhSide, enSide) = before ? ("之前", "before") : ("之后", "after");
                break;
            default:
                throw new ArgumentException($"unknown test {c.Test}", nameof(c));
        }
        var zh = new Dictionary<string, string>(v) { ["side"] = zhSide };
        var en = new Dictionary<string, string>(v) { ["side"] = enSide };
        return new UnmetCondition(c.Id, c.Subject,
            new(SubsidyText.Fill(c.ReasonZh, zh), SubsidyText.Fill(c.ReasonEn, en)),
            new(SubsidyText.Fill(c.RemedyZh, zh), SubsidyText.Fill(c.RemedyEn, en)),
            c.CitationIn(rule));
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
