using System.Diagnostics;
using Amazon.EC2;
using Amazon.EC2.Model;
using Portal.IntegrationTests.Aws;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Provisioning.Regions;

namespace Portal.Benchmarks.Reconciler;

/// <summary>
/// How many AWS calls a reconciliation cycle costs, how long it takes and how much memory it uses, at 10,000
/// connections over 5 regions (fake EC2) and at a size moto handles; compared with one call per connection.
/// Target: calls per cycle = Σ over regions of ⌈connections in region / 1000⌉.
/// </summary>
internal static class ReconcilerBenchmark
{
    private static readonly string[] Regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"];

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = IntOption(args, "--connections", 10_000);
        var cycles = IntOption(args, "--cycles", 5);
        var motoConnections = IntOption(args, "--moto-connections", 1_200);
        var postgres = StringOption(args, "--postgres");

        Console.WriteLine($"# Reconciler benchmark on {(postgres is null ? "SQLite" : "PostgreSQL")}");
        Console.WriteLine();
        var fakeOk = await RunAgainstFakeAsync(connections, cycles, postgres);
        Console.WriteLine();
        var motoOk = motoConnections <= 0 || await RunAgainstMotoAsync(motoConnections, Math.Min(cycles, 3), postgres);
        return fakeOk && motoOk ? 0 : 1;
    }

    private static async Task<bool> RunAgainstFakeAsync(int total, int cycles, string? postgres)
    {
        var counter = new Ec2CallCounter();
        var regions = Regions.ToDictionary(r => r, r => new RegionOptions
        {
            DisplayName = r, PrincipalArn = "arn:aws:iam::111122223333:root", VpcId = "vpc-0a11b2c3d4e5f6071",
            SubnetIds = ["subnet-0111b2c3d4e5f6071"], ServiceUrl = "http://fake-ec2.invalid",
        });
        await using var world = await BenchmarkWorld.CreateAsync(regions, () => new FakeEc2Handler(counter), postgres);
        // Uneven on purpose: a batch boundary per region is what the target formula is about.
        var perRegion = SplitUnevenly(total, Regions.Length);
        for (var i = 0; i < Regions.Length; i++)
        {
            await world.InsertAvailableConnectionsAsync(Regions[i], Enumerable.Range(0, perRegion[i]).Select(n => $"vpce-{i:x2}{n:x15}"));
        }
        var target = perRegion.Sum(n => (n + 999) / 1000);

        Console.WriteLine($"## Fake EC2 (HTTP layer, real SDK), {total:N0} connections in {Regions.Length} regions: {string.Join(", ", Regions.Zip(perRegion, (r, n) => $"{r} {n:N0}"))}");
        var results = await RunCyclesAsync(world, counter, cycles);
        PrintTable(results, total, target);
        return results.All(r => r.Calls == target);
    }

    private static async Task<bool> RunAgainstMotoAsync(int total, int cycles, string? postgres)
    {
        const string region = "us-east-1";
        await using var moto = await MotoServer.StartAsync();
        using var ec2 = moto.CreateEc2Client(region);
        var customer = await CustomerSide.SeedAsync(ec2, moto.Url, region, "arn:aws:iam::123456789012:root");
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" })).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.20.1.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;

        Console.WriteLine($"## moto (real EC2 API emulator), {total:N0} connections in {region}");
        var seeding = Stopwatch.StartNew();
        var endpointIds = new List<string>(total);
        foreach (var chunk in Enumerable.Range(0, total).Chunk(16))
        {
            var created = await Task.WhenAll(chunk.Select(_ => ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
            {
                VpcEndpointType = VpcEndpointType.Interface, VpcId = vpc, ServiceName = customer.SharedServiceName, SubnetIds = [subnet],
            })));
            endpointIds.AddRange(created.Select(c => c.VpcEndpoint.VpcEndpointId));
        }
        Console.WriteLine($"(seeded {total:N0} endpoints in moto in {seeding.Elapsed.TotalSeconds:0.0} s)");

        var counter = new Ec2CallCounter();
        var regions = new Dictionary<string, RegionOptions>
        {
            [region] = new() { DisplayName = region, PrincipalArn = "arn:aws:iam::123456789012:root", VpcId = vpc, SubnetIds = [subnet], ServiceUrl = moto.Url.ToString() },
        };
        await using var world = await BenchmarkWorld.CreateAsync(regions, () => new CountingPassThroughHandler(counter), postgres);
        await world.InsertAvailableConnectionsAsync(region, endpointIds);
        var target = (total + 999) / 1000;
        var results = await RunCyclesAsync(world, counter, cycles);

        // What one call per connection costs against the same emulator, measured on a sample.
        var sample = endpointIds.Take(200).ToList();
        var single = Stopwatch.StartNew();
        foreach (var id in sample)
        {
            await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [id] });
        }
        var perCall = single.Elapsed / sample.Count;
        PrintTable(results, total, target);
        Console.WriteLine($"One call per connection, measured on {sample.Count} single-id calls: {perCall.TotalMilliseconds:0.0} ms per call, " +
                          $"so {(perCall * total).TotalSeconds:0.0} s and {total:N0} calls per cycle for {total:N0} connections.");
        return results.All(r => r.Calls == target);
    }

    private sealed record CycleResult(int Cycle, int Checked, int Calls, TimeSpan Elapsed, long AllocatedBytes);

    private static async Task<List<CycleResult>> RunCyclesAsync(BenchmarkWorld world, Ec2CallCounter counter, int cycles)
    {
        var results = new List<CycleResult>();
        for (var cycle = 0; cycle <= cycles; cycle++)
        {
            await world.MakeAllDueAsync();
            counter.Reset();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var report = await world.Reconciler.ReconcileOnceAsync(CancellationToken.None);
            watch.Stop();
            // Cycle 0 warms up the JIT, the SDK and SQLite's caches; it is not reported.
            if (cycle > 0)
            {
                results.Add(new CycleResult(cycle, report.Checked, counter.Of("DescribeVpcEndpoints"), watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore));
            }
        }
        return results;
    }

    private static void PrintTable(List<CycleResult> results, int connections, int target)
    {
        Console.WriteLine();
        Console.WriteLine("| cycle | connections checked | DescribeVpcEndpoints calls | cycle time | allocated |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Cycle} | {r.Checked:N0} | {r.Calls} | {r.Elapsed.TotalMilliseconds:N0} ms | {r.AllocatedBytes / 1024.0 / 1024.0:N1} MiB |");
        }
        var median = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ElementAt(results.Count / 2);
        Console.WriteLine();
        Console.WriteLine($"Calls per cycle: {results[0].Calls} (target Σ⌈n/1000⌉ = {target}: {(results.All(r => r.Calls == target) ? "met" : "NOT met")}); " +
                          $"one call per connection would be {connections:N0} ({connections / (double)Math.Max(1, results[0].Calls):N0}× more).");
        Console.WriteLine($"Median cycle time {median:N0} ms; peak working set {Environment.WorkingSet / 1024.0 / 1024.0:N0} MiB (process), " +
                          $"{System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB peak.");
    }

    private static int[] SplitUnevenly(int total, int parts)
    {
        // 3,400 / 2,600 / 2,000 / 1,200 / 800 of 10,000: regions on and off batch boundaries.
        int[] weights = [34, 26, 20, 12, 8];
        var sum = weights.Take(parts).Sum();
        var split = weights.Take(parts).Select(w => total * w / sum).ToArray();
        split[0] += total - split.Sum();
        return split;
    }

    private static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return null;
        }
        return index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"{name} needs a value.");
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
