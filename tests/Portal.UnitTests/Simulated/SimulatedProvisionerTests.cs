using Portal.Tests.Shared;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Simulated;

namespace Portal.UnitTests.Simulated;

public sealed class SimulatedProvisionerTests : IAsyncLifetime
{
    private const string Region = "us-east-1";
    private static readonly string NormalName = SimulatedServices.NameOf("vpce-svc-0f3a9c2b7d1e4a5b6", Region);
    private static readonly TimeSpan PendingDelay = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DeletingDelay = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken ct = CancellationToken.None;
    private SqliteTestDatabase database = null!;
    private SimulatedEndpointProvisioner provisioner = null!;
    private SimulatedServiceOwner owner = null!;

    public async Task InitializeAsync()
    {
        database = await SqliteTestDatabase.CreateAsync();
        provisioner = NewProvisioner();
        owner = new SimulatedServiceOwner(database, clock, Options.Create(Settings()));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static SimulatedProvisionerOptions Settings(bool acceptanceByDefault = true) => new()
    {
        PendingDelay = PendingDelay,
        DeletingDelay = DeletingDelay,
        VerifyLatency = TimeSpan.Zero,
        CreateLatency = TimeSpan.Zero,
        ThrottleAttempts = 2,
        AcceptanceRequiredByDefault = acceptanceByDefault,
    };

    private SimulatedEndpointProvisioner NewProvisioner(bool acceptanceByDefault = true) =>
        new(database, database.Regions, clock, Options.Create(Settings(acceptanceByDefault)));

    private static CreateEndpointRequest Request(string serviceName, Guid? connectionId = null, string? token = null) =>
        new(connectionId ?? Guid.NewGuid(), "ws-a", ServiceNameParser.Parse(serviceName).Name!, token ?? Guid.NewGuid().ToString("N"));

    private async Task<EndpointObservation> CreateAsync(string serviceName)
    {
        var created = await provisioner.CreateEndpointAsync(Request(serviceName), ct);
        Assert.True(created.Succeeded, created.Failure?.Reason);
        return created.Value!;
    }

    private async Task<EndpointState> StateAsync(string endpointId, string region = Region, SimulatedEndpointProvisioner? other = null)
    {
        var described = await (other ?? provisioner).DescribeEndpointsAsync(region, [endpointId], ct);
        return Assert.Single(described.Value!).State;
    }

    [Fact]
    public void The_failure_ids_are_valid_17_character_service_ids()
    {
        string[] ids = [SimulatedServices.NotFoundOrNotAllowlisted, SimulatedServices.NoSharedZone, SimulatedServices.Throttled, SimulatedServices.PermanentFailure,
            SimulatedServices.Unavailable, SimulatedServices.NoAcceptance, SimulatedServices.OwnerRejects, SimulatedServices.FailsAfterAcceptance, SimulatedServices.WithPrivateDnsName];

        var behaviours = ids.Select(id => SimulatedServices.BehaviourOf(SimulatedServices.NameOf(id, Region))).ToList();

        Assert.All(ids, id => Assert.Matches("^vpce-svc-[0-9a-f]{17}$", id));
        Assert.Equal(ids.Length, behaviours.Distinct().Count());
        Assert.DoesNotContain(SimulatedServiceBehaviour.Normal, behaviours);
    }

    [Fact]
    public async Task A_normal_service_is_verified_with_our_zones_and_subnets_and_requires_acceptance()
    {
        var verified = await provisioner.VerifyServiceAsync(ServiceNameParser.Parse(" " + NormalName.ToUpperInvariant()).Name!, ct);

        var service = verified.Value!;
        Assert.Equal(NormalName, service.ServiceName);
        Assert.Equal("vpce-svc-0f3a9c2b7d1e4a5b6", service.ServiceId);
        Assert.True(service.AcceptanceRequired);
        Assert.Null(service.PrivateDnsName);
        Assert.Equal(["use1-az1", "use1-az2", "use1-az3", "use1-az4"], service.ServiceZoneIds);
        Assert.Equal(
            [
                new SharedZone("use1-az1", "us-east-1a", SqliteTestDatabase.UsEast1Subnets[0]),
                new SharedZone("use1-az2", "us-east-1b", SqliteTestDatabase.UsEast1Subnets[1]),
                new SharedZone("use1-az3", "us-east-1c", SqliteTestDatabase.UsEast1Subnets[2]),
            ],
            service.SharedZones);
    }

    [Fact]
    public async Task Zone_ids_follow_the_region_abbreviation()
    {
        var verified = await provisioner.VerifyServiceAsync(ServiceNameParser.Parse(SimulatedServices.NameOf("vpce-svc-0a1b2c3d", "eu-west-1")).Name!, ct);

        Assert.Equal(["euw1-az1", "euw1-az2"], verified.Value!.SharedZones.Select(z => z.ZoneId));
        Assert.Equal(["eu-west-1a", "eu-west-1b"], verified.Value.SharedZones.Select(z => z.ZoneName));
    }

    [Fact]
    public async Task The_private_dns_service_reports_its_name_and_its_endpoints_carry_it()
    {
        var name = SimulatedServices.NameOf(SimulatedServices.WithPrivateDnsName, Region);

        Assert.Equal(SimulatedServices.PrivateDnsName, (await provisioner.VerifyServiceAsync(ServiceNameParser.Parse(name).Name!, ct)).Value!.PrivateDnsName);
        Assert.Contains(SimulatedServices.PrivateDnsName, (await CreateAsync(name)).DnsNames);
    }

    [Theory]
    [InlineData(SimulatedServices.NotFoundOrNotAllowlisted, ProvisioningFailureKind.ServiceNotFoundOrNotAllowlisted)]
    [InlineData("vpce-svc-00000404", ProvisioningFailureKind.ServiceNotFoundOrNotAllowlisted)]
    [InlineData(SimulatedServices.NoSharedZone, ProvisioningFailureKind.NoSharedAvailabilityZone)]
    [InlineData(SimulatedServices.Unavailable, ProvisioningFailureKind.Transient)]
    public async Task A_failure_name_fails_verify_and_create_with_its_kind(string serviceId, ProvisioningFailureKind kind)
    {
        var name = SimulatedServices.NameOf(serviceId, Region);

        var verified = await provisioner.VerifyServiceAsync(ServiceNameParser.Parse(name).Name!, ct);
        var created = await provisioner.CreateEndpointAsync(Request(name), ct);

        Assert.Equal(kind, verified.Failure!.Kind);
        Assert.Equal(kind, created.Failure!.Kind);
    }

    [Fact]
    public async Task Not_found_lists_the_three_likely_causes_and_the_aws_error_for_support()
    {
        var name = SimulatedServices.NameOf(SimulatedServices.NotFoundOrNotAllowlisted, Region);

        var failure = (await provisioner.VerifyServiceAsync(ServiceNameParser.Parse(name).Name!, ct)).Failure!;

        Assert.Equal($"We could not find {name} in us-east-1. Check that the name is right, that the service is in us-east-1, and that our principal is allowed on the service.", failure.Reason);
        Assert.Equal($"InvalidServiceName: The Vpc Endpoint Service '{name}' does not exist", failure.Detail);
    }

    [Fact]
    public async Task No_shared_zone_names_the_zones_of_both_sides()
    {
        var failure = (await provisioner.VerifyServiceAsync(ServiceNameParser.Parse(SimulatedServices.NameOf(SimulatedServices.NoSharedZone, Region)).Name!, ct)).Failure!;

        Assert.Equal(["use1-az4", "use1-az5"], failure.ServiceZones!);
        Assert.Equal(["use1-az1", "use1-az2", "use1-az3"], failure.OurZones!);
        Assert.Equal("Your endpoint service is in zones use1-az4, use1-az5 and we are in use1-az1, use1-az2, use1-az3 (zone IDs), so there is no zone in common. Enable your Network Load Balancer in at least one of use1-az1, use1-az2, use1-az3.", failure.Reason);
    }

    [Fact]
    public async Task A_region_without_subnets_fails_permanently()
    {
        var failure = (await provisioner.VerifyServiceAsync(ServiceNameParser.Parse(SimulatedServices.NameOf("vpce-svc-0a1b2c3d", "eu-central-1")).Name!, ct)).Failure!;

        Assert.Equal(ProvisioningFailureKind.Permanent, failure.Kind);
        Assert.Equal("PrivateLink is not set up in eu-central-1 yet: its region settings list no subnets. Support must add them first.", failure.Reason);
    }

    [Fact]
    public async Task The_permanent_failure_name_verifies_but_cannot_be_created()
    {
        var name = SimulatedServices.NameOf(SimulatedServices.PermanentFailure, Region);

        Assert.True((await provisioner.VerifyServiceAsync(ServiceNameParser.Parse(name).Name!, ct)).Succeeded);
        var failure = (await provisioner.CreateEndpointAsync(Request(name), ct)).Failure!;

        Assert.Equal(ProvisioningFailureKind.Permanent, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.StartsWith("AWS refused to create the endpoint", failure.Reason);
        Assert.StartsWith("VpcEndpointLimitExceeded", failure.Detail);
    }

    [Fact]
    public async Task The_throttled_name_is_throttled_for_the_first_attempts_of_each_request_then_created()
    {
        var request = Request(SimulatedServices.NameOf(SimulatedServices.Throttled, Region));

        var first = await provisioner.CreateEndpointAsync(request, ct);
        var second = await provisioner.CreateEndpointAsync(request, ct);
        var third = await provisioner.CreateEndpointAsync(request, ct);
        var otherRequest = await provisioner.CreateEndpointAsync(Request(request.ServiceName.Value), ct);

        Assert.True(first.Failure!.IsTransient);
        Assert.StartsWith("RequestLimitExceeded", first.Failure.Detail);
        Assert.True(second.Failure!.IsTransient);
        Assert.Equal(EndpointState.PendingAcceptance, third.Value!.State);
        Assert.True(otherRequest.Failure!.IsTransient);
    }

    [Fact]
    public async Task A_created_endpoint_looks_like_aws_made_it()
    {
        var endpoint = await CreateAsync(NormalName);

        Assert.Matches("^vpce-[0-9a-f]{17}$", endpoint.EndpointId);
        Assert.Equal("pendingAcceptance", endpoint.RawState);
        Assert.Equal(SqliteTestDatabase.UsEast1Subnets, endpoint.SubnetIds);
        Assert.Matches("^sg-[0-9a-f]{17}$", endpoint.SecurityGroupId);
        var id = Regex.Escape(endpoint.EndpointId);
        Assert.Collection(endpoint.DnsNames,
            dns => Assert.Matches($@"^{id}-[0-9a-f]{{8}}\.vpce-svc-0f3a9c2b7d1e4a5b6\.us-east-1\.vpce\.amazonaws\.com$", dns),
            dns => Assert.Matches($@"^{id}-[0-9a-f]{{8}}-us-east-1a\.vpce-svc-0f3a9c2b7d1e4a5b6\.us-east-1\.vpce\.amazonaws\.com$", dns),
            dns => Assert.Matches($@"-us-east-1b\.vpce-svc-", dns),
            dns => Assert.Matches($@"-us-east-1c\.vpce-svc-", dns));
    }

    [Fact]
    public async Task Accepted_endpoints_go_pending_then_available_after_the_delay()
    {
        var endpoint = await CreateAsync(NormalName);

        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(EndpointState.PendingAcceptance, await StateAsync(endpoint.EndpointId));

        var accepted = await owner.AcceptAsync(endpoint.EndpointId);
        Assert.True(accepted.Succeeded);
        Assert.Equal(EndpointState.Pending, accepted.State);
        Assert.Equal(EndpointState.Pending, await StateAsync(endpoint.EndpointId));

        clock.Advance(PendingDelay - TimeSpan.FromSeconds(1));
        Assert.Equal(EndpointState.Pending, await StateAsync(endpoint.EndpointId));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(EndpointState.Available, await StateAsync(endpoint.EndpointId));
    }

    [Fact]
    public async Task A_service_without_acceptance_goes_straight_to_pending_then_available()
    {
        var endpoint = await CreateAsync(SimulatedServices.NameOf(SimulatedServices.NoAcceptance, Region));

        Assert.Equal(EndpointState.Pending, endpoint.State);
        Assert.False((await owner.AcceptAsync(endpoint.EndpointId)).Succeeded);
        clock.Advance(PendingDelay);
        Assert.Equal(EndpointState.Available, await StateAsync(endpoint.EndpointId));
    }

    [Fact]
    public async Task With_acceptance_off_by_default_normal_services_need_none()
    {
        var created = await NewProvisioner(acceptanceByDefault: false).CreateEndpointAsync(Request(NormalName), ct);

        Assert.Equal(EndpointState.Pending, created.Value!.State);
    }

    [Fact]
    public async Task The_owner_can_reject_and_then_accepting_is_refused()
    {
        var endpoint = await CreateAsync(NormalName);

        var rejected = await owner.RejectAsync(endpoint.EndpointId);
        var acceptedLater = await owner.AcceptAsync(endpoint.EndpointId);

        Assert.Equal(new SimulatedOwnerDecision(true, EndpointState.Rejected, $"The service owner rejected {endpoint.EndpointId}."), rejected);
        Assert.Equal(new SimulatedOwnerDecision(false, EndpointState.Rejected, $"Only an endpoint waiting for acceptance can be accepted; {endpoint.EndpointId} is rejected."), acceptedLater);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(EndpointState.Rejected, await StateAsync(endpoint.EndpointId));
    }

    [Fact]
    public async Task The_owner_cannot_decide_on_an_unknown_endpoint() =>
        Assert.False((await owner.AcceptAsync("vpce-0000000000000dead")).Succeeded);

    [Fact]
    public async Task The_rejecting_owner_rejects_on_their_own_after_the_delay()
    {
        var endpoint = await CreateAsync(SimulatedServices.NameOf(SimulatedServices.OwnerRejects, Region));

        Assert.Equal(EndpointState.PendingAcceptance, endpoint.State);
        clock.Advance(PendingDelay);
        Assert.Equal(EndpointState.Rejected, await StateAsync(endpoint.EndpointId));
    }

    [Fact]
    public async Task The_failing_service_fails_after_acceptance_with_an_error()
    {
        var endpoint = await CreateAsync(SimulatedServices.NameOf(SimulatedServices.FailsAfterAcceptance, Region));
        await owner.AcceptAsync(endpoint.EndpointId);
        clock.Advance(PendingDelay);

        var observed = Assert.Single((await provisioner.DescribeEndpointsAsync(Region, [endpoint.EndpointId], ct)).Value!);

        Assert.Equal(EndpointState.Failed, observed.State);
        Assert.Equal("AWS could not provision the endpoint's network interfaces in the service's zones.", observed.LastError);
    }

    [Fact]
    public async Task Delete_goes_through_deleting_to_deleted()
    {
        var endpoint = await CreateAsync(SimulatedServices.NameOf(SimulatedServices.NoAcceptance, Region));
        clock.Advance(PendingDelay);

        Assert.Equal(EndpointState.Deleting, (await provisioner.DeleteEndpointAsync(Region, endpoint.EndpointId, ct)).Value);
        Assert.Equal(EndpointState.Deleting, await StateAsync(endpoint.EndpointId));
        Assert.Equal(EndpointState.Deleting, (await provisioner.DeleteEndpointAsync(Region, endpoint.EndpointId, ct)).Value);

        clock.Advance(DeletingDelay);
        Assert.Equal(EndpointState.Deleted, await StateAsync(endpoint.EndpointId));
        Assert.Equal(EndpointState.Deleted, (await provisioner.DeleteEndpointAsync(Region, endpoint.EndpointId, ct)).Value);
    }

    [Fact]
    public async Task Deleting_an_unknown_endpoint_counts_as_deleted() =>
        Assert.Equal(EndpointState.Deleted, (await provisioner.DeleteEndpointAsync(Region, "vpce-0000000000000dead", ct)).Value);

    [Fact]
    public async Task Unknown_ids_and_ids_of_another_region_are_described_as_deleted()
    {
        var endpoint = await CreateAsync(NormalName);

        var described = (await provisioner.DescribeEndpointsAsync(Region, [endpoint.EndpointId, "vpce-0000000000000dead", endpoint.EndpointId], ct)).Value!;

        Assert.Equal([EndpointState.PendingAcceptance, EndpointState.Deleted], described.Select(o => o.State));
        Assert.Equal("deleted", described[1].RawState);
        Assert.Equal(EndpointState.Deleted, await StateAsync(endpoint.EndpointId, "eu-west-1"));
    }

    [Fact]
    public async Task The_same_client_token_returns_the_same_endpoint()
    {
        var request = Request(NormalName);

        var first = await provisioner.CreateEndpointAsync(request, ct);
        var again = await provisioner.CreateEndpointAsync(request, ct);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => provisioner.CreateEndpointAsync(request, ct)));

        Assert.Equal(first.Value!.EndpointId, again.Value!.EndpointId);
        Assert.All(concurrent, r => Assert.Equal(first.Value.EndpointId, r.Value!.EndpointId));
        await using var db = database.CreateDbContext();
        Assert.Single(db.SimulatedEndpoints);
    }

