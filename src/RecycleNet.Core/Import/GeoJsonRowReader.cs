using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Import;

/// <summary>
/// Reads a GeoJSON FeatureCollection (or one Feature) into import rows. A feature whose geometry
/// cannot be parsed still becomes a row, carrying the reason, so every bad feature is reported at once.
/// </summary>
public static class GeoJsonRowReader
{
    internal static readonly JsonSerializerOptions GeometryOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static List<ImportRow> Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument doc;
        try
        {
            doc = StrictJson.Parse(body);
        }
        catch (JsonInputException e)
        {
            throw new ImportFormatException(new(e.Rule, $"不是可读的 JSON：{e.Rule}"), StrictJson.Field(e.Path));
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ImportFormatException(new("the body must be a GeoJSON FeatureCollection or Feature (a JSON object)", "文件须为 GeoJSON 要素集合（FeatureCollection）或要素（Feature），即一个 JSON 对象"));
            if (!root.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String)
                throw new ImportFormatException(new("must be the string \"FeatureCollection\" or \"Feature\": the body must be a GeoJSON FeatureCollection or Feature",
                    "须为字符串 \"FeatureCollection\" 或 \"Feature\"：文件须为 GeoJSON 要素集合或要素"), "type");
            return t.GetString() switch
            {
                "FeatureCollection" when root.TryGetProperty("features", out var fs) && fs.ValueKind == JsonValueKind.Array =>
                    fs.EnumerateArray().Select((f, i) => ReadFeature(f, i)).ToList(),
                "FeatureCollection" => throw new ImportFormatException(new("the FeatureCollection has no 'features' array", "要素集合中没有“features”数组"), "features"),
                "Feature" => [ReadFeature(root, 0)],
                var other => throw new ImportFormatException(new($"is \"{Clip(other!)}\"; the body must be a GeoJSON FeatureCollection or Feature",
                    $"为“{Clip(other!)}”；文件须为 GeoJSON 要素集合或要素"), "type"),
            };
        }
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Reads one Feature; used for POST and PUT of a single feature as well.</summary>
    public static ImportRow ReadFeature(JsonElement f, int index)
    {
        if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != "Feature")
            return new ImportRow(index, null, Empty) { GeometryError = new("the item is not a GeoJSON Feature (\"type\": \"Feature\")", "此项不是 GeoJSON 要素（\"type\": \"Feature\"）"), StrictTypes = true };
        var props = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
            foreach (var m in p.EnumerateObject()) props[m.Name] = ToValue(m.Value);
        Geometry? geometry = null;
        Reason? error = null;
        if (f.TryGetProperty("geometry", out var g) && g.ValueKind != JsonValueKind.Null)
        {
            try
            {
                geometry = g.Deserialize<Geometry>(GeometryOptions);
                if (geometry is null) error = new("could not be read as GeoJSON", "无法按 GeoJSON 读取");
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
            {
                error = new($"could not be read as GeoJSON: {e.Message}", $"无法按 GeoJSON 读取：{e.Message}");
            }
        }
        return new ImportRow(index, geometry, props) { GeometryError = error, StrictTypes = true };
    }

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    private static object? ToValue(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        // Beyond double's range (1e400) reads as infinity, which the field rules refuse by name.
        JsonValueKind.Number => v.TryGetDouble(out var d) ? d : v.GetRawText().TrimStart().StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => v.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object => new JsonObjectValue(v.GetRawText()),
        _ => null,
    };
}

/// <summary>A JSON object given where a property value was expected: kept apart from text so a text field refuses it.</summary>
public sealed record JsonObjectValue(string Json)
{
    public override string ToString() => Json;
}
