using System.Globalization;
using System.Text.Json;

namespace RecycleNet.Core.Layers;

/// <summary>
/// The few kinds of property value features carry, written and compared the same way everywhere: GeoJSON,
/// OGC filters, CSV and spreadsheet exports. Dates are ISO yyyy-MM-dd; numbers are culture-invariant.
/// </summary>
public static class PropertyValues
{
    public static void Write(Utf8JsonWriter w, string name, object? value)
    {
        w.WritePropertyName(name);
        WriteValue(w, value);
    }

    public static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: w.WriteNumberValue(d); break;
            case decimal m: w.WriteNumberValue(m); break;
            case DateOnly date: w.WriteStringValue(Text(date)); break;
            case System.Collections.IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) WriteValue(w, item);
                w.WriteEndArray();
                break;
            default: throw new ArgumentException($"a property value of type {value.GetType().Name} is not written", nameof(value));
        }
    }

    /// <summary>The value as plain text (for equality filters, CSV cells): invariant numbers, ISO dates, lists joined by ';'.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => string.Join(";", list.Cast<object?>().Select(Text)),
        _ => value.ToString(),
    };
}
