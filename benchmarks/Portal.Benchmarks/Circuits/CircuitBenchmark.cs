using System.Globalization;
using Microsoft.Playwright;

namespace Portal.Benchmarks.Circuits;

/// <summary>
/// The portal's wizard page against the bare Blazor Server template's counter, side by side in one run: server memory
/// per open circuit, and the round trip of one interaction with 1 and many circuits interacting at once.
/// </summary>
public static class CircuitBenchmark
{
    private static readonly string[] ChromiumCandidates = ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser"];
    private const double MemoryTarget = 2.0;
    private const double LatencyTarget = 2.0;

    private sealed record Options(int Rounds, int[] Circuits, int[] Concurrent, bool ByType);

    private sealed record Memory(long WorkingSet, HeapSnapshot Heap);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("portal-circuits-").FullName;
        try
        {
            Console.WriteLine("Publishing the portal and the template (Release)…");
            await using var portal = await PortalWizardApp.StartAsync(root, work);
            await using var template = await TemplateCounterApp.StartAsync(work);
            CircuitApp[] apps = [portal, template];

            var executable = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? ChromiumCandidates.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("Chromium is not installed (Debian's chromium package; tests/run.sh installs it).");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                ChromiumSandbox = false,
                Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    // Every tab is a circuit under test, not a background tab to throttle.
                    "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
            });

            // Warm-up: sign in, reach the wizard's service-name step, open as many tabs as the largest concurrency the
            // way the measured ones are opened and interact on all of them at once, until the code paths are compiled
            // and the caches filled, and the process-wide pools sized by concurrency (database connections, buffers)
            // have grown: they are not memory of a circuit. Then close the tabs, so the baseline below has no circuit open.
            foreach (var app in apps)
            {
                Console.WriteLine($"Warming up the {app.Name}…");
                var first = await app.OpenFirstAsync(browser);
                for (var i = 0; i < 30; i++)
                {
                    await app.InteractAsync(first);
                }
                await first.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
                await app.OpenCircuitsAsync(options.Concurrent.Max());
                for (var i = 0; i < 10; i++)
                {
                    await Task.WhenAll(app.Pages.Select(app.InteractAsync));
                }
                await app.CloseCircuitsAsync();
            }
            await Task.Delay(TimeSpan.FromSeconds(3));

            var baseline = new Dictionary<CircuitApp, Memory>();
            foreach (var app in apps)
            {
                baseline[app] = await MeasureAsync(app, options.ByType);
            }
            var memory = new Dictionary<(CircuitApp, int), Memory>();
            var latency = new Dictionary<(CircuitApp, int), Latency>();
            foreach (var level in options.Circuits.Union(options.Concurrent).Order())
            {
                foreach (var app in apps)
                {
                    Console.WriteLine($"Opening {level} circuits on the {app.Name}…");
                    await app.OpenCircuitsAsync(level);
                }
                if (options.Circuits.Contains(level))
                {
                    // Let the new circuits' first renders and their connections settle.
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    foreach (var app in apps)
                    {
                        memory[(app, level)] = await MeasureAsync(app, options.ByType && level == options.Circuits.Max());
                    }
                }
                if (options.Concurrent.Contains(level))
                {
                    Console.WriteLine($"Timing {options.Rounds} rounds of {level} concurrent interactions per app, apps in turn…");
                    var samples = await InteractAsync(apps, level, options.Rounds);
                    foreach (var app in apps)
                    {
                        latency[(app, level)] = Latency.Of(samples[app]);
                    }
                }
            }

            return Report(options, portal, template, baseline, memory, latency);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<Memory> MeasureAsync(CircuitApp app, bool byType)
    {
        // The heap first: its full GC also returns freed memory, so the working set read after it is the steadier one.
        var heap = await ManagedHeap.MeasureAsync(app.Process.ProcessId, byType);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return new Memory(app.Process.WorkingSet(), heap);
    }

    /// <summary>
    /// Rounds in which each app in turn fires one interaction on each of its first <paramref name="concurrent"/> circuits at
    /// once and waits for all answers: a change in the machine's load falls on both apps alike.
    /// </summary>
    private static async Task<Dictionary<CircuitApp, List<double>>> InteractAsync(CircuitApp[] apps, int concurrent, int rounds)
    {
        var samples = apps.ToDictionary(a => a, _ => new List<double>());
        const int untimedRounds = 2;
        for (var round = 0; round < untimedRounds + rounds; round++)
        {
            foreach (var app in apps)
            {
                var times = await Task.WhenAll(app.Pages.Take(concurrent).Select(app.InteractAsync));
                if (round >= untimedRounds)
                {
                    samples[app].AddRange(times);
                }
            }
        }
        return samples;
    }

    private static int Report(Options options, CircuitApp portal, CircuitApp template, Dictionary<CircuitApp, Memory> baseline,
        Dictionary<(CircuitApp, int), Memory> memory, Dictionary<(CircuitApp, int), Latency> latency)
    {
        var missed = false;
        Console.WriteLine($"""

            # Circuits: the portal's wizard (service-name step, signed in) vs the Blazor Server template's counter

            Release builds in Production mode, one headless Chromium, {Environment.ProcessorCount} cores. Baseline after warm-up, no circuit open:
            portal {MiB(baseline[portal].WorkingSet)} working set, {MiB(baseline[portal].Heap.Bytes)} managed heap; template {MiB(baseline[template].WorkingSet)}, {MiB(baseline[template].Heap.Bytes)}.

            ## Server memory per open circuit ((at N − baseline) / N)

            | circuits | working set: portal | template | ratio | managed heap: portal | template | ratio |
            | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            """);
        foreach (var level in options.Circuits.Order())
        {
            var (portalSet, templateSet) = (PerCircuit(portal, level, m => m.WorkingSet), PerCircuit(template, level, m => m.WorkingSet));
            var (portalHeap, templateHeap) = (PerCircuit(portal, level, m => m.Heap.Bytes), PerCircuit(template, level, m => m.Heap.Bytes));
            Console.WriteLine($"| {level} | {KiB(portalSet)} | {KiB(templateSet)} | {Ratio(portalSet, templateSet)} | {KiB(portalHeap)} | {KiB(templateHeap)} | {Ratio(portalHeap, templateHeap)} |");
        }
        var most = options.Circuits.Max();
        var setRatio = PerCircuit(portal, most, m => m.WorkingSet) / PerCircuit(template, most, m => m.WorkingSet);
        var heapRatio = PerCircuit(portal, most, m => m.Heap.Bytes) / PerCircuit(template, most, m => m.Heap.Bytes);
        Console.WriteLine();
        missed |= Target($"working set per circuit at {most} circuits ≤ {MemoryTarget:0}× the template's", setRatio, MemoryTarget);
        missed |= Target($"managed heap per circuit at {most} circuits ≤ {MemoryTarget:0}× the template's", heapRatio, MemoryTarget);

        Console.WriteLine($"""

            ## Interaction round trip (ms, in the page: input event → the answer in the DOM; {options.Rounds} rounds per circuit)

            | concurrent circuits | portal p50 | p95 | max | template p50 | p95 | max | p95 ratio |
            | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            """);
        foreach (var level in options.Concurrent.Order())
        {
            var (p, t) = (latency[(portal, level)], latency[(template, level)]);
            Console.WriteLine($"| {level} | {Latency.Ms(p.P50)} | {Latency.Ms(p.P95)} | {Latency.Ms(p.Max)} | {Latency.Ms(t.P50)} | {Latency.Ms(t.P95)} | {Latency.Ms(t.Max)} | {Ratio(p.P95, t.P95)} |");
        }
        var busiest = options.Concurrent.Max();
        Console.WriteLine();
        missed |= Target($"p95 at {busiest} concurrent circuits ≤ {LatencyTarget:0}× the template's", latency[(portal, busiest)].P95 / latency[(template, busiest)].P95, LatencyTarget);

        if (baseline[portal].Heap.ByType is not null)
        {
            foreach (var app in new[] { portal, template })
            {
                PrintTypes(app, baseline[app].Heap.ByType!, memory[(app, most)].Heap.ByType!, most);
            }
        }
        return missed ? 1 : 0;

        double PerCircuit(CircuitApp app, int level, Func<Memory, long> measure) =>
            (double)(measure(memory[(app, level)]) - measure(baseline[app])) / level;
    }

    private static void PrintTypes(CircuitApp app, IReadOnlyDictionary<string, TypeShare> before, IReadOnlyDictionary<string, TypeShare> after, int circuits)
    {
        Console.WriteLine($"""

            ## The {app.Name}'s managed heap per circuit by type (live objects at {circuits} circuits − baseline, / {circuits}; top 15)

            | type | bytes per circuit | objects per circuit |
            | --- | ---: | ---: |
            """);
        var growth = after.Select(t => (Type: t.Key, Bytes: t.Value.Bytes - before.GetValueOrDefault(t.Key)?.Bytes ?? 0, Objects: t.Value.Objects - before.GetValueOrDefault(t.Key)?.Objects ?? 0))
            .OrderByDescending(t => t.Bytes).Take(15);
        foreach (var (type, bytes, objects) in growth)
        {
            Console.WriteLine($"| `{type}` | {bytes / circuits:N0} | {(double)objects / circuits:0.#} |");
        }
        var total = after.Values.Sum(t => t.Bytes) - before.Values.Sum(t => t.Bytes);
        Console.WriteLine($"| all types | {total / circuits:N0} | |");
        // A circuit keeps one RemoteComponentState per live component: how many components each circuit holds.
        const string componentState = "Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState";
        var components = (after.GetValueOrDefault(componentState)?.Objects ?? 0) - (before.GetValueOrDefault(componentState)?.Objects ?? 0);
        Console.WriteLine($"\nComponents per circuit: {(double)components / circuits:0.#}");
    }

    private static bool Target(string what, double ratio, double limit)
    {
        var met = ratio <= limit;
        Console.WriteLine($"- {what}: {ratio.ToString("0.00", CultureInfo.InvariantCulture)}× → {(met ? "met" : "MISSED")}");
        return !met;
    }

    private static string Ratio(double portal, double template) => (portal / template).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static string KiB(double bytes) => (bytes / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KiB";

    private static string MiB(double bytes) => (bytes / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static Options Parse(string[] args)
    {
        var options = new Options(Rounds: 30, Circuits: [25, 50, 100], Concurrent: [1, 50], ByType: false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--rounds" => options with { Rounds = Counts(args, ++i).Single() },
                "--circuits" => options with { Circuits = Counts(args, ++i) },
                "--concurrent" => options with { Concurrent = Counts(args, ++i) },
                "--gcdump" => options with { ByType = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }

    private static int[] Counts(string[] args, int index) =>
        index < args.Length && args[index].Split(',').Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 0).ToArray() is { Length: > 0 } counts
            && counts.All(c => c > 0)
            ? counts
            : throw new ArgumentException($"{args[index - 1]} needs positive numbers, separated by commas.");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the benchmark's output folder.");
    }
}
