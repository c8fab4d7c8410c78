using System.Text.Json;
using RecycleNet.Core.Policies;

namespace RecycleNet.Core.Cities;

/// <summary>
/// The configured cities, validated on load: ids well formed and distinct, each city's extent in China and its policy
/// known, the default city present. Every route that names no city (all of the URLs that predate cities) answers for <see cref="Default"/>.
/// </summary>
public sealed class CityCatalog
{
    private readonly Dictionary<string, City> _byId = new(StringComparer.Ordinal);

    public CityCatalog(CitySeed seed, PolicyCatalog? policies = null)
    {
        foreach (var c in seed.Cities)
        {
            if (!City.IsWellFormedId(c.Id)) throw new InvalidDataException($"city id '{c.Id}' is not lower-case ASCII letters, digits and '-' (2-32)");
            if (string.IsNullOrWhiteSpace(c.Name)) throw new InvalidDataException($"city {c.Id} has no name");
            if (c.Bbox is not [var w, var so, var e, var n] || !new[] { w, so, e, n }.All(double.IsFinite) || w >= e || so >= n
                || !Geography.ChinaExtent.Contains(w, so) || !Geography.ChinaExtent.Contains(e, n))
                throw new InvalidDataException($"city {c.Id} needs a bbox [west, south, east, north] in WGS84 degrees, inside China");
            if (policies is not null && policies.Find(c.Policy) is null) throw new InvalidDataException($"city {c.Id} names unknown policy '{c.Policy}'");
            if (!_byId.TryAdd(c.Id, c)) throw new InvalidDataException($"city id '{c.Id}' appears twice");
        }
        Default = _byId.GetValueOrDefault(seed.Default) ?? throw new InvalidDataException($"the default city '{seed.Default}' is not among the cities");
        All = [.. seed.Cities];
    }

    /// <summary>In the order of the seed file (the default first, by convention).</summary>
    public IReadOnlyList<City> All { get; }

    public City Default { get; }

    public City? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    public static CityCatalog Load(string file, PolicyCatalog? policies = null)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"the city seed {file} does not exist", file);
        try
        {
            var seed = JsonSerializer.Deserialize<CitySeed>(File.ReadAllText(file), PolicyCatalog.JsonOptions) ?? throw new InvalidDataException("empty");
            return new CityCatalog(seed, policies);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"city seed {Path.GetFileName(file)} is invalid: {e.Message}", e);
        }
    }
}
