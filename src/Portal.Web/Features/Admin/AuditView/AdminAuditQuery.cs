using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Admin.AuditView;

/// <summary>Reads the audit log for support: newest first, filtered and paged in SQL, and exported as CSV.</summary>
public sealed class AdminAuditQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>An export stops here, so one click cannot tie up the server or the browser.</summary>
    public const int ExportLimit = 50_000;

    /// <summary>Every action name the portal writes, for the action filter.</summary>
    public static readonly IReadOnlyList<string> KnownActions = [.. typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)];

    public async Task<PagedResult<AuditEntry>> SearchAsync(PortalUser caller, AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db.AuditEntries.AsNoTracking(), filter);
        var total = await filtered.CountAsync(cancellationToken);
        var entries = total == 0 ? [] : await Newest(filtered).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(entries, total);
    }

    /// <summary>The current names of the given connections (those that exist), for showing beside their audit entries.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ConnectionNamesAsync(PortalUser caller, IEnumerable<Guid> connectionIds, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        var ids = connectionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Connections.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
    }

    /// <summary>The filtered entries as CSV, newest first, at most <see cref="ExportLimit"/> rows.</summary>
    public Task<AuditExport> ExportCsvAsync(PortalUser caller, AuditFilter filter, CancellationToken cancellationToken = default) =>
        ExportCsvAsync(caller, filter, ExportLimit, cancellationToken);

    internal async Task<AuditExport> ExportCsvAsync(PortalUser caller, AuditFilter filter, int limit, CancellationToken cancellationToken)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db.AuditEntries.AsNoTracking(), filter);
        var total = await filtered.CountAsync(cancellationToken);
        var csv = new CsvBuilder("at_utc", "actor_id", "actor_name", "action", "outcome", "workspace_id", "connection_id", "connection_name", "client_address", "details");
        var rows = 0;
        // The connection's current name; the details of its create and rename entries keep the names it had.
        var named = from e in Newest(filtered).Take(limit)
                    join c in db.Connections on e.ConnectionId equals (Guid?)c.Id into connections
                    from c in connections.DefaultIfEmpty()
                    orderby e.At descending, e.Id descending
                    select new { Entry = e, ConnectionName = c == null ? null : c.Name };
        await foreach (var row in named.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var e = row.Entry;
            csv.AddRow(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), e.ActorId, e.ActorName, e.Action, e.Outcome.ToString(),
                e.WorkspaceId, e.ConnectionId?.ToString(), row.ConnectionName, e.ClientAddress, e.Details);
            rows++;
        }
        return new AuditExport(csv.ToString(), rows, total);
    }

    internal static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.WorkspaceId))
        {
            var workspace = filter.WorkspaceId.Trim();
            entries = entries.Where(e => e.WorkspaceId == workspace);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // Support types either the actor's id or part of their name.
            var actor = filter.Actor.Trim();
            var namePattern = "%" + actor.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            entries = entries.Where(e => e.ActorId == actor || EF.Functions.Like(e.ActorName, namePattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            entries = entries.Where(e => e.Action == action);
        }
        if (filter.ConnectionId is { } connectionId)
        {
            entries = entries.Where(e => e.ConnectionId == connectionId);
        }
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
}
