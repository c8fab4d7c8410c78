using System.Text.Json;
using RecycleNet.Core.Policies;

namespace RecycleNet.Core.Volumes;

/// <summary>A unit volumes are reported in: tonnes, appliances (台) or vehicles (辆).</summary>
/// <param name="Decimals">How many decimals a quantity may have: 3 for tonnes (a kilogram), 0 for counted things.</param>
/// <param name="Tonnage">A weight: what a sorting centre's load is measured in.</param>
public sealed record VolumeUnit(string Id, string LabelZh, string LabelEn, IReadOnlyList<string> Aliases, int Decimals, bool Tonnage);

/// <summary>A category of the recycling statistics (废钢铁, 废弃电器电子产品 …) and the units it may be reported in.</summary>
/// <param name="TargetUnit">The unit the policy targets of this category are measured in; null: the first of <paramref name="Units"/>.</param>
/// <param name="Metrics">The policy target metrics (seeds/policies) this category measures.</param>
public sealed record VolumeCategory(string Id, string LabelZh, string LabelEn, IReadOnlyList<string> Units, IReadOnlyList<string>? Aliases = null,
    string? TargetUnit = null, IReadOnlyList<string>? Metrics = null)
{
    public string MeasuredIn => TargetUnit ?? Units[0];
}

/// <summary>seeds/volume-categories.json as read.</summary>
public sealed record VolumeCategorySeed(string Source, IReadOnlyList<VolumeUnit> Units, IReadOnlyList<VolumeCategory> Categories);

/// <summary>
/// The statistics' categories and units, as data, validated on load: ids distinct, every unit a category names known, its
/// target unit among its units, no alias naming two things. Reports, imports, targets and the page all read them here.
/// </summary>
public sealed class VolumeCategories
{
    private readonly Dictionary<string, VolumeCategory> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, VolumeUnit> _unitByName = new(StringComparer.OrdinalIgnoreCase);

    public VolumeCategories(VolumeCategorySeed seed)
    {
        Source = seed.Source;
        Units = seed.Units;
        All = seed.Categories;
        foreach (var u in seed.Units)
            foreach (var name in u.Aliases.Append(u.Id).Append(u.LabelZh).Distinct(StringComparer.OrdinalIgnoreCase))
                if (!_unitByName.TryAdd(name, u)) throw new InvalidDataException($"volume unit name '{name}' names two units");
        foreach (var c in seed.Categories)
        {
            if (c.Units.Count == 0) throw new InvalidDataException($"volume category {c.Id} allows no unit");
            if (c.Units.FirstOrDefault(u => !seed.Units.Any(x => x.Id == u)) is { } bad)
                throw new InvalidDataException($"volume category {c.Id} names unknown unit '{bad}'");
            if (!c.Units.Contains(c.MeasuredIn)) throw new InvalidDataException($"volume category {c.Id}: target unit {c.MeasuredIn} is not among its units");
            foreach (var name in (c.Aliases ?? []).Append(c.Id).Append(c.LabelZh).Append(c.LabelEn).Distinct(StringComparer.OrdinalIgnoreCase))
                if (!_byName.TryAdd(name, c)) throw new InvalidDataException($"volume category name '{name}' names two categories");
        }
        var metrics = seed.Categories.SelectMany(c => c.Metrics ?? []).ToList();
        if (metrics.Count != metrics.Distinct().Count()) throw new InvalidDataException("a target metric is measured by two volume categories");
    }

    public string Source { get; }
    public IReadOnlyList<VolumeUnit> Units { get; }
    public IReadOnlyList<VolumeCategory> All { get; }

    /// <summary>A category by id, Chinese or English label, or alias.</summary>
    public VolumeCategory? Find(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>A unit by id, Chinese label or alias.</summary>
    public VolumeUnit? FindUnit(string name) => _unitByName.GetValueOrDefault(name.Trim());

    public VolumeUnit Unit(string id) => Units.First(u => u.Id == id);

    /// <summary>The category a policy target metric is measured by, if any.</summary>
    public VolumeCategory? ForMetric(string metric) => All.FirstOrDefault(c => c.Metrics?.Contains(metric) == true);

    public static VolumeCategories Load(string file)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"the volume categories seed {file} does not exist", file);
        try
        {
            var seed = JsonSerializer.Deserialize<VolumeCategorySeed>(File.ReadAllText(file), PolicyCatalog.JsonOptions)
                       ?? throw new InvalidDataException("empty");
            return new VolumeCategories(seed);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"volume categories seed {Path.GetFileName(file)} is invalid: {e.Message}", e);
        }
    }
}
