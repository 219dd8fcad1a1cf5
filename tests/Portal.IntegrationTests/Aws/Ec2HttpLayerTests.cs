using System.Net;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Aws;
using static Portal.IntegrationTests.Aws.ScriptedEc2Handler;

namespace Portal.IntegrationTests.Aws;

/// <summary>
/// Faults and AWS-only answers injected into the SDK's own HTTP pipeline in front of moto, so the SDK's retries and
/// parsing are part of what is tested.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class Ec2HttpLayerTests(AwsWorld world)
{
    private const string DescribeServices = "DescribeVpcEndpointServices";
    private const int MaxErrorRetry = 2;

    [Fact]
    public async Task Throttling_on_every_attempt_is_transient_after_the_sdk_has_retried()
    {
        var handler = new ScriptedEc2Handler((call, _) => call.Action == DescribeServices
            ? Answer(Ec2Error(HttpStatusCode.BadRequest, "RequestLimitExceeded", "Request limit exceeded."))
            : PassThrough());

        var result = await VerifyThroughAsync(handler);

        var failure = result.Failure!;
        Assert.Equal(ProvisioningFailureKind.Transient, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.StartsWith("RequestLimitExceeded:", failure.Detail);
        Assert.Equal(AwsErrorClassifier.TransientReason, failure.Reason);
        Assert.Equal(1 + MaxErrorRetry, handler.CountOf(DescribeServices));
    }

    [Fact]
    public async Task One_throttle_then_success_succeeds_thanks_to_the_sdk_retry()
    {
        var handler = new ScriptedEc2Handler((call, _) => call is { Action: DescribeServices, Attempt: 1 }
            ? Answer(Ec2Error(HttpStatusCode.BadRequest, "RequestLimitExceeded", "Request limit exceeded."))
            : PassThrough());

        var result = await VerifyThroughAsync(handler);

        Assert.True(result.Succeeded, result.Failure?.Detail);
        Assert.Equal(2, handler.CountOf(DescribeServices));
    }

    [Fact]
    public async Task Http_500_on_every_attempt_is_transient()
    {
        var handler = new ScriptedEc2Handler((call, _) => call.Action == DescribeServices
            ? Answer(new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("upstream failure") })
            : PassThrough());

        var result = await VerifyThroughAsync(handler);

        Assert.Equal(ProvisioningFailureKind.Transient, result.Failure?.Kind);
        Assert.Equal(1 + MaxErrorRetry, handler.CountOf(DescribeServices));
    }

    [Fact]
    public async Task A_request_that_times_out_is_transient()
    {
        var handler = new ScriptedEc2Handler(async (call, cancellationToken) =>
        {
            if (call.Action == DescribeServices)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return null;
        });

        var result = await VerifyThroughAsync(handler, requestTimeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal(ProvisioningFailureKind.Transient, result.Failure?.Kind);
        Assert.Equal(AwsErrorClassifier.TransientReason, result.Failure!.Reason);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_propagates_instead_of_becoming_a_failure()
    {
        var handler = new ScriptedEc2Handler(async (call, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var provisioner = world.ProvisionerThrough(() => handler, MaxErrorRetry);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => provisioner.VerifyServiceAsync(ServiceNameParser.Parse(world.Customer.SharedServiceName).Name!, cancellation.Token));
    }

    [Fact]
    public async Task A_first_create_in_a_workspace_stays_within_the_ec2_calls_the_retry_budget_counts()
    {
        var handler = new ScriptedEc2Handler((_, _) => PassThrough());

        var result = await world.ProvisionerThrough(() => handler, MaxErrorRetry).CreateEndpointAsync(world.NewConnection(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Detail);
        Assert.InRange(handler.Actions.Count, 1, AwsEndpointProvisioner.MaxEc2CallsPerCreate);
    }

    [Fact]
    public async Task An_authorization_error_is_permanent_with_the_aws_error_for_support_and_plain_words_for_the_customer()
    {
        var handler = new ScriptedEc2Handler((call, _) => call.Action == "CreateVpcEndpoint"
            ? Answer(Ec2Error(HttpStatusCode.Forbidden, "UnauthorizedOperation", "You are not authorized to perform this operation."))
            : PassThrough());
        var request = world.NewConnection();

        var result = await world.ProvisionerThrough(() => handler, MaxErrorRetry).CreateEndpointAsync(request, CancellationToken.None);

        var failure = result.Failure!;
        Assert.Equal(ProvisioningFailureKind.Permanent, failure.Kind);
        Assert.Equal("UnauthorizedOperation: You are not authorized to perform this operation.", failure.Detail);
        Assert.Equal("We could not create this endpoint; support has been notified.", failure.Reason);
        Assert.Equal(1, handler.CountOf("CreateVpcEndpoint"));
        Assert.Empty(await world.EndpointsTaggedWithAsync(request.ConnectionId));
    }

    [Fact]
    public async Task Delete_reported_unsuccessful_because_the_endpoint_is_unknown_counts_as_deleted()
    {
        // moto answers an unknown id with an empty Unsuccessful list; AWS lists it there with a NotFound code.
        var handler = new ScriptedEc2Handler((call, _) => call.Action == "DeleteVpcEndpoints"
            ? Answer(Xml(HttpStatusCode.OK, """
                <DeleteVpcEndpointsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <requestId>x</requestId>
                  <unsuccessful><item>
                    <error><code>InvalidVpcEndpoint.NotFound</code><message>The VpcEndpoint Id 'vpce-0000dddd' does not exist</message></error>
                    <resourceId>vpce-0000dddd</resourceId>
                  </item></unsuccessful>
                </DeleteVpcEndpointsResponse>
                """))
            : PassThrough());

        var result = await world.ProvisionerThrough(() => handler, MaxErrorRetry).DeleteEndpointAsync(AwsWorld.Region, "vpce-0000dddd", CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Detail);
        Assert.Equal(EndpointState.Deleted, result.Value);
    }

    [Fact]
    public async Task Describe_asks_id_by_id_when_the_not_found_error_names_no_id()
    {
        var known = (await world.Provisioner.CreateEndpointAsync(world.NewConnection(), CancellationToken.None)).Value!;
        var handler = new ScriptedEc2Handler((call, _) => call is { Action: "DescribeVpcEndpoints", Attempt: 1 }
            ? Answer(Ec2Error(HttpStatusCode.BadRequest, "InvalidVpcEndpointId.NotFound", "One or more VPC endpoint ids do not exist."))
            : PassThrough());

        var result = await world.ProvisionerThrough(() => handler, MaxErrorRetry)
            .DescribeEndpointsAsync(AwsWorld.Region, [known.EndpointId, "vpce-0000eeee"], CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Detail);
        Assert.Equal([EndpointState.Available, EndpointState.Deleted], result.Value!.Select(o => o.State));
        Assert.Equal(3, handler.CountOf("DescribeVpcEndpoints"));
    }

    [Fact]
    public async Task Describe_of_many_known_endpoints_is_one_call()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await world.Provisioner.CreateEndpointAsync(world.NewConnection(), CancellationToken.None)).Value!.EndpointId);
        }
        var handler = new ScriptedEc2Handler((_, _) => PassThrough());

        var result = await world.ProvisionerThrough(() => handler, MaxErrorRetry).DescribeEndpointsAsync(AwsWorld.Region, ids, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Detail);
        Assert.Equal(ids, result.Value!.Select(o => o.EndpointId));
        Assert.Equal(["DescribeVpcEndpoints"], handler.Actions);
    }

    [Fact]
    public async Task Create_makes_the_workspace_groups_on_its_first_endpoint_only_and_few_calls_each_time()
    {
        var handler = new ScriptedEc2Handler((_, _) => PassThrough());
        var provisioner = world.ProvisionerThrough(() => handler, MaxErrorRetry);
        var workspace = AwsWorld.NewWorkspaceId();

        Assert.True((await provisioner.CreateEndpointAsync(world.NewConnection(workspace), CancellationToken.None)).Succeeded);
        var firstCalls = handler.Actions.ToList();
        Assert.True((await provisioner.CreateEndpointAsync(world.NewConnection(workspace), CancellationToken.None)).Succeeded);
        var secondCalls = handler.Actions.Skip(firstCalls.Count).ToList();

        // moto's endpoint services list zone names only, hence the DescribeAvailabilityZones call to map them to zone ids.
        string[] endpointCalls = ["DescribeVpcEndpoints", "DescribeVpcEndpointServices", "DescribeSubnets", "DescribeAvailabilityZones"];
        Assert.Equal([.. endpointCalls, "DescribeSecurityGroups", "CreateSecurityGroup", "CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "CreateVpcEndpoint"], firstCalls);
        Assert.Equal([.. endpointCalls, "CreateVpcEndpoint"], secondCalls);
    }

    [Fact]
    public async Task Describe_maps_wire_states_without_regard_to_case_and_keeps_an_unknown_one_visible()
    {
        var handler = new ScriptedEc2Handler((call, _) => call.Action == "DescribeVpcEndpoints"
            ? Answer(Xml(HttpStatusCode.OK, """
                <DescribeVpcEndpointsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <requestId>x</requestId>
                  <vpcEndpointSet>
                    <item><vpcEndpointId>vpce-00000001</vpcEndpointId><state>pendingAcceptance</state></item>
                    <item><vpcEndpointId>vpce-00000002</vpcEndpointId><state>partial</state></item>
                    <item><vpcEndpointId>vpce-00000003</vpcEndpointId><state>somethingNew</state></item>
                  </vpcEndpointSet>
                </DescribeVpcEndpointsResponse>
                """))
            : PassThrough());

        var result = await world.ProvisionerThrough(() => handler, MaxErrorRetry)
            .DescribeEndpointsAsync(AwsWorld.Region, ["vpce-00000001", "vpce-00000002", "vpce-00000003"], CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Detail);
        Assert.Equal(
            [EndpointState.PendingAcceptance, EndpointState.Partial, EndpointState.Unknown],
            result.Value!.Select(o => o.State));
        Assert.Equal("somethingNew", result.Value![2].RawState);
    }

    private Task<ProvisioningResult<VerifiedService>> VerifyThroughAsync(ScriptedEc2Handler handler, TimeSpan? requestTimeout = null) =>
        world.ProvisionerThrough(() => handler, MaxErrorRetry, requestTimeout)
            .VerifyServiceAsync(ServiceNameParser.Parse(world.Customer.SharedServiceName).Name!, CancellationToken.None);
}
