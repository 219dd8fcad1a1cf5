namespace Portal.Web.Features.Connections;

/// <summary>A customer's PrivateLink connection: our interface VPC endpoint to their endpoint service.</summary>
public sealed class Connection
{
    public Guid Id { get; set; }
    public required string WorkspaceId { get; set; }
    public required string Region { get; set; }
    public required string ServiceName { get; set; }

    public ConnectionStatus Status { get; set; }
    /// <summary>The state exactly as AWS last reported it (e.g. <c>pendingAcceptance</c>), for support.</summary>
    public string? AwsState { get; set; }
    public string? EndpointId { get; set; }
    /// <summary>Idempotency token for CreateVpcEndpoint, stored before the call is made.</summary>
    public required string ClientToken { get; set; }
    public List<string> DnsNames { get; set; } = [];

    // What verification learned about the endpoint service.
    public List<string> AvailabilityZoneIds { get; set; } = [];
    public List<string> SubnetIds { get; set; } = [];
    public bool AcceptanceRequired { get; set; }
    public string? PrivateDnsName { get; set; }
    public string? SecurityGroupId { get; set; }

    /// <summary>Why the connection failed, in words a customer can act on.</summary>
    public string? FailureReason { get; set; }
    /// <summary>The last raw error from AWS; shown to support only.</summary>
    public string? LastAwsError { get; set; }

    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset StatusChangedAt { get; set; }
    /// <summary>When a connection still waiting for acceptance expires.</summary>
    public DateTimeOffset? AcceptanceDeadline { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    // Durable work for the provisioning worker (design.md §3, Durability).
    public ConnectionOperation PendingOperation { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>Why the last attempt is being retried, shown as "retrying" on the detail page.</summary>
    public string? RetryReason { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimExpiresAt { get; set; }

    /// <summary>When the reconciler should next describe this endpoint.</summary>
    public DateTimeOffset? NextCheckAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public long Version { get; set; }

    public List<ConnectionEvent> Events { get; set; } = [];
}
