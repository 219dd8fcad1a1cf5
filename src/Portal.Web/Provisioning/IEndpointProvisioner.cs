namespace Portal.Web.Provisioning;

/// <summary>
/// Creates and watches our interface VPC endpoints. Two implementations: AWS (AWSSDK.EC2) and Simulated.
/// Every method returns a typed outcome instead of throwing for the failures callers must handle.
/// </summary>
public interface IEndpointProvisioner
{
    /// <summary>Looks the endpoint service up like the console's "Verify service" and works out the shared zones.</summary>
    Task<ProvisioningResult<VerifiedService>> VerifyServiceAsync(EndpointServiceName serviceName, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the interface endpoint for a connection, or returns the one already made for it
    /// (found by ClientToken or by the connection tag), so a retry never makes a second endpoint.
    /// </summary>
    Task<ProvisioningResult<EndpointObservation>> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Finds the live endpoint made for a connection by its connection tag, or null. Used before deleting a connection
    /// whose endpoint id was never saved (a crash between the AWS call and the save).
    /// </summary>
    Task<ProvisioningResult<EndpointObservation?>> FindEndpointAsync(string region, Guid connectionId, CancellationToken cancellationToken);

    /// <summary>Describes many endpoints of one region in as few calls as possible. Endpoints AWS no longer knows are reported as <see cref="EndpointState.Deleted"/>.</summary>
    Task<ProvisioningResult<IReadOnlyList<EndpointObservation>>> DescribeEndpointsAsync(string region, IReadOnlyCollection<string> endpointIds, CancellationToken cancellationToken);

    /// <summary>Deletes an endpoint; one that is already gone counts as deleted.</summary>
    Task<ProvisioningResult<EndpointState>> DeleteEndpointAsync(string region, string endpointId, CancellationToken cancellationToken);
}
