namespace Portal.Web.Features.Admin.AuditView;

/// <param name="Rows">Rows in the file.</param>
/// <param name="Matching">Rows the filter matched; more than <paramref name="Rows"/> when the export was capped.</param>
public sealed record AuditExport(string Csv, int Rows, int Matching)
{
    public bool Capped => Matching > Rows;
}
