using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace RecycleNet.Core.Import;

/// <summary>
/// A CSV's bytes as text, in the encoding the file was written in. A declared charset (Content-Type: text/csv;
/// charset=gbk) is honoured strictly. Undeclared, a file is UTF-8 when it is valid UTF-8 (a BOM is allowed), else
/// GB18030 — a superset of GBK, what Chinese Excel's "CSV（逗号分隔）" writes — when every byte decodes as such; else it
/// is refused, naming the first byte UTF-8 cannot read. No byte is ever replaced: a file read wrongly would import names
/// that look right and are not.
/// </summary>
public static class CsvText
{
    public const string Utf8Name = "UTF-8", Gb18030Name = "GB18030";

    /// <summary>Charset names read as GB18030: it decodes every GBK and GB2312 file to the same text.</summary>
    private static readonly HashSet<string> ChineseNames = new(StringComparer.OrdinalIgnoreCase)
        { "gb18030", "gbk", "gb2312", "cp936", "windows-936", "x-gbk", "euc-cn", "csgb2312" };

    private static readonly HashSet<string> Utf8Names = new(StringComparer.OrdinalIgnoreCase) { "utf-8", "utf8", "us-ascii", "ascii" };

    static CsvText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Strict(string name) => Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <param name="charset">The charset the request declared (Content-Type), or null.</param>
    /// <param name="encoding">The encoding the text was read in (UTF-8, GB18030, or the declared one's name).</param>
    /// <exception cref="ImportFormatException">The bytes are not text in the declared encoding, or in UTF-8 or GB18030.</exception>
    public static string Decode(ReadOnlySpan<byte> body, string? charset, out string encoding)
    {
        charset = charset?.Trim().Trim('"');
        if (!string.IsNullOrEmpty(charset))
        {
            if (Utf8Names.Contains(charset)) { encoding = Utf8Name; return DeclaredUtf8(body); }
            Encoding declared;
            try { declared = Strict(ChineseNames.Contains(charset) ? Gb18030Name : charset); }
            catch (ArgumentException)
            {
                throw new ImportFormatException(new($"charset '{Clip(charset)}' is not an encoding this service reads; send UTF-8 or GB18030 (GBK)",
                    $"不支持字符集“{Clip(charset)}”；请使用 UTF-8 或 GB18030（GBK）"), "Content-Type");
            }
            encoding = ChineseNames.Contains(charset) ? Gb18030Name : declared.WebName.ToUpperInvariant();
            try { return declared.GetString(body); }
            catch (DecoderFallbackException e)
            {
                throw new ImportFormatException(new($"the CSV is not {encoding} text as its charset says: byte {Offset(e)} cannot be read",
                    $"CSV 文件不是所声明的 {encoding} 编码：第 {Offset(e)} 字节无法读取"), "Content-Type");
            }
        }
        if (FirstInvalidUtf8(body) is not { } bad)
        {
            encoding = Utf8Name;
            return Encoding.UTF8.GetString(body);
        }
        try
        {
            var text = Strict(Gb18030Name).GetString(body);
            encoding = Gb18030Name;
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFormatException(new(
                $"the CSV is neither UTF-8 text (byte {bad.ToString("N0", CultureInfo.InvariantCulture)} is not) nor GB18030/GBK text; save it as \"CSV UTF-8\" or declare its charset",
                $"CSV 文件既不是 UTF-8 编码（第 {bad.ToString("N0", CultureInfo.InvariantCulture)} 字节不是），也不是 GB18030/GBK 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或声明其字符集"));
        }
    }

    private static string DeclaredUtf8(ReadOnlySpan<byte> body)
    {
        if (FirstInvalidUtf8(body) is not { } bad) return Encoding.UTF8.GetString(body);
        throw new ImportFormatException(new($"the CSV is not UTF-8 text as its charset says: byte {bad.ToString("N0", CultureInfo.InvariantCulture)} is not",
            $"CSV 文件不是所声明的 UTF-8 编码：第 {bad.ToString("N0", CultureInfo.InvariantCulture)} 字节不是"), "Content-Type");
    }

    /// <summary>The 1-based offset of the first byte that is not part of valid UTF-8, or null when all of it is.</summary>
    public static long? FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        if (Utf8.IsValid(body)) return null;
        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            long consumed = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(body, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                consumed += read;
                body = body[read..];
                if (status == OperationStatus.Done) return null;
                if (status != OperationStatus.DestinationTooSmall) return consumed + 1;
            }
        }
        finally { ArrayPool<char>.Shared.Return(chars); }
    }

    private static string Offset(DecoderFallbackException e) => e.Index >= 0 ? (e.Index + 1).ToString("N0", CultureInfo.InvariantCulture) : "?";

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
