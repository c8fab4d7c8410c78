using RecycleNet.Core.Coverage;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Api.Subsidies;

/// <summary>The JSON shapes of subsidy estimates and rules: bilingual texts, JSON paths for every fact, citations throughout.</summary>
public static class SubsidyJson
{
    public static object Estimate(SubsidyRequest req, SubsidyEstimate e, CoverageGain? gain)
    {
        var gains = gain?.Sites.ToDictionary(s => s.Site.Id);
        return new
        {
            policy = new { req.Policy.Id, req.Policy.Title, req.Policy.DocumentNumber, href = $"/api/policies/{req.Policy.Id}/subsidy-rules" },
            applicationWindow = new { from = e.WindowFrom, to = e.WindowTo },
            applicant = new { req.Application.Applicant.Name },
            e.TotalYuan,
            e.OutletSubsidyYuan,
            e.FacilityRewardUpToYuan,
            totalIsUpperBound = e.FacilityRewardUpToYuan > 0,
            items = e.Items.Select(i => Item(req, i, gains?.GetValueOrDefault(i.Item.Id))),
            capsApplied = e.CapsApplied.Select(c => new
            {
                cap = c.Cap.Id, c.Cap.LabelZh, c.Cap.LabelEn, rules = c.Cap.Rules, limitYuan = c.Cap.MaxYuan,
                c.BeforeYuan, c.CutYuan, c.Cap.Citation,
            }),
            coverageGain = gain is null ? null : Gain(gain, e),
            assumptions = e.Assumptions,
        };
    }

    private static object Item(SubsidyRequest req, SubsidyItemResult i, SiteGain? gain) => new
    {
        id = i.Item.Id,
        type = i.Item.ItemType,
        kind = (i.Item as FacilityRecognition)?.Kind,
        i.Eligible,
        i.AmountYuan,
        i.UpTo,
        rule = new { i.Rule.Id, i.Rule.LabelZh, i.Rule.LabelEn },
        calculation = i.Calculation,
        reasons = i.Reasons.Select(u => new
        {
            condition = u.ConditionId,
            field = FieldOf(req, i.Item, u.Subject),
            reason = u.Reason.En, reasonZh = u.Reason.Zh,
            remedy = u.Remedy.En, remedyZh = u.Remedy.Zh,
            u.Citation,
        }),
        i.Rule.Citation,
        coverageGain = gain is null ? null : new
        {
            method = gain.Method,
            snapDistanceM = gain.SnapDistanceM is { } s ? Math.Round(s, 1) : (double?)null,
            district = gain.District?.Name,
            newlyCoveredCommunities = gain.Gained.Communities,
            newlyCoveredHouseholds = gain.Gained.Households,
            newlyCoveredResidents = gain.Gained.Population,
            yuanPerNewlyCoveredHousehold = PerHousehold(i.Eligible ? i.AmountYuan : null, gain.Gained.Households),
        },
    };

    private static object Gain(CoverageGain g, SubsidyEstimate e)
    {
        var located = g.Sites.Select(s => s.Site.Id).ToHashSet();
        var spent = e.Items.Where(i => i.Eligible && located.Contains(i.Item.Id)).Sum(i => i.AmountYuan);
        return new
        {
            method = g.Method,
            network = g.NetworkSource,
            walking = new { g.Walking.Minutes, g.Walking.SpeedKmh, limitM = Math.Round(g.Walking.LimitM, 1) },
            before = Totals(g.Before),
            after = Totals(g.After),
            newlyCoveredCommunities = g.Combined.Communities,
            newlyCoveredHouseholds = g.Combined.Households,
            newlyCoveredResidents = g.Combined.Population,
            subsidyOfLocatedOutletsYuan = spent,
            yuanPerNewlyCoveredHousehold = PerHousehold(spent, g.Combined.Households),
            note = "Against today's operating outlets. Each outlet's gain is its own; the combined gain counts a community once. "
                 + "Yuan per household uses the amounts before the applicant caps.",
            noteZh = "以当前运营中的网点为准。每个网点的新增覆盖单独计算；合计时同一小区只计一次。每户补贴按申报主体封顶之前的金额计算。",
        };
    }

    private static object Totals(CoverageTotals t) => new
    {
        t.Households, t.CoveredHouseholds, t.Communities, t.CoveredCommunities, share = Math.Round(t.Share, 4),
    };

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
    public static object Rules(Policy p, SubsidyRuleSet rules) => new
    {
        policy = new { p.Id, p.City, p.Title, p.DocumentNumber, p.Issuer, p.IssuedOn },
        rules.Citation,
        facilityKinds = rules.FacilityKinds,
        rules = rules.Rules.Select(r => new
        {
            r.Id, r.AppliesTo, r.FacilityKind, r.LabelZh, r.LabelEn,
            requestList = ListOf(r.AppliesTo),
            amount = r.Amount,
            r.Citation,
            conditions = r.Conditions.Select(c => new
            {
                c.Id, c.Subject, field = RequestField(c.Subject, r.AppliesTo), c.Test, c.Value, c.TextZh, c.TextEn,
                citation = c.CitationIn(r),
            }),
        }),
        caps = rules.Caps.Select(c => new { c.Id, c.LabelZh, c.LabelEn, c.Rules, c.MaxYuan, c.Citation }),
        assumptions = rules.Assumptions,
    };

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
