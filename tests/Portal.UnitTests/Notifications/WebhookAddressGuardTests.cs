using System.Net;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Notifications;

namespace Portal.UnitTests.Notifications;

public sealed class WebhookAddressGuardTests
{
    private static WebhookAddressGuard Guard(bool allowLoopback = false) =>
        new(Options.Create(new NotificationOptions { Webhooks = new() { AllowLoopback = allowLoopback } }));

    [Theory]
    [InlineData("https://hooks.example.com/portal")]
    [InlineData("https://hooks.example.com:8443/portal?token=abc")]
    [InlineData("https://203.0.113.7/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    public void Public_https_addresses_are_accepted(string url) => Assert.Null(Guard().CheckUrl(url));

    [Theory]
    [InlineData("http://hooks.example.com/portal")]
    [InlineData("ftp://hooks.example.com/portal")]
    [InlineData("hooks.example.com/portal")]
    [InlineData("")]
    [InlineData("https://user:password@hooks.example.com/")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://172.16.0.1/hook")]
    [InlineData("https://172.31.255.255/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00:ec2::254]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:169.254.169.254]/hook")]
    [InlineData("https://224.0.0.1/hook")]
    public void Internal_or_unencrypted_addresses_are_refused(string url) => Assert.NotNull(Guard().CheckUrl(url));

    [Fact]
    public void The_loopback_switch_for_tests_allows_loopback_over_http_and_nothing_else()
    {
        var guard = Guard(allowLoopback: true);
        Assert.Null(guard.CheckUrl("http://127.0.0.1:5123/hook"));
        Assert.Null(guard.CheckUrl("http://localhost:5123/hook"));
        Assert.NotNull(guard.CheckUrl("http://hooks.example.com/hook"));
        Assert.NotNull(guard.CheckUrl("https://169.254.169.254/"));
        Assert.NotNull(guard.CheckUrl("https://10.1.2.3/"));
    }

    [Fact]
    public async Task A_name_that_resolves_to_an_internal_address_is_refused_on_save_and_at_connect_time()
    {
        // "localhost" stands for any name whose DNS answer points inside (DNS rebinding included): the resolved
        // addresses are checked, not the name.
        var guard = Guard();
        Assert.NotNull(await guard.CheckAsync("https://localhost/hook", CancellationToken.None));
        await Assert.ThrowsAsync<HttpRequestException>(() => guard.ResolveAllowedAsync("localhost", CancellationToken.None));
        await Assert.ThrowsAsync<HttpRequestException>(() => guard.ResolveAllowedAsync("169.254.169.254", CancellationToken.None));
        Assert.Equal([IPAddress.Parse("203.0.113.7")], await guard.ResolveAllowedAsync("203.0.113.7", CancellationToken.None));
    }

    [Fact]
    public async Task The_webhook_client_never_connects_to_a_refused_address()
    {
        using var client = new HttpClient(WebhookSender.CreateHandler(Guard()));
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://127.0.0.1:9/"));
        Assert.Contains("private or internal", error.Message + error.InnerException?.Message);
    }
}
