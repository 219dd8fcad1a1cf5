using System.Collections.Concurrent;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Provisioning;

namespace Portal.UnitTests.Connections;

/// <summary>
/// An in-memory provisioner whose answers a test scripts: endpoints it "created", failures to return next,
/// and a count of every call, so worker and reconciler behaviour can be checked exactly.
/// </summary>
internal sealed class ScriptedProvisioner : IEndpointProvisioner
{
    private readonly ConcurrentDictionary<string, (Guid ConnectionId, string State)> endpoints = new();
    private readonly ConcurrentQueue<ProvisioningFailure> createFailures = new();
    private readonly ConcurrentQueue<ProvisioningFailure> deleteFailures = new();
    private int sequence;

    public int VerifyCalls;
    public int CreateCalls;
    public int DescribeCalls;
    public int DeleteCalls;
    public string InitialState { get; set; } = "pendingAcceptance";
    /// <summary>Lets a test hold a create call open (to race a second worker against it).</summary>
    public Func<Task>? BeforeCreate { get; set; }
    /// <summary>Lets a test hold a describe call open (to race a second reconciler against it).</summary>
    public Func<Task>? BeforeDescribe { get; set; }

    public IReadOnlyDictionary<string, (Guid ConnectionId, string State)> Endpoints => endpoints;

    public void FailNextCreates(params ProvisioningFailure[] failures)
    {
        foreach (var failure in failures)
        {
            createFailures.Enqueue(failure);
        }
    }

    public void FailNextDelete(ProvisioningFailure failure) => deleteFailures.Enqueue(failure);

    public void SetState(string endpointId, string state) => endpoints[endpointId] = (endpoints[endpointId].ConnectionId, state);

    public void Remove(string endpointId) => endpoints.TryRemove(endpointId, out _);

    public Task<ProvisioningResult<VerifiedService>> VerifyServiceAsync(EndpointServiceName serviceName, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref VerifyCalls);
        return Task.FromResult(ProvisioningResult<VerifiedService>.Success(new VerifiedService(serviceName.Value, serviceName.ServiceId, true, null,
            ["use1-az1", "use1-az2"], [new SharedZone("use1-az1", "us-east-1a", "subnet-11111111")])));
    }

    public async Task<ProvisioningResult<EndpointObservation>> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref CreateCalls);
        if (BeforeCreate is not null)
        {
            await BeforeCreate();
        }
        if (createFailures.TryDequeue(out var failure))
        {
            return failure;
        }
        var existing = endpoints.FirstOrDefault(e => e.Value.ConnectionId == request.ConnectionId);
        var id = existing.Key ?? $"vpce-{Interlocked.Increment(ref sequence):x17}";
        endpoints.TryAdd(id, (request.ConnectionId, InitialState));
        return ProvisioningResult<EndpointObservation>.Success(Observe(id));
    }

    public Task<ProvisioningResult<EndpointObservation?>> FindEndpointAsync(string region, Guid connectionId, CancellationToken cancellationToken)
    {
        var found = endpoints.FirstOrDefault(e => e.Value.ConnectionId == connectionId && e.Value.State != "deleted");
        return Task.FromResult(ProvisioningResult<EndpointObservation?>.Success(found.Key is null ? null : Observe(found.Key)));
    }

    public async Task<ProvisioningResult<IReadOnlyList<EndpointObservation>>> DescribeEndpointsAsync(string region, IReadOnlyCollection<string> endpointIds, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref DescribeCalls);
        if (BeforeDescribe is { } hold)
        {
            await hold();
        }
        IReadOnlyList<EndpointObservation> observations = endpointIds
            .Select(id => endpoints.ContainsKey(id) ? Observe(id) : new EndpointObservation(id, EndpointState.Deleted, "deleted", [], []))
            .ToList();
        return ProvisioningResult<IReadOnlyList<EndpointObservation>>.Success(observations);
    }

    public Task<ProvisioningResult<EndpointState>> DeleteEndpointAsync(string region, string endpointId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref DeleteCalls);
        if (deleteFailures.TryDequeue(out var failure))
        {
            return Task.FromResult(ProvisioningResult<EndpointState>.Fail(failure));
        }
        if (endpoints.ContainsKey(endpointId))
        {
            SetState(endpointId, "deleting");
            return Task.FromResult(ProvisioningResult<EndpointState>.Success(EndpointState.Deleting));
        }
        return Task.FromResult(ProvisioningResult<EndpointState>.Success(EndpointState.Deleted));
    }

    private EndpointObservation Observe(string id) =>
        new(id, EndpointStates.Parse(endpoints[id].State), endpoints[id].State, [$"{id}-abcd1234.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com"], ["subnet-11111111"], "sg-11111111");
}
