namespace Portal.Web.Features.Api.Contracts;

/// <summary>One page of every workspace's connections (zero-based <c>page</c>), with the count across all pages.</summary>
public sealed record ApiSupportConnectionPage(IReadOnlyList<ApiSupportConnectionRow> Items, int Page, int PageSize, int TotalCount);
