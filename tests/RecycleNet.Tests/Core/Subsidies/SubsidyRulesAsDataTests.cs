using System.Text.Json;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Tests.Core.Subsidies;

/// <summary>Another city's rules are a new file: the estimator follows the data, and the validator refuses broken data.</summary>
public class SubsidyRulesAsDataTests
{
    // A made-up city: 150 yuan/m² from 15 m², 3,000 per outlet; 30 % for stations from 10 communities; one cap of 5,000.
    private const string OtherCity = """
    {
      "citation": { "document": "plan", "section": "s", "item": "i", "quote": "q" },
      "rules": [
        { "id": "shop", "appliesTo": "fixedOutlet", "labelZh": "网点", "labelEn": "shop",
          "amount": { "kind": "perUnit", "basis": "item.areaM2", "rateYuan": 150, "unitZh": "平方米", "unitEn": "m²", "maxYuanPerItem": 3000 },
          "citation": { "document": "plan", "section": "s", "item": "i", "quote": "q" },
          "conditions": [
            { "id": "area", "subject": "item.areaM2", "test": "atLeast", "value": 15, "textZh": "t", "textEn": "t",
              "reasonZh": "{actual}", "reasonEn": "only {actual} m²", "remedyZh": "{shortfall}", "remedyEn": "add {shortfall} m²", "quote": "q" } ] },
        { "id": "van", "appliesTo": "mobileStation", "labelZh": "流动", "labelEn": "van",
          "amount": { "kind": "share", "basis": "item.investmentYuan", "share": 0.3, "unitZh": "元", "unitEn": "yuan" },
          "citation": { "document": "plan", "section": "s", "item": "i", "quote": "q" },
          "conditions": [
            { "id": "reach", "subject": "item.communitiesServed", "test": "atLeast", "value": 10, "textZh": "t", "textEn": "t",
              "reasonZh": "r", "reasonEn": "serves {actual}", "remedyZh": "m", "remedyEn": "{shortfall|one more|more}", "quote": "q" } ] }
      ],
      "caps": [ { "id": "all", "labelZh": "合计", "labelEn": "all", "rules": ["shop", "van"], "maxYuan": 5000,
                  "citation": { "document": "plan", "section": "s", "item": "i", "quote": "q" } } ],
      "assumptions": []
    }
    """;

    private static SubsidyRuleSet Parse(string json) => JsonSerializer.Deserialize<SubsidyRuleSet>(json, PolicyCatalog.JsonOptions)!;

    [Fact]
    public void Another_citys_thresholds_rates_and_caps_come_from_its_file()
    {
        var rules = Parse(OtherCity);
        Assert.Empty(SubsidyRuleValidator.Check(rules));
        var app = new SubsidyApplication(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), new SubsidyApplicant(null, null, null, null, null),
        [
            new FixedOutletPlan("A", 14.9m, null, null), new FixedOutletPlan("B", 15, null, null), new FixedOutletPlan("C", 40, null, null),
            new MobileStationPlan("V", 9, null, null, 1000), new MobileStationPlan("W", 10, null, null, 1000),
        ]);
        var e = SubsidyEstimator.Estimate(rules, app);
        Assert.Equal("add 0.1 m²", e.Items[0].Reasons.Single().Remedy.En);
        Assert.Equal(2250m, e.Items[1].AmountYuan);   // 15 × 150
        Assert.Equal(3000m, e.Items[2].AmountYuan);   // 6,000 held to 3,000
        Assert.Equal("one more", e.Items[3].Reasons.Single().Remedy.En);
        Assert.Equal(300m, e.Items[4].AmountYuan);    // 30 % of 1,000
        Assert.Equal((5550m, 550m), (e.CapsApplied.Single().BeforeYuan, e.CapsApplied.Single().CutYuan));
        Assert.Equal(5000m, e.TotalYuan);
    }

    [Fact]
    public void Unknown_subjects_misfit_tests_and_incomplete_amounts_are_refused()
    {
        var broken = OtherCity.Replace("\"item.communitiesServed\"", "\"item.areaM2\"")       // a fixed-outlet fact on a station
            .Replace("\"test\": \"atLeast\", \"value\": 15", "\"test\": \"isTrue\"")         // isTrue on a number
            .Replace("\"share\": 0.3", "\"share\": 1.5");                                     // more than the whole
        var problems = SubsidyRuleValidator.Check(Parse(broken));
        Assert.Contains(problems, p => p.Contains("van/reach: item.areaM2 cannot be read for a mobileStation"));
        Assert.Contains(problems, p => p.Contains("shop/area: test 'isTrue' does not fit item.areaM2"));
        Assert.Contains(problems, p => p.Contains("rule van: amount 'share' is incomplete"));
    }

    [Fact]
    public void Caps_must_nest_and_may_not_hold_up_to_rewards()
    {
        var rules = Parse(OtherCity);
        var park = rules.Rules[0] with { Id = "park", AppliesTo = SubsidyItemTypes.Facility, FacilityKind = "park", Conditions = [],
            Amount = new SubsidyAmount(SubsidyAmount.UpTo, MaxYuanPerItem: 100) };
        var crossing = rules with
        {
            Rules = [.. rules.Rules, park],
            Caps = [rules.Caps[0] with { Id = "a", Rules = ["shop", "van"] }, rules.Caps[0] with { Id = "b", Rules = ["van", "park"] }],
        };
        var problems = SubsidyRuleValidator.Check(crossing);
        Assert.Contains(problems, p => p.Contains("cap b overlaps cap a only in part"));
        Assert.Contains(problems, p => p.Contains("cap b: rule park is an 'up to' reward"));
    }

    [Fact]
    public void A_policy_with_broken_subsidy_rules_fails_the_catalog_load()
    {
        var jinan = PolicyCatalog.Load(RepoPaths.Policies).Find("jinan-2024")!;
        var bad = jinan with { Subsidies = jinan.Subsidies! with { Caps = [jinan.Subsidies.Caps[0] with { Rules = ["no-such-rule"] }] } };
        var e = Assert.Throws<InvalidDataException>(() => new PolicyCatalog([bad]));
        Assert.Contains("cap mobile-stations-per-applicant: unknown rule 'no-such-rule'", e.Message);
    }

    [Theory]
    [InlineData("needs {n} more {n|outlet|outlets}", "1", "needs 1 more outlet")]
    [InlineData("needs {n} more {n|outlet|outlets}", "3", "needs 3 more outlets")]
    [InlineData("{missing} stays", "1", "{missing} stays")]
    public void Templates_fill_values_and_plurals(string template, string n, string expected) =>
        Assert.Equal(expected, SubsidyText.Fill(template, new Dictionary<string, string> { ["n"] = n }));

    [Fact]
    public void Amounts_are_written_without_trailing_zeros()
    {
        Assert.Equal("60,000", SubsidyText.Number(300000m * 0.20m));
        Assert.Equal("0.01", SubsidyText.Number(10m - 9.99m));
        Assert.Equal(60000m.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SubsidyText.Normalize(300000m * 0.20m).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
