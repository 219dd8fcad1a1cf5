using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Portal.Benchmarks.Circuits;

/// <summary>What a process's managed heap holds after a full blocking GC; by type when asked.</summary>
/// <param name="Bytes">All generations, large and pinned object heaps included.</param>
/// <param name="ByType">Live bytes and objects per type name, from the GC's heap walk (only with a heap walk).</param>
public sealed record HeapSnapshot(long Bytes, IReadOnlyDictionary<string, TypeShare>? ByType);

public sealed record TypeShare(long Bytes, long Objects);

/// <summary>
/// Asks another .NET process for its managed heap size through an EventPipe session (the diagnostics port, as
/// dotnet-counters and dotnet-gcdump do). The GC-heap-collect keyword makes the runtime run a full blocking GC when the
/// session starts; the GCHeapStats event that ends it carries the size of every generation.
/// </summary>
public static class ManagedHeap
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <param name="byType">Also walk the heap (the GCHeapDump keyword, as dotnet-gcdump) and total the live objects per type.</param>
    public static async Task<HeapSnapshot> MeasureAsync(int processId, bool byType)
    {
        var keywords = ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect;
        if (byType)
        {
            keywords |= ClrTraceEventParser.Keywords.GCHeapDump | ClrTraceEventParser.Keywords.GCHeapAndTypeNames | ClrTraceEventParser.Keywords.Type;
        }
        var client = new DiagnosticsClient(processId);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, (long)keywords)], requestRundown: false, circularBufferMB: 256, CancellationToken.None);
        using var source = new EventPipeEventSource(session.EventStream);

        var fullGcStarted = false;
        var heapBytes = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var typeNames = new Dictionary<ulong, string>();
        var shares = new Dictionary<ulong, (long Bytes, long Objects)>();
        source.Clr.GCStart += e => fullGcStarted |= e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (fullGcStarted)
            {
                heapBytes.TrySetResult(e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4);
            }
        };
        if (byType)
        {
            source.Clr.TypeBulkType += e =>
            {
                for (var i = 0; i < e.Count; i++)
                {
                    var type = e.Values(i);
                    typeNames[type.TypeID] = type.TypeName;
                }
            };
            source.Clr.GCBulkNode += e =>
            {
                for (var i = 0; i < e.Count; i++)
                {
                    var node = e.Values(i);
                    var (bytes, objects) = shares.GetValueOrDefault(node.TypeID);
                    shares[node.TypeID] = (bytes + (long)node.Size, objects + 1);
                }
            };
        }
        var processing = Task.Run(source.Process);
        var bytes = await heapBytes.Task.WaitAsync(Timeout);
        if (byType)
        {
            // The heap walk's last events may still be in the session's buffers.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        await session.StopAsync(CancellationToken.None);
        await processing.WaitAsync(Timeout);
        return new HeapSnapshot(bytes, byType
            ? shares.GroupBy(s => typeNames.GetValueOrDefault(s.Key, $"type {s.Key:x}"))
                .ToDictionary(g => g.Key, g => new TypeShare(g.Sum(s => s.Value.Bytes), g.Sum(s => s.Value.Objects)))
            : null);
    }
}
