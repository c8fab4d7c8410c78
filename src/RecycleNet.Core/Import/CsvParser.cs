using System.Text;

namespace RecycleNet.Core.Import;

/// <summary>
/// RFC 4180 CSV: fields separated by commas (or tabs, when the header line has tabs and no commas),
/// optionally double-quoted, "" for a quote inside quotes, line breaks allowed inside quotes, CRLF or LF.
/// A UTF-8 byte-order mark (as Excel writes) is skipped. O(length).
/// </summary>
public static class CsvParser
{
    public static List<List<string>> Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var header = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var sep = header.Contains('\t') && !header.Contains(',') ? '\t' : ',';

        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false;
                }
                else field.Append(c);
                i++;
                continue;
            }
            if (c == '"' && field.Length == 0) quoted = true;
            else if (c == sep) { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else field.Append(c);
            i++;
        }
        if (quoted) throw new ImportFormatException(new("the CSV ends inside a quoted field (an opening \" is never closed)", "CSV 在引号字段中结束（有一个开头的 \" 没有闭合）"));
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
