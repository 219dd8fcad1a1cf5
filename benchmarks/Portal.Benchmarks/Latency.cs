using System.Diagnostics;
using System.Globalization;

namespace Portal.Benchmarks;

/// <summary>Times an async operation repeatedly and reports percentiles (nearest rank).</summary>
public sealed record Latency(double P50, double P95, double Max)
{
    public static async Task<Latency> MeasureAsync(Func<Task> operation, int warmUp, int iterations)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await operation();
        }
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return Of(samples);
    }

    /// <summary>The percentiles of samples measured elsewhere, in milliseconds.</summary>
    public static Latency Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new Latency(Percentile(sorted, 50), Percentile(sorted, 95), sorted[^1]);
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
