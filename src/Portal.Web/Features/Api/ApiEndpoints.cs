using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Web.Hosting.Security;
using Scalar.AspNetCore;

namespace Portal.Web.Features.Api;

public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string ReferencePath = "/api/reference";

    // Scalar's faint grey and its method colours (green POST, red DELETE, yellow PATCH) are below a contrast of 4.5 on
    // its backgrounds (1.6 to 4); these shades keep the look and reach it. They also replace the display-p3 versions
    // Scalar sets.
    private const string ReferenceContrastCss = """
        .light-mode { --scalar-color-2: #5c5c5c; --scalar-color-3: #6b6b6b; --scalar-color-green: #047857; --scalar-color-red: #b91c1c; --scalar-color-orange: #c2410c; --scalar-color-yellow: #854d0e; }
        .dark-mode { --scalar-color-3: #8e8e8e; --scalar-color-red: #f87171; }
        """;

    /// <summary>The REST API under <c>/api/v1</c>, its OpenAPI document at <c>/openapi/v1.json</c> and the interactive reference.</summary>
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);
        var workspace = api.MapGroup("/workspaces/{workspaceId}").AddEndpointFilter<WorkspaceAccessFilter>();

        ConnectionsApi.Map(workspace);
        RegionsApi.Map(api, workspace);
        SupportApi.Map(api);

        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("PrivateLink Portal API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes(ApiPolicies.Scheme)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .WithCustomCss(ReferenceContrastCss))
            .AllowAnonymous()
            // Scalar's page has no lang attribute (screen readers then guess the language); it has no option for it.
            .AddEndpointFilter(async (context, next) =>
            {
                var result = await next(context);
                return result is ContentHttpResult { ResponseContent: { } html } page
                    ? Results.Content(html.Replace("<html>", "<html lang=\"en\">", StringComparison.Ordinal), page.ContentType, statusCode: page.StatusCode)
                    : result;
            })
            // The reference starts itself with an inline script and its bundle evaluates generated code; only its own
            // page may do either. It renders only our OpenAPI document, and the API it calls takes bearer tokens, not cookies.
            .WithMetadata(new ContentSecurityPolicyRelaxation("'unsafe-inline'", "'unsafe-eval'"));
        return endpoints;
    }
}
