using System.ComponentModel;

namespace RecycleNet.Api.Endpoints;

[Description("The service and its database answer.")]
public sealed record HealthAnswer(string Status);

public sealed record LinkAnswer(string Rel, string Href);

public sealed record LayerLinkAnswer(string Name, string Title, string Href);

[Description("What this service offers for the city: its layers and links.")]
public sealed record ServiceIndexAnswer(string Title, string Description, string City, string CityName, string Policy,
    IReadOnlyList<LayerLinkAnswer> Layers, IReadOnlyList<LinkAnswer> Links);

public sealed record UiCityAnswer(string Id, string Name, string NameEn, string Adcode);

public sealed record UiPolicyAnswer(string Id, string Title, string DocumentNumber, IReadOnlyList<int> TargetYears);

[Description("Whether the city's policy has subsidy rules, from which document, the facility kinds it rewards, and where the rules are.")]
public sealed record UiSubsidyAnswer(bool Rules, string? Document, IReadOnlyList<string> FacilityKinds, string? Href);

[Description("What the web page needs for the city: the base map, if any; the city's policy, and what its page offers (subsidy rules, siting goals, tiers, merged points).")]
public sealed record UiConfigAnswer(string? BaseMapUrl, [property: Description("WGS84 or GCJ02: the base map tiles' datum")] string BaseMapCrs,
    string? BaseMapAttribution, UiCityAnswer City, UiPolicyAnswer Policy, UiSubsidyAnswer Subsidy,
    IReadOnlyList<RecycleNet.Core.Cities.SitingKind> Siting, bool Tiers, bool MergesTwoNetworks);
