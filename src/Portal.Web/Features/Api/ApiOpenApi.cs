using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Web.Features.Api;

/// <summary>
/// The OpenAPI document of <c>/api/v1</c>: the bearer scheme, and on every operation its security requirement, the
/// scope or role it needs, and the 401/403 problem responses every endpoint can give.
/// </summary>
internal static class ApiOpenApi
{
    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "PrivateLink Portal API",
                    Version = "v1",
                    Description = "Connections over AWS PrivateLink, as the portal's wizard and pages offer them. Errors are RFC 9457 problem details " +
                        "whose detail is the message the portal shows. Authenticate with an OAuth 2.0 access token (Bearer) carrying the scope " +
                        $"{ApiScopes.Read} or {ApiScopes.Manage} and the workspace claim.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiPolicies.Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = $"An access token from the portal's identity provider, for the portal's API (audience), with scope {ApiScopes.Read} or {ApiScopes.Manage}.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToHashSet();
                var needs = new List<string>();
                if (policies.Contains(ApiPolicies.Manage)) needs.Add($"scope {ApiScopes.Manage}");
                else if (policies.Contains(ApiPolicies.Read)) needs.Add($"scope {ApiScopes.Read} or {ApiScopes.Manage}");
                if (policies.Contains(ApiPolicies.Support)) needs.Add($"role {Account.PortalUser.SupportRole}");
                operation.Description = $"Requires {string.Join(" and ", needs)}.";

                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiPolicies.Scheme, context.Document)] = [] });

                var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
                operation.Responses ??= new OpenApiResponses();
                foreach (var (status, description) in new[] { ("401", "No valid access token."), ("403", "The token lacks the scope or role, or the caller is not a member of the workspace.") })
                {
                    operation.Responses.TryAdd(status, new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                    });
                }
            });
        });
}
