using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Admin.ConnectionGrid;

/// <summary>
/// The server side of the all-connections grid: filter, sort and page in SQL, reading only the shown columns.
/// Built to stay fast at 100,000 rows: every filter and the default sort have an index (see ConnectionConfiguration);
/// the free-text search scans (names and service names), except for an exact connection id or endpoint id, which use an index.
/// </summary>
public sealed partial class AdminConnectionQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<PagedResult<AdminConnectionRow>> SearchAsync(PortalUser caller, AdminConnectionFilter filter, AdminConnectionSort sort, PageRequest page, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db.Connections.AsNoTracking(), filter);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = total == 0 ? [] : await Page(filtered, sort, page).ToListAsync(cancellationToken);
        return new PagedResult<AdminConnectionRow>(rows, total);
    }

    internal static IQueryable<Connection> Filter(IQueryable<Connection> connections, AdminConnectionFilter filter)
    {
        if (filter.Status is { } status)
        {
            connections = connections.Where(c => c.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = filter.Region.Trim();
            connections = connections.Where(c => c.Region == region);
        }
        if (!string.IsNullOrWhiteSpace(filter.WorkspaceId))
        {
            var workspace = filter.WorkspaceId.Trim();
            connections = connections.Where(c => c.WorkspaceId == workspace);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            connections = connections.Where(SearchPredicate(filter.Search.Trim()));
        }
        return connections;
    }

    internal static IQueryable<AdminConnectionRow> Page(IQueryable<Connection> filtered, AdminConnectionSort sort, PageRequest page) =>
        Order(filtered, sort)
            .Skip(page.Skip)
            .Take(page.PageSize)
            .Select(c => new AdminConnectionRow(c.Id, c.Status, c.WorkspaceId, c.Region, c.Name, c.ServiceName.Value, c.EndpointId, c.CreatedByName, c.CreatedAt, c.UpdatedAt));

    /// <summary>
    /// A full connection id or endpoint id is looked up exactly (indexed). Anything else matches part of the connection's
    /// name (ignoring case, through its lower-case key) or of the service name, the start of the endpoint id, or the start of the connection id.
    /// </summary>
    internal static Expression<Func<Connection, bool>> SearchPredicate(string term)
    {
        if (Guid.TryParse(term, out var id))
        {
            return c => c.Id == id;
        }
        var lower = term.ToLowerInvariant();
        if (EndpointIdPattern().IsMatch(lower))
        {
            return c => c.EndpointId == lower;
        }
        if (GuidPrefixPattern().IsMatch(term))
        {
            // Guids are stored as upper-case text; SQLite's LIKE ignores ASCII case, so the lower-case prefix matches.
            return c => c.NameKey.Contains(lower)
                || ((string)(object)c.ServiceName).Contains(lower)
                || (c.EndpointId != null && c.EndpointId.StartsWith(lower))
                || ((string)(object)c.Id).StartsWith(lower);
        }
        return c => c.NameKey.Contains(lower) || ((string)(object)c.ServiceName).Contains(lower) || (c.EndpointId != null && c.EndpointId.StartsWith(lower));
    }

    private static IQueryable<Connection> Order(IQueryable<Connection> connections, AdminConnectionSort sort)
    {
        // The id breaks ties, so paging through equal values never repeats or skips a row.
        return sort.Column switch
        {
            AdminConnectionSortColumn.UpdatedAt => By(c => c.UpdatedAt),
            AdminConnectionSortColumn.Status => By(c => c.Status),
            AdminConnectionSortColumn.Workspace => By(c => c.WorkspaceId),
            AdminConnectionSortColumn.Region => By(c => c.Region),
            AdminConnectionSortColumn.ServiceName => By(c => c.ServiceName),
            AdminConnectionSortColumn.Name => By(c => c.NameKey),
            _ => By(c => c.CreatedAt),
        };

        IQueryable<Connection> By<TKey>(Expression<Func<Connection, TKey>> key) => sort.Descending
            ? connections.OrderByDescending(key).ThenByDescending(c => c.Id)
            : connections.OrderBy(key).ThenBy(c => c.Id);
    }

    [GeneratedRegex("^vpce-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex EndpointIdPattern();

    [GeneratedRegex("^[0-9A-Fa-f-]{4,35}$")]
    private static partial Regex GuidPrefixPattern();
}
