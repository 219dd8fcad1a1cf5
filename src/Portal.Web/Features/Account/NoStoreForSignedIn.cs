namespace Portal.Web.Features.Account;

/// <summary>
/// Pages of a signed-in user are never stored by the browser or a proxy: after signing out, the back button asks the server
/// again (and lands on sign-in) instead of showing a stored copy of an authenticated page.
/// </summary>
public static class NoStoreForSignedIn
{
    public static IApplicationBuilder UseNoStoreForSignedIn(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            // Static files set their own caching (fingerprinted, public); everything else answered to a signed-in user is private.
            if (context.User.Identity?.IsAuthenticated == true && !context.Response.Headers.ContainsKey("Cache-Control"))
            {
                context.Response.Headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
