using Portal.Web.Components.Shared;

namespace Portal.UnitTests.Admin;

public class CsvBuilderTests
{
    [Fact]
    public void Cells_with_separators_quotes_or_line_breaks_are_quoted_and_rows_end_with_crlf()
    {
        var csv = new CsvBuilder("a", "b", "c").AddRow("plain", "with, comma", "say \"hi\"\nbye").AddRow(null, "", "x").ToString();

        Assert.Equal("a,b,c\r\nplain,\"with, comma\",\"say \"\"hi\"\"\nbye\"\r\n,,x\r\n", csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("192.0.2.10", "192.0.2.10")]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_defused(string cell, string expected) =>
        Assert.Equal(expected, CsvBuilder.Escape(cell));
}
