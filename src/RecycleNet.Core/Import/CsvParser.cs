using System.Text;

namespace RecycleNet.Core.Import;

/// <summary>
/// RFC 4180 CSV: fields separated by commas (or tabs, when the header line has tabs and no commas),
/// optionally double-quoted, "" for a quote inside quotes, line breaks allowed inside quotes, CRLF or LF.
/// A UTF-8 byte-order mark (as Excel writes) is skipped. O(length) up to the row limit, where it stops.
/// </summary>
public static class CsvParser
{
    /// <param name="maxRows">Data rows (after the header) kept at most: the row past it refuses the file there, before the rest is parsed.</param>
    public static List<List<string>> Parse(string text, int maxRows = int.MaxValue)
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
                if (rows.Count > (long)maxRows + 1) throw TooMany(maxRows);
                row = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else field.Append(c);
            i++;
        }
        if (quoted) throw new ImportFormatException(new("the CSV ends inside a quoted field (an opening \" is never closed)", "CSV 在引号字段中结束（有一个开头的 \" 没有闭合）"));
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        if (rows.Count > (long)maxRows + 1) throw TooMany(maxRows);
        return rows;
    }

    private static ImportFormatException TooMany(int maxRows) =>
        new(new($"the CSV holds more than {maxRows:N0} rows; at most {maxRows:N0} are accepted at once (split the file)",
            $"CSV 超过 {maxRows:N0} 行；一次最多接受 {maxRows:N0} 行（请拆分文件）"));
}
