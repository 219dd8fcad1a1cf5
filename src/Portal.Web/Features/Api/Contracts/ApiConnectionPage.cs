namespace Portal.Web.Features.Api.Contracts;

/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; null on the last page.</param>
public sealed record ApiConnectionPage(IReadOnlyList<ApiConnection> Items, string? NextCursor);
