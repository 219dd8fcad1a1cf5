using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Benchmarks.Circuits;

/// <summary>
/// A published web app run as <c>dotnet &lt;dll&gt;</c> on a free loopback port, as a deployment runs it. The process is
/// the app itself (the muxer loads the runtime in-process), so its working set is the app's.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(string dll, string baseUrl, IReadOnlyDictionary<string, string> environment)
    {
        BaseUrl = baseUrl;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        process = new Process { StartInfo = start };
        DataReceivedEventHandler keep = (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
    }

    public string BaseUrl { get; }
    public int ProcessId => process.Id;

    /// <summary>Starts the app and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<AppProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, string readyPath)
    {
        var app = new AppProcess(dll, $"http://127.0.0.1:{FreePort()}", environment);
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync(readyPath)).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (app.process.HasExited || waited.Elapsed > StartTimeout)
            {
                string log;
                lock (app.output)
                {
                    log = app.output.ToString();
                }
                await app.DisposeAsync();
                throw new InvalidOperationException($"{dll} did not answer {readyPath} with 200 within {StartTimeout.TotalSeconds} s:\n{log}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The process's resident set (VmRSS), in bytes.</summary>
    public long WorkingSet()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
    }

    // A port the system just handed out and took back; the app binds it a moment later (good enough on a quiet loopback).
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
