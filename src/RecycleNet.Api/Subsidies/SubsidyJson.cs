using RecycleNet.Api.Http;
using RecycleNet.Core.Coverage;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Api.Subsidies;

/// <summary>The JSON shapes of subsidy estimates and rules: bilingual texts, JSON paths for every fact, citations throughout.</summary>
public static class SubsidyJson
{
    public static SubsidyEstimateAnswer Estimate(SubsidyRequest req, SubsidyEstimate e, CoverageGain? gain)
    {
        var gains = gain?.Sites.ToDictionary(s => s.Site.Id);
        var p = req.Policy;
        return new SubsidyEstimateAnswer(new EstimatePolicyAnswer(p.Id, p.Title, p.DocumentNumber, $"/api/policies/{p.Id}/subsidy-rules"),
            new EstimateWindowAnswer(e.WindowFrom, e.WindowTo), new EstimateApplicantAnswer(req.Application.Applicant.Name),
            e.TotalYuan, e.OutletSubsidyYuan, e.FacilityRewardUpToYuan, e.FacilityRewardUpToYuan > 0,
            [.. e.Items.Select(i => Item(req, i, gains?.GetValueOrDefault(i.Item.Id)))],
            [.. e.CapsApplied.Select(c => new CapAppliedAnswer(c.Cap.Id, c.Cap.LabelZh, c.Cap.LabelEn, c.Cap.Rules, c.Cap.MaxYuan, c.BeforeYuan, c.CutYuan, c.Cap.Citation))],
            gain is null ? null : Gain(gain, e), e.Assumptions);
    }

    private static EstimateItemAnswer Item(SubsidyRequest req, SubsidyItemResult i, SiteGain? gain) => new(i.Item.Id, i.Item.ItemType,
        (i.Item as FacilityRecognition)?.Kind, i.Eligible, i.AmountYuan, i.UpTo, new RuleRefAnswer(i.Rule.Id, i.Rule.LabelZh, i.Rule.LabelEn), i.Calculation,
        [.. i.Reasons.Select(u => new UnmetConditionAnswer(u.ConditionId, FieldOf(req, i.Item, u.Subject), u.Reason.En, u.Reason.Zh, u.Remedy.En, u.Remedy.Zh, u.Citation))],
        i.Rule.Citation,
        gain is null ? null : new ItemGainAnswer(gain.Method, gain.SnapDistanceM is { } s ? Math.Round(s, 1) : null, gain.District?.Name,
            gain.Gained.Communities, gain.Gained.Households, gain.Gained.Population, PerHousehold(i.Eligible ? i.AmountYuan : null, gain.Gained.Households)));

    private static EstimateGainAnswer Gain(CoverageGain g, SubsidyEstimate e)
    {
        var located = g.Sites.Select(s => s.Site.Id).ToHashSet();
        var spent = e.Items.Where(i => i.Eligible && located.Contains(i.Item.Id)).Sum(i => i.AmountYuan);
        return new EstimateGainAnswer(g.Method, g.NetworkSource, new WalkAnswer(g.Walking.Minutes, g.Walking.SpeedKmh, Math.Round(g.Walking.LimitM, 1)),
            Totals(g.Before), Totals(g.After), g.Combined.Communities, g.Combined.Households, g.Combined.Population, spent, PerHousehold(spent, g.Combined.Households),
            "Against today's operating outlets. Each outlet's gain is its own; the combined gain counts a community once. "
                + "Yuan per household uses the amounts before the applicant caps.",
            "以当前运营中的网点为准。每个网点的新增覆盖单独计算；合计时同一小区只计一次。每户补贴按申报主体封顶之前的金额计算。");
    }

    private static GainTotalsAnswer Totals(CoverageTotals t) => new(t.Households, t.CoveredHouseholds, t.Communities, t.CoveredCommunities, Math.Round(t.Share, 4));

    /// <summary>Yuan per newly covered household, to the fen; null when nothing is paid or nobody is newly covered.</summary>
    private static decimal? PerHousehold(decimal? yuan, long households) =>
        yuan is > 0 && households > 0 ? Math.Round(yuan.Value / households, 2) : null;

    /// <summary>The request field a subject came from: applicant.boxTrucks, fixedOutlets[2].areaM2.</summary>
    public static string FieldOf(SubsidyRequest req, SubsidyItem item, string subject)
    {
        var s = SubsidySubjects.All[subject];
        return s.IsApplicant ? $"applicant.{s.Field}" : $"{req.PathOf[item.Id]}.{s.Field}";
    }

    /// <summary>GET /api/policies/{id}/subsidy-rules: the rules as the estimator applies them, with the request fields each reads.</summary>
    public static SubsidyRulesAnswer Rules(Policy p, SubsidyRuleSet rules) => new(
        new RulesPolicyAnswer(p.Id, p.City, p.Title, p.DocumentNumber, p.Issuer, p.IssuedOn), rules.Citation, [.. rules.FacilityKinds],
        [.. rules.Rules.Select(r => new SubsidyRuleAnswer(r.Id, r.AppliesTo, r.FacilityKind, r.LabelZh, r.LabelEn, ListOf(r.AppliesTo), r.Amount, r.Citation,
            [.. r.Conditions.Select(c => new RuleConditionAnswer(c.Id, c.Subject, RequestField(c.Subject, r.AppliesTo), c.Test, c.Value, c.TextZh, c.TextEn,
                c.CitationIn(r)))]))],
        rules.Caps, rules.Assumptions);

    private static string ListOf(string itemType) => itemType switch
    {
        SubsidyItemTypes.FixedOutlet => "fixedOutlets",
        SubsidyItemTypes.MobileStation => "mobileStations",
        _ => "facilities",
    };

    private static string RequestField(string subject, string itemType)
    {
        var s = SubsidySubjects.All[subject];
        return s.IsApplicant ? $"applicant.{s.Field}" : $"{ListOf(itemType)}[].{s.Field}";
    }
}
