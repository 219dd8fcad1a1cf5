using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Aws;

namespace Portal.UnitTests.Provisioning.Aws;

public class AwsErrorClassifierTests
{
    [Theory]
    [InlineData("RequestLimitExceeded", HttpStatusCode.BadRequest)]
    [InlineData("Throttling", HttpStatusCode.BadRequest)]
    [InlineData("InternalError", HttpStatusCode.InternalServerError)]
    [InlineData("Unavailable", HttpStatusCode.ServiceUnavailable)]
    [InlineData("", HttpStatusCode.BadGateway)]
    [InlineData("SomethingNew", HttpStatusCode.InternalServerError)]
    public void Throttling_and_server_errors_are_transient(string code, HttpStatusCode status)
    {
        var failure = AwsErrorClassifier.Classify(Ec2Error(code, "busy", status), AwsOperation.Create);

        Assert.Equal(ProvisioningFailureKind.Transient, failure.Kind);
        Assert.Equal(AwsErrorClassifier.TransientReason, failure.Reason);
    }

    [Theory]
    [InlineData("UnauthorizedOperation", HttpStatusCode.Forbidden)]
    [InlineData("AuthFailure", HttpStatusCode.Unauthorized)]
    [InlineData("InvalidParameterValue", HttpStatusCode.BadRequest)]
    [InlineData("InvalidSubnetID.NotFound", HttpStatusCode.BadRequest)]
    [InlineData("InvalidVpcID.NotFound", HttpStatusCode.BadRequest)]
    [InlineData("InvalidSecurityGroupID.NotFound", HttpStatusCode.BadRequest)]
    public void Authorization_and_configuration_errors_are_permanent_with_the_raw_error_for_support_only(string code, HttpStatusCode status)
    {
        var failure = AwsErrorClassifier.Classify(Ec2Error(code, "raw AWS words", status), AwsOperation.Create);

        Assert.Equal(ProvisioningFailureKind.Permanent, failure.Kind);
        Assert.Equal($"{code}: raw AWS words", failure.Detail);
        Assert.Equal("We could not create this endpoint; support has been notified.", failure.Reason);
        Assert.DoesNotContain(code, failure.Reason);
    }

    [Fact]
    public void Permanent_reasons_name_the_operation_in_plain_words()
    {
        Assert.Contains("check this endpoint service", AwsErrorClassifier.Classify(Ec2Error("AuthFailure", "x", HttpStatusCode.Unauthorized), AwsOperation.Verify).Reason);
        Assert.Contains("delete this endpoint", AwsErrorClassifier.Classify(Ec2Error("AuthFailure", "x", HttpStatusCode.Unauthorized), AwsOperation.Delete).Reason);
    }

    [Fact]
    public void Timeouts_and_transport_errors_are_transient()
    {
        Exception[] faults =
        [
            new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()),
            new TimeoutException(),
            new HttpRequestException("Connection refused"),
            new AmazonClientException("Error making request", new HttpRequestException("reset")),
            new AmazonServiceException("Error making request", new IOException("broken pipe")),
        ];

        Assert.All(faults, fault =>
        {
            Assert.True(AwsErrorClassifier.IsAwsOrTransportFailure(fault, CancellationToken.None));
            Assert.Equal(ProvisioningFailureKind.Transient, AwsErrorClassifier.Classify(fault, AwsOperation.Describe).Kind);
        });
    }

    [Fact]
    public void A_client_side_error_such_as_missing_credentials_is_permanent()
    {
        var failure = AwsErrorClassifier.Classify(new AmazonClientException("Failed to resolve AWS credentials."), AwsOperation.Verify);

        Assert.Equal(ProvisioningFailureKind.Permanent, failure.Kind);
        Assert.Equal("ClientError: Failed to resolve AWS credentials.", failure.Detail);
    }

    [Fact]
    public void Our_own_cancellation_and_programming_errors_are_not_classified()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(AwsErrorClassifier.IsAwsOrTransportFailure(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.False(AwsErrorClassifier.IsAwsOrTransportFailure(new NullReferenceException(), CancellationToken.None));
    }

    [Theory]
    [InlineData("RequestLimitExceeded", ProvisioningFailureKind.Transient)]
    [InlineData("DependencyViolation", ProvisioningFailureKind.Permanent)]
    public void Errors_reported_as_data_are_classified_like_exceptions(string code, ProvisioningFailureKind expected) =>
        Assert.Equal(expected, AwsErrorClassifier.FromErrorCode(code, "m", 400, AwsOperation.Delete).Kind);

    private static AmazonEC2Exception Ec2Error(string code, string message, HttpStatusCode status) =>
        new(message, ErrorType.Sender, code, "request-id", status);
}
