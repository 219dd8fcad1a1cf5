using System.Text;

namespace Portal.Web.Components.Shared;

/// <summary>
/// Builds RFC 4180 CSV text for downloads. Cells that a spreadsheet would run as a formula
/// (starting with =, +, -, @ or a control character) get a leading apostrophe.
/// </summary>
public sealed class CsvBuilder
{
    private readonly StringBuilder text = new();

    public CsvBuilder(params string[] header) => AddRow(header);

    public CsvBuilder AddRow(params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(Escape(cells[i]));
        }
        text.Append("\r\n");
        return this;
    }

    public override string ToString() => text.ToString();

    internal static string Escape(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }
        if (cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + cell.Replace("\"", "\"\"") + "\""
            : cell;
    }
}
