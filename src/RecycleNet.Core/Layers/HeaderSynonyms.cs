using System.Text.Json;

namespace RecycleNet.Core.Layers;

/// <summary>
/// The column headers each layer's import reads as each property beside its own name (经营者, 运营单位 → operator …): data,
/// in header-synonyms.json beside the layer definitions, so a header a bureau's files use is added there, not in code.
/// "*" holds the headers of the properties every layer has (name). HeaderSynonymsTests checks each entry names a
/// property of its layer and no header means two properties of one layer.
/// </summary>
public static class HeaderSynonyms
{
    public const string EveryLayer = "*";

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> All = Load();

    /// <summary>The headers read as <paramref name="field"/> of <paramref name="layer"/>, beside its own name.</summary>
    public static string[] Of(string layer, string field) =>
        All.TryGetValue(layer, out var fields) && fields.TryGetValue(field, out var headers) ? headers : [];

    /// <summary>Every entry: layer, property, headers (for the checks).</summary>
    public static IEnumerable<(string Layer, string Field, string[] Headers)> Entries =>
        All.SelectMany(l => l.Value.Select(f => (l.Key, f.Key, f.Value)));

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> Load()
    {
        using var stream = typeof(HeaderSynonyms).Assembly.GetManifestResourceStream("RecycleNet.Core.Layers.header-synonyms.json")
            ?? throw new InvalidOperationException("header-synonyms.json is not embedded in RecycleNet.Core");
        var read = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(stream)
            ?? throw new InvalidOperationException("header-synonyms.json is empty");
        return read.ToDictionary(l => l.Key, l => (IReadOnlyDictionary<string, string[]>)l.Value);
    }
}
