using Portal.Tests.Shared;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Account;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Admin.ConnectionGrid;
using Portal.Web.Features.Connections;

namespace Portal.Benchmarks;

/// <summary>
/// The support console's all-connections grid on a large database: generates connections across 5 regions and
/// ~500 workspaces, then times <see cref="AdminConnectionQuery"/> (the code the page runs: count and one page) per scenario.
/// </summary>
public static class AdminGridBenchmark
{
    public const double BudgetMs = 150;

    private static readonly string[] Regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"];
    private static readonly PortalUser Support = new("bench", "Benchmark", null, [], IsSupport: true);
    private static readonly PageRequest FirstPage = new(0, 25);

    // Roughly what a mature fleet looks like: mostly available, a tail of every other status.
    private static readonly (ConnectionStatus Status, int Weight)[] StatusMix =
    [
        (ConnectionStatus.Available, 60), (ConnectionStatus.Deleted, 15), (ConnectionStatus.Failed, 6), (ConnectionStatus.PendingAcceptance, 5),
        (ConnectionStatus.Pending, 3), (ConnectionStatus.Rejected, 3), (ConnectionStatus.Expired, 3), (ConnectionStatus.Creating, 2),
        (ConnectionStatus.Requested, 1), (ConnectionStatus.Deleting, 1), (ConnectionStatus.Unknown, 1),
    ];

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(options.KeepDatabase, options.Postgres);
        var seeding = Stopwatch.StartNew();
        var sample = await SeedAsync(database, options.Rows);
        Console.WriteLine($"Database: {database.Provider}.");
        Console.WriteLine($"Seeded {options.Rows:N0} connections ({Regions.Length} regions, {sample.Workspaces} workspaces) in {seeding.Elapsed.TotalSeconds:0.0} s; database {database.FileSizeBytes / 1024.0 / 1024.0:0.0} MB.");
        Console.WriteLine($"Each scenario: {options.WarmUp} warm-up runs, then {options.Iterations} timed runs of count + first page of 25 (a new DbContext each run, as the page does).");
        Console.WriteLine();

        var query = new AdminConnectionQuery(database);
        (string Name, AdminConnectionFilter Filter, AdminConnectionSort Sort, PageRequest Page)[] scenarios =
        [
            ("first page, newest first (default)", new(), AdminConnectionSort.Newest, FirstPage),
            ("sort by workspace, ascending", new(), new(AdminConnectionSortColumn.Workspace, Descending: false), FirstPage),
            ("sort by last update, newest first", new(), new(AdminConnectionSortColumn.UpdatedAt), FirstPage),
            ("filter status Available + eu-west-1", new(Status: ConnectionStatus.Available, Region: "eu-west-1"), AdminConnectionSort.Newest, FirstPage),
            ($"filter workspace {sample.WorkspaceId}", new(WorkspaceId: sample.WorkspaceId), AdminConnectionSort.Newest, FirstPage),
            ("search endpoint id (exact)", new(Search: sample.EndpointId), AdminConnectionSort.Newest, FirstPage),
            ("search part of a service name (scan)", new(Search: sample.ServiceIdFragment), AdminConnectionSort.Newest, FirstPage),
            ("page 100 of newest first", new(), AdminConnectionSort.Newest, new PageRequest(99, 25)),
        ];

        var results = new List<(string Name, int Matched, Latency Latency, IReadOnlyList<string> Plan)>();
        foreach (var (name, filter, sort, page) in scenarios)
        {
            var matched = 0;
            var commands = await database.RecordAsync(async () => matched = (await query.SearchAsync(Support, filter, sort, page)).TotalCount);
            var latency = await Latency.MeasureAsync(() => query.SearchAsync(Support, filter, sort, page), options.WarmUp, options.Iterations);
            var plan = new List<string>();
            foreach (var command in commands)
            {
                plan.Add(string.Join("; ", await database.ExplainAsync(command)));
            }
            results.Add((name, matched, latency, plan));
        }

        Console.WriteLine($"{"scenario",-40} {"matched",9} {"p50 ms",8} {"p95 ms",8} {"max ms",8}  p95 <= {BudgetMs:0} ms");
        Console.WriteLine(new string('-', 96));
        foreach (var (name, matched, latency, _) in results)
        {
            Console.WriteLine($"{name,-40} {matched,9:N0} {Latency.Ms(latency.P50),8} {Latency.Ms(latency.P95),8} {Latency.Ms(latency.Max),8}  {(latency.P95 <= BudgetMs ? "yes" : "NO")}");
        }
        Console.WriteLine();
        Console.WriteLine($"{database.Provider} query plans (count; page):");
        foreach (var (name, _, _, plan) in results)
        {
            Console.WriteLine($"  {name}");
            foreach (var step in plan)
            {
                Console.WriteLine($"    {step}");
            }
        }

        var failed = results.Where(r => r.Latency.P95 > BudgetMs).Select(r => r.Name).ToList();
        Console.WriteLine();
        Console.WriteLine(failed.Count == 0 ? $"All scenarios within {BudgetMs:0} ms at p95." : $"Over budget: {string.Join(", ", failed)}.");
        return failed.Count == 0 ? 0 : 1;
    }

    private sealed record Sample(int Workspaces, string WorkspaceId, string EndpointId, string ServiceIdFragment);

    /// <summary>Deterministic data, written with EF in chunks inside one transaction.</summary>
    private static async Task<Sample> SeedAsync(BenchmarkDatabase database, int rows)
    {
        const int chunk = 5_000;
        var workspaces = Math.Max(1, Math.Min(500, rows / 100));
        var random = new Random(42);
        var totalWeight = StatusMix.Sum(s => s.Weight);
        var origin = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string? endpointSample = null;

        await using var db = database.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        for (var i = 0; i < rows; i++)
        {
            var status = PickStatus(random.Next(totalWeight));
            var region = Regions[random.Next(Regions.Length)];
            var workspace = $"ws-{random.Next(workspaces):D4}";
            var createdAt = origin.AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            var hasEndpoint = status is not (ConnectionStatus.Requested or ConnectionStatus.Creating) && !(status == ConnectionStatus.Failed && i % 2 == 0);
            // Current AWS ids: a prefix and 17 hex characters.
            var endpointId = hasEndpoint ? $"vpce-{i:x8}{random.Next():x9}" : null;
            var serviceId = $"vpce-svc-{i:x8}{random.Next():x9}";
            db.Connections.Add(ConnectionSeeds.InStatus(status, workspace, $"com.amazonaws.vpce.{region}.{serviceId}",
                endpointId ?? "vpce-00000000000000000", createdAt, $"Customer {random.Next(2_000)}",
                updatedAt: createdAt.AddMinutes(random.Next(1, 60 * 24 * 30))));
            if (i == rows / 2)
            {
                endpointSample = endpointId;
            }
            if ((i + 1) % chunk == 0 || i == rows - 1)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await transaction.CommitAsync();

        // No ANALYZE: the app never runs it, so the planner here works without statistics, as it does in production.
        endpointSample ??= await db.Connections.Where(c => c.EndpointId != null).Select(c => c.EndpointId!).FirstAsync();
        return new Sample(workspaces, "ws-0123", endpointSample, "svc-0000ab");
    }

    private static ConnectionStatus PickStatus(int roll)
    {
        foreach (var (status, weight) in StatusMix)
        {
            if (roll < weight)
            {
                return status;
            }
            roll -= weight;
        }
        return ConnectionStatus.Available;
    }
}
