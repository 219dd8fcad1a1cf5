using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Account;

/// <summary>Reads the signed-in user of the current circuit or request from its authentication state.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState, IOptions<PortalIdentityOptions> options)
{
    public async Task<PortalUser> GetAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return PortalUser.FromPrincipal(state.User, options.Value.WorkspaceClaimType);
    }
}
