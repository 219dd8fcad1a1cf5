using System.Net;

namespace Portal.IntegrationTests.Http;

/// <summary>Support pages refuse customers with a 403 and the access-denied page, never the page itself.</summary>
[Collection(PortalOverHttp.Name)]
public sealed class AccessDeniedTests(PortalWebApp app)
{
    public static TheoryData<string> AdminUrls => new()
    {
        "/admin",
        "/admin/connections",
        "/admin/regions",
        "/admin/regions/us-east-1",
        "/admin/audit",
        "/admin/egress-requests",
        $"/admin/connections/{Guid.NewGuid()}",
    };

    [Theory]
    [MemberData(nameof(AdminUrls))]
    public async Task A_customer_gets_403_and_the_access_denied_page_on_every_admin_url(string url)
    {
        using var grace = await app.SignInAsync("grace");

        using var response = await grace.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("data-testid=\"access-denied\"", html);
        Assert.Contains("Access denied", html);
        Assert.Contains("Your account does not have access to this page.", html);
        // None of the admin page itself: the access-denied heading is the page's only <h1>.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1"));
    }

    [Fact]
    public async Task The_same_admin_url_opens_for_support()
    {
        using var sam = await app.SignInAsync("sam");

        using var response = await sam.GetAsync("/admin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"access-denied\"", html);
        Assert.Contains("<h1", html);
    }
}
