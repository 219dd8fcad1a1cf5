namespace Portal.Web.Features.Audit;

public enum AuditOutcome
{
    Succeeded,
    Failed,
    Refused,
}
