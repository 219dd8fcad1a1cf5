using Microsoft.AspNetCore.Diagnostics;

namespace Portal.Web.Components;

public static class StatusPageExtensions
{
    /// <summary>
    /// Renders error statuses (403, 404, …) as portal pages, for page loads only. The API's paths are left alone. Re-executing a failed POST (a sign-in
    /// form with a stale antiforgery token) would post to the status page and fail antiforgery again with a 500.
    /// </summary>
    public static IApplicationBuilder UsePortalStatusPages(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        return app.Use((context, next) =>
        {
            // The API answers problem details, never an HTML page.
            if ((!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) || context.Request.Path.StartsWithSegments("/api"))
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
            return next(context);
        });
    }
}
