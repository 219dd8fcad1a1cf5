namespace Portal.Web.Hosting.Security;

/// <summary>
/// Sets <see cref="SecurityHeaders"/> as the response starts, so they replace what framework code set on the way
/// (Blazor's frame-ancestors-only policy, antiforgery's <c>X-Frame-Options: SAMEORIGIN</c>).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, SecurityHeaders headers)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            headers.ApplyTo(context.Response.Headers, context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyRelaxation>());
            return Task.CompletedTask;
        });
        return next(context);
    }
}
