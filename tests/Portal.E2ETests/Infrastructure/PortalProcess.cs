using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// The built portal (<c>src/Portal.Web/bin/…/Portal.Web.dll</c>) as a separate OS process, configured only through
/// environment variables like a deployed instance, on a free loopback port. <see cref="Kill"/> is a real kill -9: no
/// shutdown code runs, claims and leases stay in the database. Its output is kept for failure messages.
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PortalProcess(string name, IReadOnlyDictionary<string, string?> settings)
    {
        Name = name;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { WebAssembly },
            // As `dotnet run` does: the repository root holds appsettings.json and the web root's link.
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["DOTNET_NOLOGO"] = "1",
            ["Identity__DevelopmentSignIn"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            // The line that names the port the instance got (port 0: the system picks a free one, no race with other tests).
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"{Name} exited before listening."));
        process.EnableRaisingEvents = true;
    }

    public string Name { get; }
    public string BaseUrl { get; private set; } = "";
    public int ProcessId => process.Id;
    public bool HasExited => process.HasExited;

    /// <summary>Everything the process printed so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The Release or Debug build of the web project, whichever this test assembly was built as.</summary>
    private static string WebAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var path = Path.Combine(RepositoryRoot.Path, "src", "Portal.Web", "bin", configuration, "net10.0", "Portal.Web.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build Portal.sln ({configuration}) first.");
        }
    }

    /// <summary>Starts the process and waits until it listens and <c>/readyz</c> answers 200.</summary>
    /// <param name="settings">Configuration keys (<c>Section:Key</c>) and values, passed as environment variables.</param>
    public static async Task<PortalProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var portal = new PortalProcess(name, settings);
        portal.process.Start();
        portal.process.BeginOutputReadLine();
        portal.process.BeginErrorReadLine();
        try
        {
            portal.BaseUrl = await portal.listening.Task.WaitAsync(StartTimeout);
            await portal.WaitUntilReadyAsync();
            return portal;
        }
        catch (Exception e)
        {
            var log = portal.Output;
            await portal.DisposeAsync();
            throw new InvalidOperationException($"Portal process {name} did not become ready: {e.Message}\n{log}", e);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer";
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"exited with code {process.ExitCode}");
            }
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    // The first rendered page compiles the components' code; have it done before a browser arrives.
                    using var _ = await http.GetAsync("/account/signin");
                    return;
                }
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"/readyz did not answer 200 within {StartTimeout.TotalSeconds} s (last: {last})");
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(match.Groups["url"].Value);
        }
    }

    /// <summary>kill -9: the process ends at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        catch (TimeoutException)
        {
        }
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
