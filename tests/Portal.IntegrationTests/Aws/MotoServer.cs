using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.EC2;
using Amazon.Runtime;

namespace Portal.IntegrationTests.Aws;

/// <summary>
/// moto's server mode (a real EC2 API emulator) on a free loopback port, started from the machine's python3.
/// Starting fails loudly, never skips: a provisioner test that cannot reach its emulator has proven nothing.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output;

    private MotoServer(Process process, StringBuilder output, Uri url) => (this.process, this.output, Url) = (process, output, url);

    public Uri Url { get; }

    /// <summary>
    /// Gives the SDK's default credential chain something to find (moto accepts any keys) and returns a client for
    /// seeding and inspecting moto, outside the code under test.
    /// </summary>
    public AmazonEC2Client CreateEc2Client(string region)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Amazon.AWSConfigs.InitializeCollections = true;
        return new AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = Url.ToString(), AuthenticationRegion = region });
    }

    public static async Task<MotoServer> StartAsync()
    {
        var failures = new List<string>();
        // A free port can be taken by someone else between our probe and moto's bind: try a few.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreeLoopbackPort();
            var output = new StringBuilder();
            Process? process = null;
            try
            {
                process = Start(port, output);
                var url = new Uri($"http://127.0.0.1:{port}");
                if (await WaitUntilAnswersAsync(process, url))
                {
                    return new MotoServer(process, output, url);
                }
                failures.Add($"port {port}: exited with {(process.HasExited ? process.ExitCode : "no exit (timed out)")}:\n{Snapshot(output)}");
            }
            catch (Exception e)
            {
                failures.Add($"port {port}: {e.Message}\n{Snapshot(output)}");
            }
            if (process is not null)
            {
                Stop(process);
            }
        }
        throw new InvalidOperationException(
            "moto did not start (`python3 -m moto.server`); it must be installed with the machine's python3 (pip install 'moto[server]').\n"
            + string.Join("\n", failures));
    }

    private static Process Start(int port, StringBuilder output)
    {
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> WaitUntilAnswersAsync(Process process, Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url, "/moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        return false;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>What moto printed, for a failing test's message.</summary>
    public string Log => Snapshot(output);

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Stop(process);
        return ValueTask.CompletedTask;
    }
}
