namespace Portal.Web.Features.Admin;

/// <summary>One page of a server-side query and the number of rows across all pages.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>A zero-based page request, clamped so a crafted request cannot ask for the whole table at once.</summary>
public readonly record struct PageRequest
{
    public const int MaxPageSize = 100;

    public PageRequest(int page, int pageSize)
    {
        Page = Math.Max(page, 0);
        PageSize = Math.Clamp(pageSize, 1, MaxPageSize);
    }

    public int Page { get; }
    public int PageSize { get; }
    public int Skip => Page * PageSize;
}
