using System.Text.Json;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Core.Policies;

/// <summary>
/// The policies found in a seeds directory, validated on load: a policy whose citation names an
/// unknown document, or whose ids repeat, is refused at start-up rather than served half-right.
/// </summary>
public sealed class PolicyCatalog
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Policy> _byId;

    public PolicyCatalog(IEnumerable<Policy> policies)
    {
        _byId = [];
        foreach (var p in policies)
        {
            Validate(p);
            if (!_byId.TryAdd(p.Id, p)) throw new InvalidDataException($"policy id '{p.Id}' appears twice");
        }
    }

    public IReadOnlyCollection<Policy> All => _byId.Values;

    public Policy? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads every *.json in <paramref name="directory"/>.</summary>
    public static PolicyCatalog Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"policy seeds not found at {directory}");
        var policies = Directory.EnumerateFiles(directory, "*.json").Order().Select(f =>
        {
            try
            {
                return JsonSerializer.Deserialize<Policy>(File.ReadAllText(f), JsonOptions)
                       ?? throw new InvalidDataException("empty");
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                throw new InvalidDataException($"policy seed {Path.GetFileName(f)} is invalid: {e.Message}", e);
            }
        });
        return new PolicyCatalog(policies);
    }

    private static void Validate(Policy p)
    {
        var docs = p.Documents.Select(d => d.Key).ToHashSet();
        if (p.Subsidies is { } rules && SubsidyRuleValidator.Check(rules) is [_, ..] problems)
            throw new InvalidDataException($"{p.Id} subsidy rules: {string.Join("; ", problems)}");
        if (p.Tiers?.Problems().ToList() is [_, ..] tierProblems)
            throw new InvalidDataException($"{p.Id} tier rules: {string.Join("; ", tierProblems)}");
        foreach (var (id, c) in p.Citations())
        {
            if (c is null || string.IsNullOrWhiteSpace(c.Quote)) throw new InvalidDataException($"{p.Id}/{id} has no citation quote");
            if (!docs.Contains(c.Document)) throw new InvalidDataException($"{p.Id}/{id} cites unknown document '{c.Document}'");
        }
        var ids = p.Targets.Select(t => t.Id).Concat(p.Measures.Select(m => m.Id)).ToList();
        if (ids.Count != ids.Distinct().Count()) throw new InvalidDataException($"{p.Id} repeats a target or measure id");
    }
}
