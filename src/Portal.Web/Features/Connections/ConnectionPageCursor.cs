namespace Portal.Web.Features.Connections;

/// <summary>Where a page of connections ends: the next page starts after this connection (newest-first order).</summary>
public readonly record struct ConnectionPageCursor(DateTimeOffset CreatedAt, Guid Id);
