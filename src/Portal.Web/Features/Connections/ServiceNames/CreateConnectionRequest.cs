namespace Portal.Web.Features.Connections.ServiceNames;

/// <summary>
/// What a customer asks for, as typed. <paramref name="RequestId"/> is generated once per wizard, so a double submit is one
/// request; the workspace comes from the caller's access. <paramref name="Name"/> and <paramref name="Description"/> are
/// checked by <c>ConnectionDetailsValidator</c>.
/// </summary>
public sealed record CreateConnectionRequest(string Region, string ServiceName, Guid RequestId, string Name, string? Description = null);
