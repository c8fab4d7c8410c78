namespace RecycleNet.Core.Input;

/// <summary>
/// The one rule for text a person typed (names, labels, notes): no C0/C1 control characters (NUL, ESC, line feeds
/// in a name …) and no Unicode bidirectional controls, which can make a name display as something else
/// (U+202E turns "gpj.exe" around). Such characters never come from a keyboard in a name; they come from broken
/// encodings or from someone hiding what a value says, so they are refused rather than stripped silently.
/// </summary>
public static class TextRules
{
    /// <summary>Why <paramref name="text"/> is refused, or null when it is acceptable. O(length).</summary>
    public static Reason? Check(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c))
                return new($"holds an unpaired surrogate (U+{(int)c:X4}) at character {i + 1}: the text is not valid Unicode",
                    $"第 {i + 1} 个字符是不成对的代理项 (U+{(int)c:X4})：文本不是有效的 Unicode");
            if (c < 0x20 || c is >= '\u007F' and <= '\u009F')
                return new($"holds the control character U+{(int)c:X4} at character {i + 1}; names and labels take printable text only",
                    $"第 {i + 1} 个字符是控制字符 U+{(int)c:X4}；名称和标签只接受可打印的文字");
            if (IsBidiControl(c))
                return new($"holds the bidirectional control U+{(int)c:X4} at character {i + 1}, which can make text display as something else",
                    $"第 {i + 1} 个字符是双向控制符 U+{(int)c:X4}，它会让文字显示成另一个样子");
        }
        return null;
    }

    /// <summary>ALM, LRM, RLM, the embeddings and overrides (LRE…RLO, PDF) and the isolates (LRI…PDI).</summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
