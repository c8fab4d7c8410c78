using System.Text.Json;

namespace RecycleNet.Core.Export;

/// <summary>
/// An answer's records as a workbook's rows, column for member under the JSON names, so that a typed answer and its
/// ?f=xlsx form are one definition and cannot drift apart. Numbers stay numbers, text is made safe
/// (<see cref="SpreadsheetText"/>), nested values are written as their JSON.
/// </summary>
public static class RecordRows
{
    private static readonly JsonSerializerOptions Names = new(JsonSerializerDefaults.Web);

    /// <param name="keep">The columns to write (by JSON name); every member when null.</param>
    public static List<Dictionary<string, object?>> Of<T>(IEnumerable<T> records, Func<string, bool>? keep = null) =>
        [.. records.Select(r => Row(JsonSerializer.SerializeToElement(r, Names), keep))];

    private static Dictionary<string, object?> Row(JsonElement record, Func<string, bool>? keep)
    {
        var row = new Dictionary<string, object?>();
        foreach (var member in record.EnumerateObject())
            if (keep is null || keep(member.Name)) row[member.Name] = Cell(member.Value);
        SpreadsheetText.SafeRow(row);
        return row;
    }

    private static object? Cell(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.TryGetInt64(out var whole) ? whole : v.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => v.GetRawText(),
    };
}
