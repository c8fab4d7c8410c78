using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

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
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new ImportFormatException($"the body is not valid JSON: {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            return type switch
            {
                "FeatureCollection" when root.TryGetProperty("features", out var fs) && fs.ValueKind == JsonValueKind.Array =>
                    fs.EnumerateArray().Select((f, i) => ReadFeature(f, i)).ToList(),
                "FeatureCollection" => throw new ImportFormatException("the FeatureCollection has no 'features' array"),
                "Feature" => [ReadFeature(root, 0)],
                _ => throw new ImportFormatException("the body must be a GeoJSON FeatureCollection or Feature (\"type\" is missing or other)"),
            };
        }
    }

    /// <summary>Reads one Feature; used for POST and PUT of a single feature as well.</summary>
    public static ImportRow ReadFeature(JsonElement f, int index)
    {
        if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("type", out var t) || t.GetString() != "Feature")
            return new ImportRow(index, null, Empty) { GeometryError = "the item is not a GeoJSON Feature" };
        var props = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
            foreach (var m in p.EnumerateObject()) props[m.Name] = ToValue(m.Value);
        Geometry? geometry = null;
        string? error = null;
        if (f.TryGetProperty("geometry", out var g) && g.ValueKind != JsonValueKind.Null)
        {
            try
            {
                geometry = g.Deserialize<Geometry>(GeometryOptions);
                if (geometry is null) error = "could not be read as GeoJSON";
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
            {
                error = $"could not be read as GeoJSON: {e.Message}";
            }
        }
        return new ImportRow(index, geometry, props) { GeometryError = error };
    }

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    private static object? ToValue(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => v.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object => v.GetRawText(),
        _ => null,
    };
}
