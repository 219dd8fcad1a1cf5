using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;

namespace Portal.IntegrationTests.Faults;

public enum CrashPoint
{
    BeforeAwsCall,
    AfterAwsCall,
}

/// <summary>
/// Stands in for a portal process dying mid-creation: at the chosen point the create call never returns and ignores
/// cancellation, so the worker saves nothing and its claim stays in the database, exactly as after a kill.
/// </summary>
internal sealed class CrashingProvisioner(IEndpointProvisioner inner, CrashPoint point) : IEndpointProvisioner
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => reached.Task;

    public async Task<ProvisioningResult<EndpointObservation>> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken cancellationToken)
    {
        if (point == CrashPoint.AfterAwsCall)
        {
            await inner.CreateEndpointAsync(request, cancellationToken);
        }
        reached.TrySetResult();
        await Task.Delay(Timeout.Infinite, CancellationToken.None);
        throw new InvalidOperationException("unreachable");
    }

    public Task<ProvisioningResult<VerifiedService>> VerifyServiceAsync(EndpointServiceName serviceName, CancellationToken cancellationToken) =>
        inner.VerifyServiceAsync(serviceName, cancellationToken);

    public Task<ProvisioningResult<EndpointObservation?>> FindEndpointAsync(string region, Guid connectionId, CancellationToken cancellationToken) =>
        inner.FindEndpointAsync(region, connectionId, cancellationToken);

    public Task<ProvisioningResult<IReadOnlyList<EndpointObservation>>> DescribeEndpointsAsync(string region, IReadOnlyCollection<string> endpointIds, CancellationToken cancellationToken) =>
        inner.DescribeEndpointsAsync(region, endpointIds, cancellationToken);

    public Task<ProvisioningResult<EndpointState>> DeleteEndpointAsync(string region, string endpointId, CancellationToken cancellationToken) =>
        inner.DeleteEndpointAsync(region, endpointId, cancellationToken);
}
