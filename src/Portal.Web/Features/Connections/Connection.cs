using Microsoft.EntityFrameworkCore.Query;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Features.Connections.Naming;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections;

/// <summary>
/// A customer's PrivateLink connection: our interface VPC endpoint to their endpoint service. It owns its lifecycle:
/// every change of status or of the work still owed goes through one of its methods, each move is checked against
/// <see cref="ConnectionStatusMoves"/> and written on the timeline.
/// </summary>
public sealed class Connection
{
    public const string SystemActor = "system";

    private readonly List<ConnectionEvent> recorded = [];

    private Connection()
    {
    }

    public Guid Id { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public string Region { get; private set; } = "";
    public EndpointServiceName ServiceName { get; private set; } = null!;
    /// <summary>What the customer calls the connection; unique among the workspace's live connections, ignoring case.</summary>
    public string Name { get; private set; } = "";
    /// <summary><see cref="Name"/> as the unique index compares it (<see cref="ConnectionNames.Key"/>).</summary>
    public string NameKey { get; private set; } = "";
    public string? Description { get; private set; }

    public ConnectionStatus Status { get; private set; }
    /// <summary>The state exactly as AWS last reported it (e.g. <c>pendingAcceptance</c>), for support.</summary>
    public string? AwsState { get; private set; }
    public string? EndpointId { get; private set; }
    /// <summary>Idempotency token for CreateVpcEndpoint, stored before the call is made.</summary>
    public string ClientToken { get; private set; } = "";
    public List<string> DnsNames { get; private set; } = [];

    // What verification learned about the endpoint service.
    public List<string> AvailabilityZoneIds { get; private set; } = [];
    public List<string> SubnetIds { get; private set; } = [];
    public bool AcceptanceRequired { get; private set; }
    public string? PrivateDnsName { get; private set; }
    public string? SecurityGroupId { get; private set; }

    /// <summary>Why the connection failed, in words a customer can act on.</summary>
    public string? FailureReason { get; private set; }
    /// <summary>The last raw error from AWS; shown to support only.</summary>
    public string? LastAwsError { get; private set; }

    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    /// <summary>When a connection still waiting for acceptance expires.</summary>
    public DateTimeOffset? AcceptanceDeadline { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    // Durable work for the provisioning worker (design.md §3, Durability).
    public ConnectionOperation PendingOperation { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    /// <summary>Why the last attempt is being retried, shown as "retrying" on the detail page.</summary>
    public string? RetryReason { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimExpiresAt { get; private set; }

    /// <summary>When the reconciler should next describe this endpoint.</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public long Version { get; private set; }

    public List<ConnectionEvent> Events { get; private set; } = [];

    /// <summary>A customer's request, stored before any AWS call; the worker creates the endpoint.</summary>
    /// <param name="name">Already checked by <see cref="ConnectionDetailsValidator"/>.</param>
    public static Connection Request(Guid id, string workspaceId, EndpointServiceName serviceName, string name, string? description,
        string clientToken, VerifiedService? verified, string requestedById, string requestedByName, DateTimeOffset now)
    {
        var connection = new Connection
        {
            Id = id,
            WorkspaceId = workspaceId,
            Region = serviceName.Region,
            ServiceName = serviceName,
            Name = ConnectionNames.Normalize(name),
            NameKey = ConnectionNames.Key(name),
            Description = ConnectionNames.NormalizeDescription(description),
            ClientToken = clientToken,
            Status = ConnectionStatus.Requested,
            PendingOperation = ConnectionOperation.Create,
            AcceptanceRequired = verified?.AcceptanceRequired ?? false,
            PrivateDnsName = verified?.PrivateDnsName,
            AvailabilityZoneIds = verified?.SharedZones.Select(z => z.ZoneId).ToList() ?? [],
            CreatedById = requestedById,
            CreatedByName = requestedByName,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
        };
        connection.Record(null, ConnectionStatus.Requested, $"{requestedByName} requested the connection \"{connection.Name}\" to {serviceName} in {serviceName.Region}.", requestedByName, now);
        return connection;
    }

    /// <summary>
    /// The customer renames the connection or changes its description (already checked by <see cref="ConnectionDetailsValidator"/>).
    /// Each change is noted on the timeline; returns the notes, none when nothing changed.
    /// </summary>
    public IReadOnlyList<string> Describe(string name, string? description, string actorName, DateTimeOffset now)
    {
        var notes = new List<string>();
        var newName = ConnectionNames.Normalize(name);
        var newDescription = ConnectionNames.NormalizeDescription(description);
        if (newName != Name)
        {
            notes.Add($"{actorName} renamed the connection from \"{Name}\" to \"{newName}\".");
            Name = newName;
            NameKey = ConnectionNames.Key(newName);
        }
        if (newDescription != Description)
        {
            notes.Add(newDescription is null ? $"{actorName} removed the description." : $"{actorName} changed the description.");
            Description = newDescription;
        }
        foreach (var note in notes)
        {
            Note(note, actorName, now);
        }
        return notes;
    }

    /// <summary>
    /// The columns a rename may have changed while a worker attempt ran (with the update time and version it sets, and
    /// the lease the worker's own renewals extend): a worker's result can be saved over them without losing either.
    /// </summary>
    public static readonly IReadOnlySet<string> ChangedByDetailsEdit = new HashSet<string>
    {
        nameof(Name), nameof(NameKey), nameof(Description), nameof(UpdatedAt), nameof(Version), nameof(ClaimExpiresAt),
    };

    /// <summary>The worker starts an attempt at the pending operation.</summary>
    public void StartAttempt(DateTimeOffset now)
    {
        if (PendingOperation == ConnectionOperation.Create && Status == ConnectionStatus.Requested)
        {
            MoveTo(ConnectionStatus.Creating, "Creating the interface endpoint in AWS.", SystemActor, now);
        }
        Attempts++;
    }

    /// <summary>AWS made (or already had) the endpoint: the create is done and the status is what AWS reports.</summary>
    public void CompleteCreate(EndpointObservation endpoint, DateTimeOffset now, TimeSpan acceptanceTimeout, TimeSpan firstCheckIn)
    {
        RecordEndpoint(endpoint);
        FinishWork();
        LastAwsError = null;
        FailureReason = null;
        var status = ConnectionStatusMoves.StatusFor(endpoint.State);
        if (status == ConnectionStatus.PendingAcceptance)
        {
            AcceptanceDeadline = now + acceptanceTimeout;
        }
        MoveTo(status, $"Endpoint {endpoint.EndpointId} created. {ConnectionStatusMoves.DescribeArrival(status)}", SystemActor, now);
        NextCheckAt = now + firstCheckIn;
    }

    /// <summary>What AWS says the endpoint is made of; changes no status, so it is safe to re-apply after a conflict.</summary>
    public void RecordEndpoint(EndpointObservation endpoint)
    {
        EndpointId = endpoint.EndpointId;
        AwsState = endpoint.RawState;
        if (endpoint.DnsNames.Count > 0)
        {
            DnsNames = [.. endpoint.DnsNames];
        }
        if (endpoint.SubnetIds.Count > 0)
        {
            SubnetIds = [.. endpoint.SubnetIds];
        }
        SecurityGroupId = endpoint.SecurityGroupId ?? SecurityGroupId;
    }

    /// <summary>Keeps an endpoint id learned from AWS when the row changed meanwhile.</summary>
    public void RecordEndpointId(string endpointId) => EndpointId ??= endpointId;

    /// <summary>A transient fault: the same operation runs again after <paramref name="delay"/>.</summary>
    public void ScheduleRetry(ProvisioningFailure failure, TimeSpan delay, DateTimeOffset now)
    {
        LastAwsError = failure.Detail ?? failure.Reason;
        NextAttemptAt = now + delay;
        RetryReason = failure.Reason;
        Note($"Attempt {Attempts} to {OperationVerb} did not go through ({failure.Reason}). Retrying in {Math.Ceiling(delay.TotalSeconds)} s.", SystemActor, now);
    }

    /// <summary>A permanent fault, or transient ones past the last attempt: the connection fails with a reason in words.</summary>
    public void Fail(ProvisioningFailure failure, DateTimeOffset now)
    {
        var deleting = PendingOperation == ConnectionOperation.Delete;
        LastAwsError = failure.Detail ?? failure.Reason;
        FailureReason = failure.IsTransient
            ? $"AWS did not answer after {Attempts} attempts ({failure.Reason}). Try again later; support has been notified."
            : deleting ? $"We could not delete this endpoint: {failure.Reason}" : failure.Reason;
        PendingOperation = ConnectionOperation.None;
        NextAttemptAt = null;
        RetryReason = null;
        MoveTo(ConnectionStatus.Failed, FailureReason, SystemActor, now);
    }

    /// <summary>A customer or support asks for the endpoint to go. Deleting twice is harmless.</summary>
    public DeleteOutcome QueueDelete(string actorName, DateTimeOffset now)
    {
        if (Status is ConnectionStatus.Deleted or ConnectionStatus.Deleting || PendingOperation == ConnectionOperation.Delete)
        {
            return DeleteOutcome.AlreadyDeleting;
        }
        var neverStarted = Status == ConnectionStatus.Requested && ClaimedBy is null && EndpointId is null;
        if (neverStarted || DeletedAt is not null)
        {
            PendingOperation = ConnectionOperation.None;
            DeletedAt ??= now;
            MoveTo(ConnectionStatus.Deleted, $"{actorName} deleted the connection.", actorName, now);
        }
        else
        {
            QueueWork(ConnectionOperation.Delete, at: null);
            MoveTo(ConnectionStatus.Deleting, $"{actorName} asked to delete the connection.", actorName, now);
        }
        return DeleteOutcome.Requested;
    }

    /// <summary>AWS accepted the delete call: the endpoint is gone, or AWS is removing it and the reconciler watches.</summary>
    public void CompleteDelete(string endpointId, EndpointState state, DateTimeOffset now, TimeSpan checkIn)
    {
        FinishWork();
        var gone = state == EndpointState.Deleted;
        AwsState = gone ? "deleted" : "deleting";
        if (gone)
        {
            MarkDeleted($"Endpoint {endpointId} deleted.", now);
            return;
        }
        ArriveFromTeardown(ConnectionStatus.Deleting, $"AWS is deleting endpoint {endpointId}.", now);
        NextCheckAt = now + checkIn;
    }

    /// <summary>The endpoint no longer exists (deleted by us, found never created, or removed outside the portal).</summary>
    public void MarkDeleted(string message, DateTimeOffset now)
    {
        FinishWork();
        NextCheckAt = null;
        DeletedAt = now;
        ArriveFromTeardown(ConnectionStatus.Deleted, message, now);
    }

    /// <summary>Not accepted in time: the connection expires and the worker deletes its endpoint.</summary>
    public void Expire(string reason, DateTimeOffset now)
    {
        QueueWork(ConnectionOperation.Delete, at: now);
        FailureReason = reason;
        MoveTo(ConnectionStatus.Expired, reason, SystemActor, now);
    }

    /// <summary>Support puts a failed connection back in the worker's queue: the same request (and ClientToken) runs again.</summary>
    public void RetryFailed(string actorName, bool deletionFailed, DateTimeOffset now)
    {
        QueueWork(deletionFailed ? ConnectionOperation.Delete : ConnectionOperation.Create, at: null);
        FailureReason = null;
        MoveTo(deletionFailed ? ConnectionStatus.Deleting : ConnectionStatus.Requested,
            $"{actorName} (support) retried the {(deletionFailed ? "deletion" : "creation")}.", actorName, now);
    }

    /// <summary>
    /// Applies what the reconciler learned from AWS. Returns true when the connection just expired, so the worker
    /// has a delete to carry out.
    /// </summary>
    public bool Observe(EndpointObservation observation, DateTimeOffset now, ReconcilerOptions schedule)
    {
        AwsState = observation.RawState;
        LastAwsError = observation.LastError ?? LastAwsError;
        if (observation.DnsNames.Count > 0 && !observation.DnsNames.SequenceEqual(DnsNames))
        {
            DnsNames = [.. observation.DnsNames];
        }

        var target = ConnectionStatusMoves.StatusFor(observation.State);
        var expired = false;
        if (Status == ConnectionStatus.Deleting && target is not (ConnectionStatus.Deleted or ConnectionStatus.Failed))
        {
            // AWS has not caught up with our delete yet.
        }
        else if (Status == ConnectionStatus.Expired)
        {
            if (target == ConnectionStatus.Deleted)
            {
                MarkDeleted($"Endpoint {EndpointId} deleted.", now);
            }
        }
        else if (target == ConnectionStatus.PendingAcceptance && AcceptanceDeadline is { } deadline && now >= deadline)
        {
            Expire($"The service owner did not accept the connection within {FormatDuration(schedule.AcceptanceTimeout)}, so the endpoint was deleted.", now);
            expired = true;
        }
        else if (target == ConnectionStatus.Deleted)
        {
            MarkDeleted(Status == ConnectionStatus.Deleting
                ? $"Endpoint {EndpointId} deleted."
                : $"Endpoint {EndpointId} was deleted outside the portal.", now);
        }
        else
        {
            if (target == ConnectionStatus.Failed)
            {
                FailureReason = "AWS reports that the endpoint failed. Check that the endpoint service still exists and has an active load balancer, then delete this connection and create it again.";
            }
            if (target == ConnectionStatus.PendingAcceptance && AcceptanceDeadline is null)
            {
                AcceptanceDeadline = now + schedule.AcceptanceTimeout;
            }
            MoveTo(target, target == ConnectionStatus.Unknown
                ? $"AWS reported the state \"{observation.RawState}\", which the portal does not know."
                : ConnectionStatusMoves.DescribeArrival(target), SystemActor, now);
        }

        // An expired connection is watched, closely, until AWS has deleted its endpoint.
        var awaitingDeletion = Status == ConnectionStatus.Expired && DeletedAt is null;
        NextCheckAt = Status.IsTerminal() && !awaitingDeletion
            ? null
            : now + (Status.IsSettling() || awaitingDeletion ? schedule.FastPollInterval : schedule.SlowPollInterval);
        return expired;
    }

    /// <summary>The worker is done with this attempt (whatever its outcome); another worker may claim the row.</summary>
    public void ReleaseClaim()
    {
        ClaimedBy = null;
        ClaimExpiresAt = null;
    }

    /// <summary>After a conflicting change to the row, the operation that was interrupted runs again at once.</summary>
    public void RetryNow(ConnectionOperation interrupted, DateTimeOffset now)
    {
        if (PendingOperation == interrupted)
        {
            NextAttemptAt = now;
        }
    }

    /// <summary>Atomic claim of a free request by one worker (a compare-and-set in one UPDATE).</summary>
    public static void Claim(UpdateSettersBuilder<Connection> set, string workerId, DateTimeOffset leaseEnd) => set
        .SetProperty(c => c.ClaimedBy, workerId)
        .SetProperty(c => c.ClaimExpiresAt, leaseEnd)
        .SetProperty(c => c.Version, c => c.Version + 1);

    /// <summary>
    /// Extends the claim of a worker whose attempt is still running, without loading the row. Leaves the version
    /// alone, so the worker's own save of the attempt's result does not conflict with it.
    /// </summary>
    public static void RenewClaim(UpdateSettersBuilder<Connection> set, DateTimeOffset leaseEnd) =>
        set.SetProperty(c => c.ClaimExpiresAt, leaseEnd);

    /// <summary>Frees a claim without loading the row, optionally delaying the next attempt.</summary>
    public static void Unclaim(UpdateSettersBuilder<Connection> set, DateTimeOffset? retryAt) => set
        .SetProperty(c => c.ClaimedBy, (string?)null)
        .SetProperty(c => c.ClaimExpiresAt, (DateTimeOffset?)null)
        .SetProperty(c => c.NextAttemptAt, retryAt)
        .SetProperty(c => c.Version, c => c.Version + 1);

    /// <summary>
    /// The next reconciler check, without loading the row. A single-column update: it never conflicts with the worker
    /// saving the same row.
    /// </summary>
    public static void ScheduleCheck(UpdateSettersBuilder<Connection> set, DateTimeOffset? at) =>
        set.SetProperty(c => c.NextCheckAt, at);

    /// <summary>Called by the DbContext on every save of a changed row.</summary>
    internal void BumpVersion() => Version++;

    /// <summary>The timeline entries added since the connection was loaded or made; each is handed out once.</summary>
    public IReadOnlyList<ConnectionEvent> TakeRecordedEvents()
    {
        var taken = recorded.ToList();
        recorded.Clear();
        return taken;
    }

    private string OperationVerb => PendingOperation == ConnectionOperation.Delete ? "delete" : "create";

    private void QueueWork(ConnectionOperation operation, DateTimeOffset? at)
    {
        PendingOperation = operation;
        Attempts = 0;
        NextAttemptAt = at;
        RetryReason = null;
    }

    private void FinishWork()
    {
        PendingOperation = ConnectionOperation.None;
        Attempts = 0;
        NextAttemptAt = null;
        RetryReason = null;
    }

    /// <summary>
    /// An expired connection keeps saying why it ended: the teardown of its endpoint is noted on the timeline
    /// instead of becoming its status.
    /// </summary>
    private void ArriveFromTeardown(ConnectionStatus to, string message, DateTimeOffset now)
    {
        if (Status == ConnectionStatus.Expired)
        {
            Note(message, SystemActor, now);
        }
        else
        {
            MoveTo(to, message, SystemActor, now);
        }
    }

    private void MoveTo(ConnectionStatus to, string message, string actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        if (Status == to)
        {
            return;
        }
        if (!ConnectionStatusMoves.IsAllowed(Status, to))
        {
            throw new InvalidOperationException($"A connection cannot go from {Status} to {to}.");
        }
        var from = Status;
        Status = to;
        StatusChangedAt = now;
        Record(from, to, message, actor, now);
    }

    /// <summary>A notable event that does not change the status (a retry, the teardown of an expired endpoint).</summary>
    private void Note(string message, string actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        Record(Status, Status, message, actor, now);
    }

    private void Record(ConnectionStatus? from, ConnectionStatus to, string message, string actor, DateTimeOffset now)
    {
        var entry = new ConnectionEvent { ConnectionId = Id, At = now, FromStatus = from, ToStatus = to, Message = message, Actor = actor };
        Events.Add(entry);
        recorded.Add(entry);
    }

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalDays >= 1 ? $"{duration.TotalDays:0.#} days"
        : duration.TotalHours >= 1 ? $"{duration.TotalHours:0.#} hours"
        : duration.TotalMinutes >= 1 ? $"{duration.TotalMinutes:0.#} minutes"
        : $"{duration.TotalSeconds:0} seconds";
}
