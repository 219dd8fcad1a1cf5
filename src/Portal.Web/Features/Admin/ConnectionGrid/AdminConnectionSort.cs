namespace Portal.Web.Features.Admin.ConnectionGrid;

public sealed record AdminConnectionSort(AdminConnectionSortColumn Column = AdminConnectionSortColumn.CreatedAt, bool Descending = true)
{
    public static readonly AdminConnectionSort Newest = new();
}