    [Fact]
    public async Task A_retry_with_a_new_token_finds_the_endpoint_by_its_connection_tag()
    {
        var connectionId = Guid.NewGuid();

        var first = await provisioner.CreateEndpointAsync(Request(NormalName, connectionId), ct);
        var afterCrash = await provisioner.CreateEndpointAsync(Request(NormalName, connectionId), ct);

        Assert.Equal(first.Value!.EndpointId, afterCrash.Value!.EndpointId);
    }

    [Fact]
    public async Task A_deleted_endpoint_is_not_reused_for_its_connection()
    {
        var connectionId = Guid.NewGuid();
        var first = await provisioner.CreateEndpointAsync(Request(NormalName, connectionId), ct);
        await provisioner.DeleteEndpointAsync(Region, first.Value!.EndpointId, ct);

        var second = await provisioner.CreateEndpointAsync(Request(NormalName, connectionId), ct);

        Assert.NotEqual(first.Value.EndpointId, second.Value!.EndpointId);
    }

    [Fact]
    public async Task Reusing_a_token_for_another_service_is_refused_like_aws()
    {
        var request = Request(NormalName);
        await provisioner.CreateEndpointAsync(request, ct);

        var mismatch = await provisioner.CreateEndpointAsync(request with { ServiceName = ConnectionSeeds.Name(SimulatedServices.NameOf("vpce-svc-0a1b2c3d", Region)) }, ct);

        Assert.Equal(ProvisioningFailureKind.Permanent, mismatch.Failure!.Kind);
        Assert.StartsWith("IdempotentParameterMismatch", mismatch.Failure.Detail);
    }

