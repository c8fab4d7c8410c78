using System.Globalization;
using System.Text.Json;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Subsidies;

/// <summary>
/// Reads the application of a subsidy estimate (POST /api/subsidies/estimate's body, <see cref="SubsidyEstimateBody"/>).
/// Every problem is collected with its JSON path (applicant.boxTrucks, fixedOutlets[2].areaM2) and the rule broken.
/// Which facts are required follows from the rules: a fact is needed when a rule that applies to a listed item tests it
/// or computes from it.
/// </summary>
public static class SubsidyApplicationReader
{
    private const string Fixed = "fixedOutlets", Mobile = "mobileStations", Facilities = "facilities";

    /// <returns>The application and each item's JSON path, or (null, empty) when <paramref name="r"/> holds errors.</returns>
    public static (SubsidyApplication? Application, IReadOnlyDictionary<string, string> PathOf) Read(JsonElement root, SubsidyRuleSet rules, JsonFieldReader r)
    {
        r.OnlyKnown(root, "", Fields.Of<SubsidyEstimateBody>());
        var crs = LocationReader.Crs(r, root);

        var (from, to) = Window(r, root);
        var applicantJson = r.Object(root, "", "applicant");
        var applicant = applicantJson is { } a ? ReadApplicant(r, a) : new SubsidyApplicant(null, null, null, null, null);

        var items = new List<(SubsidyItem Item, string Path)>();
        foreach (var (e, path) in r.Objects(root, Fixed))
        {
            r.OnlyKnown(e, path, Fields.Of<EstimateFixedOutlet>());
            items.Add((new FixedOutletPlan(Id(r, e, path), r.Amount(e, path, "areaM2"), r.Date(e, path, "builtOn"),
                r.Flag(e, path, "directlyOperated"), LocationReader.Read(r, e, path, crs)), path));
        }
        foreach (var (e, path) in r.Objects(root, Mobile))
        {
            r.OnlyKnown(e, path, Fields.Of<EstimateMobileStation>());
            items.Add((new MobileStationPlan(Id(r, e, path), r.Count(e, path, "communitiesServed"), r.Amount(e, path, "operatingMonths"),
                r.Flag(e, path, "meetsGuideline"), r.Amount(e, path, "investmentYuan")), path));
        }
        foreach (var (e, path) in r.Objects(root, Facilities))
        {
            r.OnlyKnown(e, path, Fields.Of<EstimateFacility>());
            var kind = r.Text(e, path, "kind");
            if (kind is null) r.Fail($"{path}.kind", $"is required: one of {string.Join(", ", rules.FacilityKinds)}", $"必填：{string.Join("、", rules.FacilityKinds)} 之一");
            items.Add((new FacilityRecognition(Id(r, e, path), kind ?? "", r.Date(e, path, "recognizedOn")), path));
        }

        CheckIdsUnique(r, items);
        CheckRequiredFacts(r, rules, applicant, items);
        CheckCounts(r, applicant, items);
        if (r.Errors.Count > 0) return (null, new Dictionary<string, string>());
        return (new SubsidyApplication(from!.Value, to!.Value, applicant, items.Select(i => i.Item).ToList()),
            items.ToDictionary(i => i.Item.Id, i => i.Path)); // the ids are unique: CheckIdsUnique refused the body otherwise
    }

    private static (DateOnly? From, DateOnly? To) Window(JsonFieldReader r, JsonElement root)
    {
        const string at = "applicationWindow";
        if (r.Object(root, "", at) is not { } w)
        {
            if (JsonFieldReader.Member(root, at) is null)
                r.Fail(at, "is required: { \"from\": \"yyyy-MM-dd\", \"to\": \"yyyy-MM-dd\" }", "必填：申报期 { \"from\": \"yyyy-MM-dd\", \"to\": \"yyyy-MM-dd\" }");
            return (null, null);
        }
        r.OnlyKnown(w, at, Fields.Of<EstimateWindow>());
        var from = r.Date(w, at, "from");
        var to = r.Date(w, at, "to");
        if (from is null && JsonFieldReader.Member(w, "from") is null) r.Fail($"{at}.from", "is required", "必填");
        if (to is null && JsonFieldReader.Member(w, "to") is null) r.Fail($"{at}.to", "is required", "必填");
        if (from is { } f && to is { } t && t < f)
            r.Fail($"{at}.to", string.Create(CultureInfo.InvariantCulture, $"{t:yyyy-MM-dd} is before the window's start {f:yyyy-MM-dd}"),
                string.Create(CultureInfo.InvariantCulture, $"{t:yyyy-MM-dd} 早于申报期开始日 {f:yyyy-MM-dd}"));
        return (from, to);
    }

