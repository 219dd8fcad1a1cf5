namespace Portal.Web.Features.Connections;

public enum DeleteOutcome
{
    Requested,
    AlreadyDeleting,
    NotFound,
}
