using System.Diagnostics;
using Microsoft.Playwright;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Features.Connections.Wizard;

namespace Portal.Benchmarks.Circuits;

/// <summary>
/// One of the two apps compared: its process, one browser context, and one page (one circuit) per open tab. An
/// interaction is timed inside the page: from the input event it dispatches to the DOM change that shows the server's
/// answer (a MutationObserver), so neither Playwright's protocol nor the browser's painting is counted.
/// </summary>
public abstract class CircuitApp(string name, AppProcess process) : IAsyncDisposable
{
    private readonly List<IPage> pages = [];

    public string Name { get; } = name;
    public AppProcess Process { get; } = process;
    public IReadOnlyList<IPage> Pages => pages;
    protected IBrowserContext Context { get; private set; } = default!;

    /// <summary>Creates the browser context and a first page (signed in, where that is needed), ready for interactions.</summary>
    public async Task<IPage> OpenFirstAsync(IBrowser browser)
    {
        Context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Process.BaseUrl });
        Context.SetDefaultTimeout(60_000);
        return await PrepareFirstPageAsync();
    }

    /// <summary>Opens tabs until <paramref name="count"/> circuits are open, each ready for an interaction.</summary>
    public async Task OpenCircuitsAsync(int count)
    {
        while (pages.Count < count)
        {
            var page = await Context.NewPageAsync();
            await OpenAsync(page);
            pages.Add(page);
        }
    }

    /// <summary>Closes every tab as a user does (the page's unload handlers run, so Blazor ends the circuit at once).</summary>
    public async Task CloseCircuitsAsync()
    {
        foreach (var page in pages)
        {
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }
        pages.Clear();
    }

    /// <summary>One interaction on <paramref name="page"/>; the milliseconds from the input event to the answer in the DOM.</summary>
    public abstract Task<double> InteractAsync(IPage page);

    protected abstract Task<IPage> PrepareFirstPageAsync();

    protected abstract Task OpenAsync(IPage page);

    public async ValueTask DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.DisposeAsync();
        }
        await Process.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Publishes a project in Release into <paramref name="output"/>.</summary>
    protected static Task PublishAsync(string project, string output) =>
        RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", output, "-nologo", "-clp:ErrorsOnly"], Path.GetDirectoryName(project)!);

    protected static async Task RunAsync(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{await output}{await errors}");
        }
    }

    // Resolves with the milliseconds from dispatching the input to the first DOM change that makes text() differ.
    protected const string TimeUntilTextChanges = """
        (element, text, dispatch, timeoutMs = 30000) => new Promise((resolve, reject) => {
          const before = text();
          let started = 0;
          const timeout = setTimeout(() => { observer.disconnect(); reject(new Error(`no change within ${timeoutMs} ms (still "${before}")`)); }, timeoutMs);
          const observer = new MutationObserver(() => {
            if (text() !== before) {
              const elapsed = performance.now() - started;
              observer.disconnect();
              clearTimeout(timeout);
              resolve(elapsed);
            }
          });
          observer.observe(element, { subtree: true, childList: true, characterData: true, attributes: true });
          started = performance.now();
          dispatch();
        })
        """;
}

/// <summary>
/// The portal's new-connection wizard at the service-name step, signed in as the demo customer Ada: the published
/// portal in Production mode, simulated provisioner, its own temp SQLite file, development sign-in switched on.
/// </summary>
public sealed class PortalWizardApp : CircuitApp
{
    private const string Identity = "ada";
    private string validName = "";

    private PortalWizardApp(AppProcess process)
        : base("portal wizard", process)
    {
    }

