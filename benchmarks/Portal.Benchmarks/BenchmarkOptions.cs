using System.Globalization;

namespace Portal.Benchmarks;

public sealed record BenchmarkOptions(int Rows = 100_000, int Iterations = 50, int WarmUp = 5, bool KeepDatabase = false, string? Postgres = null)
{
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--rows" => options with { Rows = Number(args, ++i) },
                "--iterations" => options with { Iterations = Number(args, ++i) },
                "--keep-database" => options with { KeepDatabase = true },
                "--postgres" => options with { Postgres = ++i < args.Count ? args[i] : throw new ArgumentException("--postgres needs a connection string.") },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }

    private static int Number(IReadOnlyList<string> args, int index) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a positive number.");
}
