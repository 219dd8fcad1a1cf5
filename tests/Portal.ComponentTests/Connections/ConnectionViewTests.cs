using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.ComponentTests.Infrastructure;
using Portal.Tests.Shared;
using Portal.Web.Features.Connections;

namespace Portal.ComponentTests.Connections;

public sealed class ConnectionViewTests : MudTestContext
{
    private readonly Connection pendingAcceptance = ConnectionSeeds.InStatus(ConnectionStatus.PendingAcceptance);
    private readonly FakeTimeProvider clock;

    public ConnectionViewTests()
    {
        clock = new FakeTimeProvider(pendingAcceptance.AcceptanceDeadline!.Value - TimeSpan.FromHours(1));
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton(new ConnectionNotifier(NullLogger<ConnectionNotifier>.Instance));
        UseInteractiveServerRenderer();
        Render<MudBlazor.MudPopoverProvider>();
    }

    private string Countdown(IRenderedComponent<ConnectionView> view) => view.Find("[data-testid=acceptance-countdown]").TextContent;

    [Fact]
    public void The_acceptance_countdown_follows_the_clock_until_the_deadline_passes()
    {
        var view = Render<ConnectionView>(p => p.Add(v => v.Connection, pendingAcceptance));
        Assert.Contains("Expires in 1 h 0 min", Countdown(view));

        clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(30));
        view.WaitForAssertion(() => Assert.Contains("Expires in 0 min 30 s", Countdown(view)));

        clock.Advance(TimeSpan.FromMinutes(1));
        view.WaitForAssertion(() => Assert.Contains("The acceptance period has ended", Countdown(view)));
    }

    [Fact]
    public void Once_interactive_the_view_asks_the_page_to_read_the_connection_again_then_on_each_change_of_it()
    {
        var reloads = 0;
        var view = Render<ConnectionView>(p => p.Add(v => v.Connection, pendingAcceptance).Add(v => v.OnChanged, () => reloads++));
        // The catch-up after subscribing: a change between the page's load and the subscription is not lost.
        view.WaitForAssertion(() => Assert.Equal(1, reloads));
        var notifier = Services.GetRequiredService<ConnectionNotifier>();

        notifier.Publish(new ConnectionChange(Guid.NewGuid(), "ws-acme", ConnectionStatus.Available));
        notifier.Publish(new ConnectionChange(pendingAcceptance.Id, "ws-acme", ConnectionStatus.Available));

        view.WaitForAssertion(() => Assert.Equal(2, reloads));
    }

    [Fact]
    public async Task A_disposed_view_no_longer_listens()
    {
        var disposedReloads = 0;
        var liveReloads = 0;
        var disposed = Render<ConnectionView>(p => p.Add(v => v.Connection, pendingAcceptance).Add(v => v.OnChanged, () => disposedReloads++));
        disposed.WaitForAssertion(() => Assert.Equal(1, disposedReloads));
        await DisposeComponentsAsync();
        var live = Render<ConnectionView>(p => p.Add(v => v.Connection, pendingAcceptance).Add(v => v.OnChanged, () => liveReloads++));
        live.WaitForAssertion(() => Assert.Equal(1, liveReloads));

        Services.GetRequiredService<ConnectionNotifier>().Publish(new ConnectionChange(pendingAcceptance.Id, "ws-acme", ConnectionStatus.Available));

        // Handlers run in the order they subscribed: once the live view has reloaded, a leftover subscription would have too.
        live.WaitForAssertion(() => Assert.Equal(2, liveReloads));
        Assert.Equal(1, disposedReloads);
    }
}
