namespace Portal.E2ETests.Infrastructure;

/// <summary>The real time plus an offset the test moves forward: makes a portal's session end now, without waiting for it.</summary>
public sealed class MovableClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
