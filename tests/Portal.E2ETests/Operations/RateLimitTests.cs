using System.Net;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Operations;

/// <summary>A portal whose limits are tiny, so a test reaches them in a few clicks.</summary>
public sealed class TightLimitsPortal() : PortalFixture(new Dictionary<string, string?>
{
    ["Limits:Verify:PerUser:Burst"] = "1",
    ["Limits:Verify:PerUser:PerMinute"] = "1",
    ["Limits:SignIn:Burst"] = "5",
    ["Limits:SignIn:PerMinute"] = "1",
});

[Collection(BrowserCollection.Name)]
public sealed class RateLimitTests(BrowserFixture browser, TightLimitsPortal portal) : IClassFixture<TightLimitsPortal>
{
    [Fact]
    public async Task Verifying_again_and_again_gets_the_friendly_wait_message()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("grace", "/connections/new");
        var page = customer.Page;
        await ConnectionWizard.WalkToVerifyAsync(page, "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60789");

        await page.GetByTestId("verify-button").ClickAsync();
        await Expect(page.GetByTestId("verify-success")).ToBeVisibleAsync();
        await page.GetByTestId("verify-button").ClickAsync();
        await Expect(page.GetByTestId("verify-refusal")).ToHaveTextAsync("You are going a little fast: wait 60 seconds and try again.");
        await page.GetByTestId("verify-button").ClickAsync();

        await Expect(page.GetByTestId("verify-refusal")).ToContainTextAsync("You are going a little fast");
        await Expect(page.GetByTestId("wizard-next")).ToBeDisabledAsync();
        await customer.ScreenshotAsync("wizard-4-verify-rate-limited");
        Assert.Empty(customer.ConsoleErrors);
    }

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429_with_the_wait_message()
    {
        using var client = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        HttpResponseMessage? refused = null;

        // The limiter runs before the antiforgery check, so even these token-less posts count.
        for (var attempt = 0; attempt < 7 && refused is null; attempt++)
        {
            var response = await client.PostAsync("/account/dev-signin", new FormUrlEncodedContent([new("identityKey", "ada")]));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal("You are going a little fast: wait 60 seconds and try again.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
    }
}
