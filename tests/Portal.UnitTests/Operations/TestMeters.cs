using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.UnitTests.Operations;

/// <summary>A meter factory of the tests' own, so a listener can tell this test's instruments from others running in parallel.</summary>
internal static class TestMeters
{
    public static IMeterFactory NewFactory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    /// <summary>Collects every measurement of the instruments made by <paramref name="factory"/>.</summary>
    public sealed class Recorder<T> : IDisposable where T : struct
    {
        private readonly MeterListener listener = new();
        private readonly List<(string Instrument, T Value, Dictionary<string, object?> Tags)> measurements = [];

        public Recorder(IMeterFactory factory)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<T>((instrument, value, tags, _) =>
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
                }
            });
            listener.Start();
        }

        public IReadOnlyList<(string Instrument, T Value, Dictionary<string, object?> Tags)> Measurements
        {
            get
            {
                lock (measurements)
                {
                    return [.. measurements];
                }
            }
        }

        /// <summary>The last value recorded by <paramref name="instrument"/>, among measurements carrying the given tag if any.</summary>
        public T? Last(string instrument, string? tag = null, object? value = null) =>
            Measurements.LastOrDefault(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))) is { Instrument: not null } found
                ? found.Value
                : null;

        /// <summary>Asks observable instruments (gauges) for their current values.</summary>
        public void Observe() => listener.RecordObservableInstruments();

        public void Dispose() => listener.Dispose();
    }
}
