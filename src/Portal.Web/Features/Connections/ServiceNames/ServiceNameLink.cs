namespace Portal.Web.Features.Connections.ServiceNames;

/// <summary>A link the UI renders under the message, e.g. to the connection that already uses this service.</summary>
public sealed record ServiceNameLink(string Href, string Text);
