namespace RecycleNet.Core.Input;

/// <summary>
/// A file refused by a reader's budget or its structure, before the reader allocated what the file claims: the rule it
/// broke, in both languages. Each reader's caller turns it into its own refusal (an import's, a network's), so a budget
/// is written once and met alike everywhere.
/// </summary>
public sealed class FileBudgetException(Reason reason) : Exception(reason.En)
{
    public Reason Reason { get; } = reason;
}

/// <summary>The text of a foreign library's exception that may reach an answer: its first line, cut short — never a stack trace.</summary>
public static class ForeignText
{
    public static string Of(Exception e, int max = 160)
    {
        var text = e.Message;
        var line = text.IndexOfAny(['\r', '\n']);
        if (line >= 0) text = text[..line];
        // Some readers wrap an exception as its ToString(): "System.X: message ---> …" carries type names, not reasons.
        var arrow = text.IndexOf(" ---> ", StringComparison.Ordinal);
        if (arrow >= 0) text = text[..arrow];
        text = text.Trim();
        return text.Length <= max ? text : text[..max] + "…";
    }
}