    private static SubsidyApplicant ReadApplicant(JsonFieldReader r, JsonElement a)
    {
        const string at = "applicant";
        r.OnlyKnown(a, at, Fields.Of<EstimateApplicant>());
        return new SubsidyApplicant(r.Text(a, at, "name"), r.Flag(a, at, "mofcomRegistered"), r.Count(a, at, "directOutletCount"),
            r.Amount(a, at, "smallestDirectOutletAreaM2"), r.Count(a, at, "boxTrucks"));
    }

    private static string Id(JsonFieldReader r, JsonElement e, string path)
    {
        // A number id (1, 2, ...) is a common habit; take it as its text.
        if (JsonFieldReader.Member(e, "id") is { ValueKind: JsonValueKind.Number } n) return n.GetRawText();
        var id = r.Text(e, path, "id", 100);
        if (id is null && JsonFieldReader.Member(e, "id") is null)
            r.Fail($"{path}.id", "is required: each item needs an id to be named in the answer", "必填：每一项都要有编号，答复中按编号称呼它");
        return id ?? "";
    }

    private static void CheckIdsUnique(JsonFieldReader r, List<(SubsidyItem Item, string Path)> items)
    {
        var first = new Dictionary<string, string>();
        foreach (var (item, path) in items.Where(i => i.Item.Id.Length > 0))
            if (!first.TryAdd(item.Id, path))
                r.Fail($"{path}.id", $"'{item.Id}' is already the id of {first[item.Id]}; ids must be unique", $"“{item.Id}”已是 {first[item.Id]} 的编号；编号不能重复");
    }

    private static void CheckRequiredFacts(JsonFieldReader r, SubsidyRuleSet rules, SubsidyApplicant applicant,
        List<(SubsidyItem Item, string Path)> items)
    {
        var reported = new HashSet<string>();
        foreach (var (item, path) in items)
        {
            if (item is FacilityRecognition { Kind: "" }) continue;
            if (rules.RuleFor(item) is not { } rule)
            {
                r.Fail(item is FacilityRecognition ? $"{path}.kind" : path, item is FacilityRecognition f
                    ? new Reason($"'{f.Kind}' is not a facility kind of this policy; use one of {string.Join(", ", rules.FacilityKinds)}",
                        $"“{f.Kind}”不是本政策的设施类型；可用：{string.Join("、", rules.FacilityKinds)}")
                    : new Reason($"this policy has no subsidy rule for {item.ItemType} items", $"本政策没有针对 {item.ItemType} 的补贴规则"));
                continue;
            }
            foreach (var s in SubsidySubjects.ReadBy(rule))
            {
                if (s.Read(applicant, item) is not null) continue;
                var at = s.IsApplicant ? $"applicant.{s.Field}" : $"{path}.{s.Field}";
                // An invalid value has been reported already; do not also call it missing.
                if (r.Errors.Any(e => e.Field == at) || !reported.Add(at)) continue;
                r.Fail(at, $"is required by rule {rule.Id} ({Describe(s.Type).En})", $"规则 {rule.Id} 需要此项（{Describe(s.Type).Zh}）");
            }
        }
    }

    private static Reason Describe(SubjectType t) => t switch
    {
        SubjectType.Flag => new("true or false", "是或否"),
        SubjectType.Count => new("a whole number ≥ 0", "不小于 0 的整数"),
        SubjectType.Number => new("a number ≥ 0", "不小于 0 的数"),
        _ => new("a date yyyy-MM-dd", "yyyy-MM-dd 格式的日期"),
    };

    // directOutletCount includes the new outlets, so it cannot be below the directly operated ones listed.
    private static void CheckCounts(JsonFieldReader r, SubsidyApplicant applicant, List<(SubsidyItem Item, string Path)> items)
    {
        var listed = items.Count(i => i.Item is FixedOutletPlan { DirectlyOperated: true });
        if (applicant.DirectOutletCount is { } n && n < listed)
            r.Fail("applicant.directOutletCount", $"counts the new outlets too, and {listed} directly operated outlets are listed in fixedOutlets; it must be at least {listed}",
                $"直营网点数也包括新建网点，而新建固定型网点中已列出 {listed} 个直营网点；此数至少为 {listed}");
    }
}
