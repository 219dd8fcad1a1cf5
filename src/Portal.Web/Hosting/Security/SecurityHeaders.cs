namespace Portal.Web.Hosting.Security;

/// <summary>The security headers every response carries, worked out once at start-up.</summary>
public sealed class SecurityHeaders
{
    public const string PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    private readonly IReadOnlyList<string> formActions;
    private readonly IReadOnlyList<string> connections;

    private SecurityHeaders(IReadOnlyList<string> formActions, IReadOnlyList<string> connections)
    {
        (this.formActions, this.connections) = (formActions, connections);
        ContentSecurityPolicy = BuildContentSecurityPolicy(formActions, connections);
    }

    public string ContentSecurityPolicy { get; }

    public static SecurityHeaders For(IConfiguration configuration, IHostEnvironment environment)
    {
        List<string> formActions = ["'self'"];
        // Signing out posts to /account/signout, which redirects to the identity provider: form-action also governs that redirect.
        if (!string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"])
            && Uri.TryCreate(configuration["AzureAd:Authority"] is { Length: > 0 } configured ? configured : configuration["AzureAd:Instance"], UriKind.Absolute, out var authority))
        {
            formActions.Add(authority.GetLeftPart(UriPartial.Authority));
        }
        List<string> connections = ["'self'"];
        // dotnet watch refreshes the browser over its own websocket on another port.
        if (environment.IsDevelopment() && configuration["DOTNET_WATCH"] == "1")
        {
            connections.AddRange(["ws://localhost:*", "wss://localhost:*"]);
        }
        return new SecurityHeaders(formActions, connections);
    }

    internal static string BuildContentSecurityPolicy(IEnumerable<string> formActions, IEnumerable<string> connections, IEnumerable<string>? extraScriptSources = null) => string.Join("; ",
        "default-src 'self'",
        // blazor.web.js, MudBlazor.min.js and portal.js are files; Blazor Server runs no WebAssembly, so no 'wasm-unsafe-eval'.
        $"script-src {string.Join(' ', ["'self'", .. extraScriptSources ?? []])}",
        // MudBlazor renders style attributes and <style> elements.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        // 'self' covers the circuit's ws:/wss: connection to the same host and port.
        $"connect-src {string.Join(' ', connections)}",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        $"form-action {string.Join(' ', formActions)}",
        "object-src 'none'");

    internal void ApplyTo(IHeaderDictionary headers, ContentSecurityPolicyRelaxation? relaxation = null)
    {
        headers.ContentSecurityPolicy = relaxation is null
            ? ContentSecurityPolicy
            : BuildContentSecurityPolicy(formActions, connections, relaxation.ScriptSources);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
    }
}
