using Portal.Benchmarks;
using Portal.Benchmarks.Circuits;
using Portal.Benchmarks.Reconciler;

// Benchmarks print their figures; they are not part of the test suite's timing. One mode per file; add a mode by adding a case here.
var mode = args.FirstOrDefault();
var options = args.Skip(1).ToArray();
return mode switch
{
    "admin-grid" => await AdminGridBenchmark.RunAsync(BenchmarkOptions.Parse(options)),
    "reconciler" => await ReconcilerBenchmark.RunAsync(options),
    "notify-latency" => await NotifyLatencyBenchmark.RunAsync(options),
    "circuits" => await CircuitBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project benchmarks/Portal.Benchmarks -- <mode> [options]

        Modes:
          admin-grid   times the support console's all-connections query on a generated database
                       --rows <n> (default 100000), --iterations <n> (default 50), --keep-database,
                       --postgres <connection string> (run on a fresh database on that server instead of SQLite)
          reconciler   AWS calls, time and memory of a reconciliation cycle (fake EC2 at 10,000 connections, and moto)
                       --connections <n> (default 10000), --cycles <n> (default 5), --moto-connections <n> (default 1200, 0 to skip),
                       --postgres <connection string> (run on a fresh database on that server instead of SQLite)
          notify-latency  time for a change published on one instance to reach the other through PostgreSQL LISTEN/NOTIFY
                       --postgres <connection string> (required), --changes <n> (default 200)
          circuits     server memory per circuit and interaction round trip: the portal's wizard vs the Blazor Server template
                       --circuits <n,n,…> (default 25,50,100), --concurrent <n,n,…> (default 1,50), --rounds <n> (default 30),
                       --gcdump (also the portal's and the template's heap growth by type)
        """);
    return 2;
}
