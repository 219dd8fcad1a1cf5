using Portal.Web.Features.Connections.Lifecycle;

namespace Portal.UnitTests.Connections;

public sealed class RetryBudgetTests
{
    [Fact]
    public void With_the_defaults_one_create_sends_at_most_288_ec2_requests_over_about_four_minutes_of_backoff()
    {
        var options = new ProvisioningWorkerOptions();

        Assert.Equal(8 * 9 * 4, options.WorstCaseEc2RequestsPerCreate);
        Assert.Equal(TimeSpan.FromSeconds(2 + 4 + 8 + 16 + 32 + 64 + 128), options.WorstCaseBackoff);
    }

    [Fact]
    public void The_backoff_ceiling_doubles_and_stops_at_the_maximum()
    {
        var options = new ProvisioningWorkerOptions { MaxAttempts = 12, BaseBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromMinutes(5) };

        Assert.Equal(TimeSpan.FromSeconds(256), RetryBackoff.Ceiling(8, options.BaseBackoff, options.MaxBackoff));
        Assert.Equal(TimeSpan.FromMinutes(5), RetryBackoff.Ceiling(9, options.BaseBackoff, options.MaxBackoff));
        Assert.Equal(TimeSpan.FromSeconds(510 + 3 * 300), options.WorstCaseBackoff);
    }
}
