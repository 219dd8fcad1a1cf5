namespace Portal.Web.Provisioning.Simulated;

public sealed record SimulatedOwnerDecision(bool Succeeded, EndpointState State, string Message);
