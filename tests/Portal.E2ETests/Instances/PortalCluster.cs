using System.Diagnostics;
using Portal.E2ETests.Infrastructure;

namespace Portal.E2ETests.Instances;

/// <summary>
/// Several portal processes on one PostgreSQL database of their own, in AWS mode on one moto, each instance's EC2
/// calls going through its own address of an <see cref="Ec2Proxy"/>. Everything is stopped and dropped on dispose.
/// </summary>
public sealed class PortalCluster : IAsyncDisposable
{
    private readonly List<PortalProcess> processes = [];

    private PortalCluster(PortalTestDatabase database, SharedEc2 ec2, Ec2Proxy proxy) => (Database, Ec2, Proxy) = (database, ec2, proxy);

    public PortalTestDatabase Database { get; }
    public SharedEc2 Ec2 { get; }
    public Ec2Proxy Proxy { get; }

    public PortalProcess this[string name] => processes.Single(p => p.Name == name);

    /// <summary>Starts every instance at once (they migrate the empty database together, as a deployment does).</summary>
    /// <param name="instances">Each instance's name and the settings it has on top of <see cref="BaseSettings"/>.</param>
    public static async Task<PortalCluster> StartAsync(params (string Name, IReadOnlyDictionary<string, string?> Settings)[] instances)
    {
        var database = await PortalTestDatabase.CreateAsync();
        SharedEc2? ec2 = null;
        Ec2Proxy? proxy = null;
        PortalCluster? cluster = null;
        try
        {
            ec2 = await SharedEc2.StartAsync();
            proxy = await Ec2Proxy.StartAsync(ec2.Moto.Url, [.. instances.Select(i => i.Name)]);
            cluster = new PortalCluster(database, ec2, proxy);
            var starting = instances.Select(i => PortalProcess.StartAsync(i.Name, cluster.SettingsFor(i.Name, i.Settings))).ToList();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                cluster.processes.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
            }
            return cluster;
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
            else
            {
                if (proxy is not null)
                {
                    await proxy.DisposeAsync();
                }
                if (ec2 is not null)
                {
                    await ec2.DisposeAsync();
                }
                await database.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>Short intervals, as the in-process test host uses, so work is picked up within a second.</summary>
    public static IReadOnlyDictionary<string, string?> BaseSettings => new Dictionary<string, string?>
    {
        ["Provisioning:Worker:PollInterval"] = "00:00:00.300",
        ["Provisioning:Reconciler:Tick"] = "00:00:00.250",
        ["Provisioning:Reconciler:FastPollInterval"] = "00:00:01",
        ["Provisioning:Reconciler:SlowPollInterval"] = "00:00:05",
        // "Created endpoint … for connection …" and the like, for a failing test's message.
        ["Logging:LogLevel:Portal.Web.Provisioning.Aws"] = "Information",
        ["Logging:LogLevel:Portal.Web.Features.Connections.Lifecycle"] = "Information",
        ["Logging:LogLevel:Portal.Web.Data.Postgres"] = "Information",
    };

    private Dictionary<string, string?> SettingsFor(string name, IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = Ec2.PortalSettings(Proxy.UrlFor(name));
        settings["Database:Provider"] = "Postgres";
        settings["ConnectionStrings:Portal"] = Database.ConnectionStringFor(name);
        // The SDK's default credential chain finds these; moto accepts any keys.
        settings["AWS_ACCESS_KEY_ID"] = "test";
        settings["AWS_SECRET_ACCESS_KEY"] = "test";
        settings["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (key, value) in BaseSettings.Concat(overrides))
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Every instance's output and every EC2 call, for a failing test's message.</summary>
    public string Diagnostics() =>
        string.Join("\n", processes.Select(p => $"----- {p.Name} (pid {p.ProcessId}{(p.HasExited ? ", exited" : "")}) -----\n{p.Output}"))
        + $"\n----- EC2 calls -----\n{string.Join("\n", Proxy.Calls.Select(c => $"{c.SentAt:HH:mm:ss.fff} {c.Instance} {c.Action}"))}"
        + $"\n----- proxy errors -----\n{string.Join("\n", Proxy.Errors)}";

    /// <summary>Runs a test's steps; a failure carries every instance's output and the EC2 calls.</summary>
    public async Task ExplainFailuresAsync(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException { Message: var m } || !m.Contains("----- EC2 calls -----", StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message}\n{Diagnostics()}", e);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with every instance's output otherwise.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new Xunit.Sdk.XunitException($"Not within {timeout.TotalSeconds} s: {what}\n{Diagnostics()}");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        await Proxy.DisposeAsync();
        await Ec2.DisposeAsync();
        await Database.DisposeAsync();
    }
}
