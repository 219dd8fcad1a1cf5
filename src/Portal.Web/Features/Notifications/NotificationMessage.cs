using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Notifications;

/// <summary>What a notification says: one summary line (the e-mail subject) and the JSON a webhook receives.</summary>
public sealed record NotificationMessage(string EventType, string Summary, string Payload, Guid? ConnectionId, string? DedupeKey = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static NotificationMessage StatusChanged(Connection connection, ConnectionEvent move, string? portalUrl) => new(
        NotificationEventTypes.StatusChanged,
        $"{ServiceId(connection)} is now {ConnectionStatusText(move.ToStatus)}",
        Serialize(new
        {
            type = NotificationEventTypes.StatusChanged,
            occurredAt = move.At,
            workspaceId = connection.WorkspaceId,
            connection = Describe(connection, portalUrl),
            previousStatus = move.FromStatus,
            status = move.ToStatus,
            message = move.Message,
            failureReason = move.ToStatus == ConnectionStatus.Failed ? connection.FailureReason : null,
        }),
        connection.Id);

    public static NotificationMessage ExpiryReminder(Connection connection, DateTimeOffset deadline, DateTimeOffset now, string? portalUrl) => new(
        NotificationEventTypes.ExpiryReminder,
        $"{ServiceId(connection)} expires {deadline:yyyy-MM-dd HH:mm} UTC unless the service owner accepts it",
        Serialize(new
        {
            type = NotificationEventTypes.ExpiryReminder,
            occurredAt = now,
            workspaceId = connection.WorkspaceId,
            connection = Describe(connection, portalUrl),
            status = connection.Status,
            acceptanceDeadline = deadline,
            message = $"The owner of {connection.ServiceName} has not accepted the connection yet. It expires at {deadline:yyyy-MM-dd HH:mm} UTC and its endpoint is then deleted.",
        }),
        connection.Id,
        $"reminder:{connection.Id:N}:{deadline.UtcTicks}");

    public static NotificationMessage Test(string workspaceId, string requestedBy, DateTimeOffset now) => new(
        NotificationEventTypes.Test,
        "Test notification from PrivateLink Portal",
        Serialize(new
        {
            type = NotificationEventTypes.Test,
            occurredAt = now,
            workspaceId,
            message = $"{requestedBy} sent this test notification. Your subscription works.",
        }),
        null);

    /// <summary>The plain text of the e-mail: the summary, the message and the facts of the payload.</summary>
    public static string EmailText(string summary, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var lines = new List<string> { summary, "" };
        if (root.TryGetProperty("message", out var message))
        {
            lines.Add(message.GetString() ?? "");
            lines.Add("");
        }
        if (root.TryGetProperty("connection", out var connection))
        {
            foreach (var property in connection.EnumerateObject())
            {
                lines.Add($"{property.Name}: {property.Value}");
            }
        }
        lines.Add($"workspace: {root.GetProperty("workspaceId").GetString()}");
        lines.Add("");
        lines.Add("You receive this because your workspace subscribed to PrivateLink Portal notifications. Manage them on the Notifications page.");
        return string.Join("\n", lines);
    }

    private static object Describe(Connection connection, string? portalUrl) => new
    {
        id = connection.Id,
        serviceName = connection.ServiceName.Value,
        region = connection.Region,
        endpointId = connection.EndpointId,
        url = string.IsNullOrWhiteSpace(portalUrl) ? null : $"{portalUrl.TrimEnd('/')}/connections/{connection.Id}",
    };

    private static string ServiceId(Connection connection) => $"Connection to {connection.ServiceName.ServiceId}";

    private static string ConnectionStatusText(ConnectionStatus status) => status switch
    {
        ConnectionStatus.PendingAcceptance => "waiting for acceptance",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Serialize(object value) => JsonSerializer.Serialize(value, Json);
}
