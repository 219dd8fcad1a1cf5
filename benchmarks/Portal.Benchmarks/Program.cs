using Portal.Benchmarks;

// One mode per file; add a mode by adding a case here.
var mode = args.FirstOrDefault();
var options = args.Skip(1).ToArray();
return mode switch
{
    "admin-grid" => await AdminGridBenchmark.RunAsync(BenchmarkOptions.Parse(options)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project benchmarks/Portal.Benchmarks -- <mode> [options]

        Modes:
          admin-grid   times the support console's all-connections query on a generated database

        Options:
          --rows <n>         connections to generate (default 100000)
          --iterations <n>   timed runs per scenario after warm-up (default 50)
          --keep-database    leave the generated SQLite file behind and print its path
        """);
    return 2;
}
