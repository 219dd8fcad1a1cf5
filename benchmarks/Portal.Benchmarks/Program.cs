using Portal.Benchmarks.Reconciler;

// Benchmarks print their figures; they are not part of the test suite's timing. See benchmarks/README.md.
return args.FirstOrDefault() switch
{
    "reconciler" => await ReconcilerBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/Portal.Benchmarks -- <reconciler> [options]");
    return 2;
}
