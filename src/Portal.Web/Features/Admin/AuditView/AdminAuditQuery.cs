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

    /// <summary>The filtered entries as CSV, newest first, at most <see cref="ExportLimit"/> rows.</summary>
    public Task<AuditExport> ExportCsvAsync(PortalUser caller, AuditFilter filter, CancellationToken cancellationToken = default) =>
        ExportCsvAsync(caller, filter, ExportLimit, cancellationToken);

    internal async Task<AuditExport> ExportCsvAsync(PortalUser caller, AuditFilter filter, int limit, CancellationToken cancellationToken)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db.AuditEntries.AsNoTracking(), filter);
        var total = await filtered.CountAsync(cancellationToken);
        var csv = new CsvBuilder("at_utc", "actor_id", "actor_name", "action", "outcome", "workspace_id", "connection_id", "client_address", "details");
        var rows = 0;
        await foreach (var e in Newest(filtered).Take(limit).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.AddRow(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), e.ActorId, e.ActorName, e.Action, e.Outcome.ToString(),
                e.WorkspaceId, e.ConnectionId?.ToString(), e.ClientAddress, e.Details);
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
