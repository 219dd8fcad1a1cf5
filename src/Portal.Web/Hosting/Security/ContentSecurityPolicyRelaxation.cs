namespace Portal.Web.Hosting.Security;

/// <summary>
/// Endpoint metadata that widens <c>script-src</c> for that endpoint only (a third-party page such as the API
/// reference, which starts itself with an inline script). Every other response keeps the strict policy.
/// </summary>
public sealed record ContentSecurityPolicyRelaxation(params string[] ScriptSources);