    public static async Task<PortalWizardApp> StartAsync(string repositoryRoot, string workDirectory)
    {
        var output = Path.Combine(workDirectory, "portal");
        await PublishAsync(Path.Combine(repositoryRoot, "src", "Portal.Web", "Portal.Web.csproj"), output);
        var process = await AppProcess.StartAsync(Path.Combine(output, "Portal.Web.dll"), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(workDirectory, "portal.db")}",
            ["Identity__DevelopmentSignIn"] = "true",
            ["Provisioning__Mode"] = "Simulated",
        }, "/readyz");
        return new PortalWizardApp(process);
    }

    protected override async Task<IPage> PrepareFirstPageAsync()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync($"/account/signin?returnUrl={Uri.EscapeDataString("/connections/new")}");
        await page.GetByTestId($"signin-{Identity}").ClickAsync();
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Radio).First.CheckAsync();
        await Assertions.Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        await page.GetByTestId("wizard-next").ClickAsync();
        // The wizard keeps what was typed in the tab's sessionStorage and restores it on load: every further tab
        // starts with the same draft and so opens straight at the service-name step, checked and valid.
        var (key, json) = await page.EvaluateAsync<string[]>("() => { const key = Object.keys(sessionStorage).find(k => k.startsWith('portal.wizard-draft:')); return [key, sessionStorage.getItem(key)]; }") switch
        {
            [{ } k, { } j] => (k, j),
            _ => throw new InvalidOperationException("The wizard saved no draft after the region step."),
        };
        var region = WizardDraft.Parse(json)?.Region ?? throw new InvalidOperationException($"Unreadable wizard draft {json}.");
        validName = ServiceNameMessages.Example(region);
        await page.GetByLabel("Endpoint service name").FillAsync(validName);
        await Assertions.Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        var draft = new WizardDraft(region, validName).ToJson();
        await Context.AddInitScriptAsync($"sessionStorage.setItem({System.Text.Json.JsonSerializer.Serialize(key)}, {System.Text.Json.JsonSerializer.Serialize(draft)});");
        return page;
    }

    protected override async Task OpenAsync(IPage page)
    {
        await page.GotoAsync("/connections/new");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByLabel("Endpoint service name")).ToHaveValueAsync(validName);
        await Assertions.Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
    }

    /// <summary>
    /// Types into the service-name field, alternately one character more (an invalid name: an error message) and back to
    /// the valid name (the format hint), and waits for the field's message to change.
    /// </summary>
    public override Task<double> InteractAsync(IPage page) => page.EvaluateAsync<double>($$"""
        valid => {
          const input = document.querySelector('input[data-testid="service-name"], [data-testid="service-name"] input');
          const control = input.closest('.mud-input-control');
          const message = () => control.querySelector('.mud-input-helper-text')?.textContent ?? '';
          const next = input.value === valid ? valid + 'x' : valid;
          return ({{TimeUntilTextChanges}})(control, message, () => {
            input.value = next;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          });
        }
        """, validName);

    private static Task WaitForCircuitAsync(IPage page) =>
        page.GetByTestId("circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}

/// <summary>The counter page of <c>dotnet new blazor --interactivity Server</c>, from the installed SDK's template, published in Release.</summary>
public sealed class TemplateCounterApp : CircuitApp
{
    private TemplateCounterApp(AppProcess process)
        : base("template counter", process)
    {
    }

    public static async Task<TemplateCounterApp> StartAsync(string workDirectory)
    {
        var source = Path.Combine(workDirectory, "template");
        var output = Path.Combine(workDirectory, "template-app");
        await RunAsync("dotnet", ["new", "blazor", "--interactivity", "Server", "-n", "CounterApp", "-o", source], workDirectory);
        await PublishAsync(Path.Combine(source, "CounterApp.csproj"), output);
        var process = await AppProcess.StartAsync(Path.Combine(output, "CounterApp.dll"),
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "/counter");
        return new TemplateCounterApp(process);
    }

    protected override async Task<IPage> PrepareFirstPageAsync()
    {
        var page = await Context.NewPageAsync();
        await OpenAsync(page);
        return page;
    }

    protected override async Task OpenAsync(IPage page)
    {
        await page.GotoAsync("/counter");
        // The prerendered button does nothing until the circuit is up: click until the count moves.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await ClickAsync(page, timeoutMs: 1000);
                return;
            }
            catch (PlaywrightException) when (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
            }
        }
    }

    /// <summary>Clicks "Click me" and waits for the count to change.</summary>
    public override Task<double> InteractAsync(IPage page) => ClickAsync(page, timeoutMs: 30_000);

    private static Task<double> ClickAsync(IPage page, int timeoutMs) => page.EvaluateAsync<double>($$"""
        timeoutMs => {
          const status = document.querySelector('p[role="status"]');
          const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Click me');
          return ({{TimeUntilTextChanges}})(status, () => status.textContent, () => button.click(), timeoutMs);
        }
        """, timeoutMs);
}
