using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Portal.ComponentTests.Infrastructure;

/// <summary>A bUnit context set up for MudBlazor as toolchain.md prescribes; disposed asynchronously.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
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
