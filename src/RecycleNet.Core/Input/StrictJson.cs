using System.Text.Json;
using System.Text.Unicode;

namespace RecycleNet.Core.Input;

/// <summary>A JSON body that cannot be taken, with the JSON path of the fault ("$" for the body as a whole).</summary>
public sealed class JsonInputException(string path, string rule) : Exception($"{path}: {rule}")
{
    public string Path { get; } = path;
    public string Rule { get; } = rule;
}

/// <summary>
/// Parses JSON the strict way every body of this service is read: the bytes must be UTF-8 (a GBK file or a lone
/// 0xFF is named, not transcoded into nonsense), no object may repeat a member (System.Text.Json keeps the last,
/// so <c>"areaM2":35,"areaM2":5000</c> would silently pay for 5,000 m²), every string must decode (an escaped
/// lone surrogate does not), and nesting stops at <see cref="MaxDepth"/>. One pass over the document, O(size).
/// </summary>
public static class StrictJson
{
    /// <summary>Deeper than any GeoJSON the service takes (a MultiPolygon is 4 levels inside a feature inside a collection).</summary>
    public const int MaxDepth = 64;

    /// <summary>The parsed document (dispose it); throws <see cref="JsonInputException"/> naming the path and the rule.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        var span = utf8.Span;
        if (span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..]; // a BOM, as Windows editors write, is not content
        if (!Utf8.IsValid(utf8.Span))
            throw new JsonInputException("$", $"the body is not valid UTF-8 (first bad byte at offset {FirstInvalid(utf8.Span)}); save the file as UTF-8");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new JsonInputException(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, $"is not valid JSON{where}: {Shorten(e.Message)}");
        }
        try
        {
            Check(doc.RootElement, "$");
            return doc;
        }
        catch
        {
            doc.Dispose();
            throw;
        }
    }

    private static void Check(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? seen = null;
                foreach (var m in e.EnumerateObject())
                {
                    string name;
                    try { name = m.Name; }
                    catch (InvalidOperationException) { throw new JsonInputException(path, "has a member name that is not valid Unicode (an escaped lone surrogate)"); }
                    seen ??= new HashSet<string>(StringComparer.Ordinal);
                    var at = $"{path}.{name}";
                    if (!seen.Add(name)) throw new JsonInputException(at, "appears twice in the same object; give each member once");
                    Check(m.Value, at);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Check(item, $"{path}[{i++}]");
                break;
            case JsonValueKind.String:
                try { e.GetString(); }
                catch (InvalidOperationException) { throw new JsonInputException(path, "is not valid Unicode (an escaped lone surrogate such as \\ud800)"); }
                break;
        }
    }

    /// <summary>A JSON path as field names read it: "$.applicant.name" → "applicant.name".</summary>
    public static string Field(string path) => path == "$" ? "body" : path.StartsWith("$.") ? path[2..] : path.TrimStart('$');

    /// <summary>The byte offset of the first invalid UTF-8 sequence (only called when there is one).</summary>
    public static long FirstInvalid(ReadOnlySpan<byte> s)
    {
        Span<char> scratch = stackalloc char[2048];
        long offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(s, scratch, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall) return offset;
            s = s[read..];
        }
    }

    private static string Shorten(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
