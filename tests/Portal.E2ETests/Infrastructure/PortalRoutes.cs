using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Portal.E2ETests.Infrastructure;

/// <summary>The route templates of the app's pages, found from the app itself, so a page added later shows up here.</summary>
public static class PortalRoutes
{
    /// <summary>Every routed page but the status and error pages (which are not visited, but rendered for a status code).</summary>
    public static IReadOnlySet<string> Pages { get; } = typeof(Program).Assembly.GetTypes()
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => route.Template))
        .Where(template => !template.StartsWith("/status", StringComparison.Ordinal) && template != "/Error")
        .ToHashSet();
}