    [Fact]
    public async Task Endpoints_and_their_clock_survive_a_restart()
    {
        var endpoint = await CreateAsync(NormalName);
        await owner.AcceptAsync(endpoint.EndpointId);
        clock.Advance(PendingDelay / 2);

        var afterRestart = NewProvisioner();
        Assert.Equal(EndpointState.Pending, await StateAsync(endpoint.EndpointId, other: afterRestart));
        clock.Advance(PendingDelay / 2);
        Assert.Equal(EndpointState.Available, await StateAsync(endpoint.EndpointId, other: afterRestart));

        var again = await afterRestart.CreateEndpointAsync(Request(NormalName, token: "never-seen"), ct);
        Assert.NotEqual(endpoint.EndpointId, again.Value!.EndpointId);
    }

    [Fact]
    public async Task Describing_writes_the_reached_state_back_at_its_due_time()
    {
        var endpoint = await CreateAsync(SimulatedServices.NameOf(SimulatedServices.NoAcceptance, Region));
        var created = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(10));

        await StateAsync(endpoint.EndpointId);

        await using var db = database.CreateDbContext();
        var stored = Assert.Single(db.SimulatedEndpoints);
        Assert.Equal("available", stored.State);
        Assert.Equal(created + PendingDelay, stored.StateChangedAt);
        Assert.Equal("ws-a", stored.WorkspaceTag);
    }
}
