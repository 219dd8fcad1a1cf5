namespace Portal.Web.Provisioning;

/// <summary>Wraps whichever provisioner is configured and records every call in <see cref="ProvisioningMetrics"/>.</summary>
internal sealed class MeteredEndpointProvisioner(IEndpointProvisioner inner, ProvisioningMetrics metrics) : IEndpointProvisioner
{
    /// <summary>The provisioner configuration chose.</summary>
    public IEndpointProvisioner Inner => inner;

    public Task<ProvisioningResult<VerifiedService>> VerifyServiceAsync(EndpointServiceName serviceName, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("verify", serviceName.Region, () => inner.VerifyServiceAsync(serviceName, cancellationToken));

    public Task<ProvisioningResult<EndpointObservation>> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("create", request.Region, () => inner.CreateEndpointAsync(request, cancellationToken));

    public Task<ProvisioningResult<EndpointObservation?>> FindEndpointAsync(string region, Guid connectionId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("find", region, () => inner.FindEndpointAsync(region, connectionId, cancellationToken));

    public Task<ProvisioningResult<IReadOnlyList<EndpointObservation>>> DescribeEndpointsAsync(string region, IReadOnlyCollection<string> endpointIds, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("describe", region, () => inner.DescribeEndpointsAsync(region, endpointIds, cancellationToken));

    public Task<ProvisioningResult<EndpointState>> DeleteEndpointAsync(string region, string endpointId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("delete", region, () => inner.DeleteEndpointAsync(region, endpointId, cancellationToken));
}
