namespace RecycleNet.Core.Import;

/// <summary>Which reader an uploaded table goes to: layer imports and monthly volume reports decide it the same way.</summary>
public static class ImportFormat
{
    /// <summary>An import file's format (geojson, csv or xlsx): from ?format=, the file name, the Content-Type, or its first bytes.</summary>
    public static string? Of(string? format, string? fileName, string? contentType, ReadOnlySpan<byte> body)
    {
        if (format is not null)
            return format.ToLowerInvariant() switch { "geojson" or "json" => "geojson", "csv" => "csv", "xlsx" => "xlsx", _ => null };
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext is ".xlsx") return "xlsx";
        if (ext is ".csv" or ".txt") return "csv";
        if (ext is ".geojson" or ".json") return "geojson";
        var ct = contentType?.ToLowerInvariant() ?? "";
        if (ct.Contains("spreadsheetml") || ct.Contains("excel")) return "xlsx";
        if (ct.Contains("csv")) return "csv";
        if (ct.Contains("json")) return "geojson";
        if (body is [0x50, 0x4B, 3, 4, ..]) return "xlsx"; // zip signature
        var text = body.StartsWith("\uFEFF"u8) ? body[3..] : body;
        foreach (var b in text)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'{' ? "geojson" : "csv";
        }
        return "geojson";
    }
}
