using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Admin;

public sealed record StatusCount(ConnectionStatus Status, int Count);
