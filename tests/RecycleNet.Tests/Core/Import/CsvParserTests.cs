using RecycleNet.Core.Import;

namespace RecycleNet.Tests.Core.Import;

public class CsvParserTests
{
    [Fact]
    public void Quotes_escaped_quotes_embedded_breaks_and_CRLF()
    {
        var rows = CsvParser.Parse("\uFEFFname,note\r\n\"A, B\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\r\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["name", "note"], rows[0]);
        Assert.Equal(["A, B", "say \"hi\""], rows[1]);
        Assert.Equal(["multi\nline", "x"], rows[2]);
    }

    [Fact]
    public void Tab_separated_when_the_header_has_tabs_and_no_commas() =>
        Assert.Equal(["a", "b,c"], CsvParser.Parse("x\ty\na\tb,c")[1]);

    [Fact]
    public void An_unclosed_quote_is_a_format_error() =>
        Assert.Throws<ImportFormatException>(() => CsvParser.Parse("a,b\n\"oops,1\n"));
}
