namespace Portal.Web.Features.Admin.ConnectionGrid;

public enum AdminConnectionSortColumn
{
    CreatedAt,
    UpdatedAt,
    Status,
    Workspace,
    Region,
    ServiceName,
    Name,
}
