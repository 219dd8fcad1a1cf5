using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Portal.ComponentTests.Infrastructure;

/// <summary>A bUnit context set up for MudBlazor as toolchain.md prescribes; disposed asynchronously.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    // tests/run.sh runs these beside the browser tests on two cores: a wait's check can be late by more than the
    // default second without anything being wrong with the component (seen in CI: "the renderer's dispatcher did not
    // run the check before the timeout").
    static MudTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>Call after all service registrations: marks the render as interactive server rendering.</summary>
    protected void UseInteractiveServerRenderer() => SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
