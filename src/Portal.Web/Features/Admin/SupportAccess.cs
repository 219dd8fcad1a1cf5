using Portal.Web.Features.Account;

namespace Portal.Web.Features.Admin;

/// <summary>The check every admin service method makes itself, so a page that forgets its policy still leaks nothing.</summary>
internal static class SupportAccess
{
    public static void Demand(PortalUser caller)
    {
        if (!caller.IsSupport)
        {
            throw new UnauthorizedAccessException("Only support staff may use the support console.");
        }
    }
}
