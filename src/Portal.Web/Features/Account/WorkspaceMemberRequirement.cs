using Microsoft.AspNetCore.Authorization;

namespace Portal.Web.Features.Account;

internal sealed class WorkspaceMemberRequirement : IAuthorizationRequirement;
