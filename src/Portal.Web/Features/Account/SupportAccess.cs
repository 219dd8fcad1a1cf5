namespace Portal.Web.Features.Account;

/// <summary>The one check every support-only service method makes itself, so a page that forgets its policy still leaks nothing.</summary>
public static class SupportAccess
{
    public static void Demand(PortalUser caller)
    {
        if (!caller.IsSupport)
        {
            throw new UnauthorizedAccessException("Only support staff can do this.");
        }
    }
}
