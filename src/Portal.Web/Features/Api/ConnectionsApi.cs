using Microsoft.AspNetCore.Mvc;
using Portal.Web.Features.Api.Contracts;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Naming;
using Portal.Web.Features.Connections.ServiceNames;

namespace Portal.Web.Features.Api;

/// <summary>
/// A workspace's connections: the wizard and the connections pages over HTTP, on the same <see cref="ConnectionService"/>
/// (same validation, messages, rate limits, tenant boundary and audit).
/// </summary>
internal static class ConnectionsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static void Map(RouteGroupBuilder workspace)
    {
        var connections = workspace.MapGroup("/connections").WithTags("Connections");

        connections.MapGet("/", ListAsync).RequireAuthorization(ApiPolicies.Read)
            .WithName("ListConnections").WithSummary("List the workspace's connections, newest first (deleted ones excluded).")
            .Produces<ApiConnectionPage>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status400BadRequest);

        connections.MapPost("/", CreateAsync).RequireAuthorization(ApiPolicies.Manage)
            .WithName("CreateConnection").WithSummary("Request a connection; the portal creates the endpoint in the background.")
            .Produces<ApiConnection>(StatusCodes.Status201Created).Produces<ApiConnection>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);

        connections.MapGet("/{connectionId:guid}", GetAsync).RequireAuthorization(ApiPolicies.Read)
            .WithName("GetConnection").WithSummary("A connection; poll with If-None-Match and its ETag.")
            .Produces<ApiConnection>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        connections.MapPatch("/{connectionId:guid}", UpdateDetailsAsync).RequireAuthorization(ApiPolicies.Manage)
            .WithName("UpdateConnectionDetails").WithSummary("Rename the connection or change its description, as on its page.")
            .Produces<ApiConnection>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        connections.MapDelete("/{connectionId:guid}", DeleteAsync).RequireAuthorization(ApiPolicies.Manage)
            .WithName("DeleteConnection").WithSummary("Ask for the connection to be deleted; deleting twice is harmless.")
            .Produces<ApiConnection>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);

        connections.MapGet("/{connectionId:guid}/timeline", TimelineAsync).RequireAuthorization(ApiPolicies.Read)
            .WithName("GetConnectionTimeline").WithSummary("The connection's timeline, newest first.")
            .Produces<ApiTimeline>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        workspace.MapPost("/service-names/verify", VerifyAsync).RequireAuthorization(ApiPolicies.Manage).WithTags("Connections")
            .WithName("VerifyServiceName").WithSummary("The wizard's verify step: check the name, and that the service exists, allowlists our principal and shares a zone.")
            .Produces<ApiVerifiedService>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ConnectionService service, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return ApiProblems.BadRequest("invalid-limit", $"limit must be between 1 and {MaxPageSize}.");
        }
        if (!ConnectionCursor.TryDecode(cursor, out var after))
        {
            return ApiProblems.BadRequest("invalid-cursor", "cursor is not one this API handed out. Start again without a cursor.");
        }
        var size = limit ?? DefaultPageSize;
        // One more than asked tells whether another page follows.
        var rows = await service.ListPageAsync(WorkspaceAccessFilter.Access(http), after, size + 1, cancellationToken);
        var items = rows.Take(size).ToList();
        var next = rows.Count > size ? ConnectionCursor.Encode(items[^1]) : null;
        if (ApiETag.Matches(http, ApiETag.ForList(items.Select(c => (c.Id, c.Version)).Append((Guid.Empty, rows.Count)))))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(new ApiConnectionPage(items.Select(ApiConnection.From).ToList(), next));
    }

    private static async Task<IResult> GetAsync(HttpContext http, ConnectionService service, Guid connectionId, CancellationToken cancellationToken)
    {
        if (await service.FindAsync(WorkspaceAccessFilter.Access(http), connectionId, cancellationToken) is not { } connection)
        {
            return ConnectionNotFound(connectionId);
        }
        return ApiETag.Matches(http, ApiETag.ForVersion(connection.Version))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(ApiConnection.From(connection));
    }

    private static async Task<IResult> TimelineAsync(HttpContext http, ConnectionService service, Guid connectionId, CancellationToken cancellationToken)
    {
        if (await service.FindAsync(WorkspaceAccessFilter.Access(http), connectionId, cancellationToken) is not { } connection)
        {
            return ConnectionNotFound(connectionId);
        }
        return ApiETag.Matches(http, ApiETag.ForVersion(connection.Version))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(new ApiTimeline(connection.Id, connection.Events.Select(ApiTimelineEntry.From).ToList()));
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, ConnectionService service, ApiConnectionInput input,
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var access = WorkspaceAccessFilter.Access(http);
        if (idempotencyKey is not null && !IdempotencyKey.IsValid(idempotencyKey))
        {
            return ApiProblems.BadRequest("invalid-idempotency-key", $"The Idempotency-Key header must be 1 to {IdempotencyKey.MaxLength} visible ASCII characters.");
        }
        var requestId = idempotencyKey is null ? Guid.CreateVersion7() : IdempotencyKey.ToRequestId(access.WorkspaceId, idempotencyKey);
        var known = idempotencyKey is null ? null : await service.FindByRequestIdAsync(access, requestId, cancellationToken);
        if (known is not null)
        {
            return SameRequest(known, input) ? Replayed(http, known) : ApiProblems.IdempotencyKeyReused();
        }

        var request = new CreateConnectionRequest(input.Region ?? "", input.ServiceName!, requestId, input.Name ?? SuggestedName(input), input.Description);
        var outcome = await service.CreateAsync(access, request, cancellationToken);
        if (outcome.RetryAfter is { } retryAfter)
        {
            return ApiProblems.TooManyRequests(http, outcome.Refusal!, retryAfter);
        }
        if (outcome.InputError is { } error)
        {
            return ApiProblems.InvalidInput(error);
        }
        if (outcome.DetailsErrors is { } detailsErrors)
        {
            return ApiProblems.InvalidDetails(detailsErrors);
        }
        if (outcome.Refusal is { } refusal)
        {
            return ApiProblems.Conflict("workspace-region-full", refusal);
        }
        var connection = (await service.FindAsync(access, outcome.ConnectionId!.Value, cancellationToken))!;
        // A concurrent request with the same key may have stored its connection first; it counts only if it asked the same.
        if (!SameRequest(connection, input))
        {
            return ApiProblems.IdempotencyKeyReused();
        }
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path.Value!.TrimEnd('/')}/{connection.Id}", ApiConnection.From(connection));
    }

    private static async Task<IResult> UpdateDetailsAsync(
        HttpContext http, ConnectionService service, Guid connectionId, ApiConnectionDetailsInput input, CancellationToken cancellationToken)
    {
        var access = WorkspaceAccessFilter.Access(http);
        if (await service.FindAsync(access, connectionId, cancellationToken) is not { } current)
        {
            return ConnectionNotFound(connectionId);
        }
        var details = new ConnectionDetails(input.Name ?? current.Name, input.Description ?? current.Description);
        var outcome = await service.UpdateDetailsAsync(access, connectionId, details, cancellationToken);
        if (!outcome.Found)
        {
            return ConnectionNotFound(connectionId);
        }
        if (outcome.Errors is { } errors)
        {
            return ApiProblems.InvalidDetails(errors);
        }
        return TypedResults.Ok(ApiConnection.From((await service.FindAsync(access, connectionId, cancellationToken))!));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, ConnectionService service, Guid connectionId, CancellationToken cancellationToken)
    {
        var access = WorkspaceAccessFilter.Access(http);
        if (await service.DeleteAsync(access, connectionId, cancellationToken) == DeleteOutcome.NotFound)
        {
            return ConnectionNotFound(connectionId);
        }
        var connection = await service.FindAsync(access, connectionId, cancellationToken);
        return TypedResults.Json(ApiConnection.From(connection!), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, ConnectionService service, ApiConnectionInput input, CancellationToken cancellationToken)
    {
        var outcome = await service.VerifyAsync(WorkspaceAccessFilter.Access(http), input.Region ?? "", input.ServiceName!, cancellationToken);
        if (outcome.RetryAfter is { } retryAfter)
        {
            return ApiProblems.TooManyRequests(http, outcome.Refusal!, retryAfter);
        }
        if (outcome.InputError is { } error)
        {
            return ApiProblems.InvalidInput(error);
        }
        if (outcome.Failure is { } failure)
        {
            return ApiProblems.VerificationFailed(failure);
        }
        var verified = outcome.Service!;
        return TypedResults.Ok(new ApiVerifiedService(outcome.ServiceName!, outcome.Note, verified.AcceptanceRequired, verified.PrivateDnsName,
            verified.SharedZones.Select(z => z.ZoneId).ToList()));
    }

    /// <summary>The fingerprint of a create is what it asks for: a repeat must name the same region and service.</summary>
    private static bool SameRequest(Connection known, ApiConnectionInput input) =>
        string.Equals(known.Region, input.Region?.Trim(), StringComparison.Ordinal)
        && ServiceNameParser.Parse(input.ServiceName).Name is { } name
        && name == known.ServiceName;

    private static IResult Replayed(HttpContext http, Connection connection)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(ApiConnection.From(connection));
    }

    private static IResult ConnectionNotFound(Guid connectionId) =>
        ApiProblems.NotFound($"There is no connection {connectionId} in this workspace.");

    /// <summary>The wizard's suggestion when the caller names no connection; a name the service refuses anyway if the service name is bad.</summary>
    private static string SuggestedName(ApiConnectionInput input) =>
        ServiceNameParser.Parse(input.ServiceName, input.Region).Name is { } name
            ? ConnectionNames.Suggest(name.Region, name.ServiceId)
            : "";
}
