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
            throw new ImportFormatException(e.Rule, StrictJson.Field(e.Path));
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ImportFormatException("the body must be a GeoJSON FeatureCollection or Feature (a JSON object)");
            if (!root.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String)
                throw new ImportFormatException("must be the string \"FeatureCollection\" or \"Feature\": the body must be a GeoJSON FeatureCollection or Feature", "type");
            return t.GetString() switch
            {
                "FeatureCollection" when root.TryGetProperty("features", out var fs) && fs.ValueKind == JsonValueKind.Array =>
                    fs.EnumerateArray().Select((f, i) => ReadFeature(f, i)).ToList(),
                "FeatureCollection" => throw new ImportFormatException("the FeatureCollection has no 'features' array", "features"),
                "Feature" => [ReadFeature(root, 0)],
                var other => throw new ImportFormatException($"is \"{(other!.Length <= 40 ? other : other[..40] + "…")}\"; the body must be a GeoJSON FeatureCollection or Feature", "type"),
            };
        }
    }

    /// <summary>Reads one Feature; used for POST and PUT of a single feature as well.</summary>
    public static ImportRow ReadFeature(JsonElement f, int index)
    {
        if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != "Feature")
            return new ImportRow(index, null, Empty) { GeometryError = "the item is not a GeoJSON Feature (\"type\": \"Feature\")", StrictTypes = true };
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
