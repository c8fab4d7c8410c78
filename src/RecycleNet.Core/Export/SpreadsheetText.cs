namespace RecycleNet.Core.Export;

/// <summary>
/// Text cells that a spreadsheet would take for a formula (OWASP "CSV injection"): a name such as
/// <c>=HYPERLINK("http://…","点此")</c> or <c>@SUM(…)</c> must open as text. Cells beginning with = + - @, a tab or
/// a carriage return get a leading apostrophe, which Excel and WPS show as text and do not evaluate. Numbers stay
/// numbers: only text is touched, in every CSV and XLSX the service writes.
/// </summary>
public static class SpreadsheetText
{
    public static string Safe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>The row with each text value made safe (in place; returns the row).</summary>
    public static IDictionary<string, object?> SafeRow(IDictionary<string, object?> row)
    {
        foreach (var key in row.Keys.ToList())
            if (row[key] is string s) row[key] = Safe(s);
        return row;
    }

    /// <summary>Each row made safe as it is enumerated.</summary>
    public static IEnumerable<Dictionary<string, object?>> SafeRows(IEnumerable<Dictionary<string, object?>> rows) =>
        rows.Select(r => { SafeRow(r); return r; });
}
