using Portal.Web.Provisioning;

namespace Portal.UnitTests.Provisioning;

public class EndpointStatesTests
{
    [Theory]
    [InlineData("pendingAcceptance", EndpointState.PendingAcceptance)]
    [InlineData("PendingAcceptance", EndpointState.PendingAcceptance)]
    [InlineData("pending", EndpointState.Pending)]
    [InlineData("available", EndpointState.Available)]
    [InlineData("Available", EndpointState.Available)]
    [InlineData("partial", EndpointState.Partial)]
    [InlineData("rejected", EndpointState.Rejected)]
    [InlineData("expired", EndpointState.Expired)]
    [InlineData("failed", EndpointState.Failed)]
    [InlineData("deleting", EndpointState.Deleting)]
    [InlineData("deleted", EndpointState.Deleted)]
    [InlineData("somethingNew", EndpointState.Unknown)]
    [InlineData("", EndpointState.Unknown)]
    [InlineData(null, EndpointState.Unknown)]
    public void Aws_states_map_without_regard_to_case_and_unknown_values_never_throw(string? raw, EndpointState expected) =>
        Assert.Equal(expected, EndpointStates.Parse(raw));
}
