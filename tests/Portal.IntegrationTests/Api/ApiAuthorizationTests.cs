using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Portal.Tests.Shared;

namespace Portal.IntegrationTests.Api;

/// <summary>Who may call what: bearer tokens only, scopes, the Support role, and workspaces that never see each other.</summary>
[Collection(PortalApi.Name)]
public sealed class ApiAuthorizationTests(ApiWebApp app)
{
    private static readonly Guid AnyId = Guid.NewGuid();

    public static TheoryData<string, string> CustomerRoutes => new()
    {
        { "GET", "/api/v1/workspaces/ws-a/connections" },
        { "POST", "/api/v1/workspaces/ws-a/connections" },
        { "GET", $"/api/v1/workspaces/ws-a/connections/{AnyId}" },
        { "DELETE", $"/api/v1/workspaces/ws-a/connections/{AnyId}" },
        { "GET", $"/api/v1/workspaces/ws-a/connections/{AnyId}/timeline" },
        { "POST", "/api/v1/workspaces/ws-a/service-names/verify" },
        { "GET", "/api/v1/workspaces/ws-a/regions/us-east-1/egress-ips" },
        { "GET", "/api/v1/regions" },
        { "GET", "/api/v1/regions/us-east-1" },
    };

    public static TheoryData<string, string> SupportRoutes => new()
    {
        { "GET", "/api/v1/support/connections" },
        { "GET", $"/api/v1/support/connections/{AnyId}" },
        { "POST", $"/api/v1/support/connections/{AnyId}/retry" },
    };

    [Theory]
    [MemberData(nameof(CustomerRoutes))]
    [MemberData(nameof(SupportRoutes))]
    public async Task Without_a_token_every_route_is_a_401_problem_never_a_sign_in_redirect(string method, string url)
    {
        using var response = await app.Client(null).SendAsync(Request(method, url));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization header", problem.GetProperty("detail").GetString());
    }

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "another issuer", ApiTokens.Create("u1", ["ws-a"], ApiTokens.Manage, issuer: "https://evil.example") },
        { "another audience", ApiTokens.Create("u1", ["ws-a"], ApiTokens.Manage, audience: "someone-else") },
        { "expired", ApiTokens.Create("u1", ["ws-a"], ApiTokens.Manage, lifetime: TimeSpan.FromMinutes(-10)) },
        { "signed with another key", ApiTokens.Create("u1", ["ws-a"], ApiTokens.Manage, signingKey: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "portal-test-key" }) },
        { "not a token", "not-a-jwt" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_token_the_provider_did_not_issue_for_us_is_a_401(string why, string token)
    {
        using var response = await app.Client(token).GetAsync("/api/v1/workspaces/ws-a/connections");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        Assert.True(problem.GetProperty("detail").GetString()!.Contains("refused"), why);
    }

    [Fact]
    public async Task The_portals_sign_in_cookie_does_not_open_the_api()
    {
        var (client, workspace) = app.NewCustomer();
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.Add("Cookie", "portal.auth=anything");

        await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_read_scope_reads_but_cannot_change_and_no_scope_cannot_even_read()
    {
        var (reader, workspace) = app.NewCustomer(ApiTokens.Read);
        await (await reader.GetAsync($"/api/v1/workspaces/{workspace}/connections")).AssertJsonAsync(HttpStatusCode.OK);
        var problem = await (await reader.CreateAsync(workspace, "us-east-1", ApiResponses.NewServiceName())).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("connections.manage", problem.GetProperty("detail").GetString());
        await (await reader.VerifyAsync(workspace, "us-east-1", ApiResponses.NewServiceName())).AssertProblemAsync(HttpStatusCode.Forbidden);

        var noScope = app.Client(ApiTokens.Create("u-none", [workspace], scope: null));
        await (await noScope.GetAsync($"/api/v1/workspaces/{workspace}/connections")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(SupportRoutes))]
    public async Task A_customer_token_never_reaches_a_support_endpoint(string method, string url)
    {
        var (customer, _) = app.NewCustomer();

        await (await customer.SendAsync(Request(method, url))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_of_workspace_A_never_reads_or_changes_workspace_B()
    {
        var (a, workspaceA) = app.NewCustomer();
        var (b, workspaceB) = app.NewCustomer();
        var bId = (await (await b.CreateAsync(workspaceB, "us-east-1", ApiResponses.NewServiceName())).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var before = await (await b.GetAsync($"/api/v1/workspaces/{workspaceB}/connections/{bId}/timeline")).AssertJsonAsync(HttpStatusCode.OK);

        // B's workspace in the URL: A is not a member.
        foreach (var (method, url) in new[]
        {
            ("GET", $"/api/v1/workspaces/{workspaceB}/connections"),
            ("GET", $"/api/v1/workspaces/{workspaceB}/connections/{bId}"),
            ("GET", $"/api/v1/workspaces/{workspaceB}/connections/{bId}/timeline"),
            ("DELETE", $"/api/v1/workspaces/{workspaceB}/connections/{bId}"),
            ("PATCH", $"/api/v1/workspaces/{workspaceB}/connections/{bId}"),
            ("POST", $"/api/v1/workspaces/{workspaceB}/connections"),
            ("POST", $"/api/v1/workspaces/{workspaceB}/service-names/verify"),
            ("GET", $"/api/v1/workspaces/{workspaceB}/regions/us-east-1/egress-ips"),
        })
        {
            var problem = await (await a.SendAsync(Request(method, url, new { region = "us-east-1", serviceName = ApiResponses.NewServiceName() }))).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal($"You are not a member of workspace {workspaceB}.", problem.GetProperty("detail").GetString());
        }

        // B's connection id under A's own workspace: it does not exist there.
        await (await a.GetAsync($"/api/v1/workspaces/{workspaceA}/connections/{bId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await a.GetAsync($"/api/v1/workspaces/{workspaceA}/connections/{bId}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await a.DeleteAsync($"/api/v1/workspaces/{workspaceA}/connections/{bId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await a.PatchAsJsonAsync($"/api/v1/workspaces/{workspaceA}/connections/{bId}", new { name = "Taken over" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var listA = await (await a.GetAsync($"/api/v1/workspaces/{workspaceA}/connections")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Empty(listA.GetProperty("items").EnumerateArray());

        // Nothing of B changed: no delete was requested, its timeline has no entry by A.
        var after = await (await b.GetAsync($"/api/v1/workspaces/{workspaceB}/connections/{bId}/timeline")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), e => e.GetProperty("actor").GetString() == $"API user user-{workspaceA}");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), e => e.GetProperty("toStatus").GetString() is "Deleting" or "Deleted");
        Assert.True(after.GetProperty("items").GetArrayLength() >= before.GetProperty("items").GetArrayLength());
        var listB = await (await b.GetAsync($"/api/v1/workspaces/{workspaceB}/connections")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(bId, Assert.Single(listB.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Support_sees_every_workspace_and_retries_a_failed_connection()
    {
        var (customer, workspace) = app.NewCustomer();
        // The simulated AWS fails this service permanently.
        var id = (await (await customer.CreateAsync(workspace, "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000500")).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var support = app.Client(ApiTokens.Support());

        var page = await (await support.GetAsync($"/api/v1/support/connections?workspaceId={workspace}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());

        var failed = await support.WaitForStatusAsync($"/api/v1/support/connections/{id}", c => c.GetProperty("connection").GetProperty("status"), "Failed");
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("connection").GetProperty("failureReason").GetString()));

        var retried = await (await support.PostAsync($"/api/v1/support/connections/{id}/retry", null)).AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Contains(retried.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("(support) retried the creation"));

        await (await support.GetAsync($"/api/v1/support/connections/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        // Support is not a member of the customer's workspace: the customer routes stay closed.
        await (await support.GetAsync($"/api/v1/workspaces/{workspace}/connections")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Support_cannot_retry_a_connection_that_has_not_failed()
    {
        var (customer, workspace) = app.NewCustomer();
        var id = (await (await customer.CreateAsync(workspace, "us-east-1", ApiResponses.NewServiceName())).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var problem = await (await app.Client(ApiTokens.Support()).PostAsync($"/api/v1/support/connections/{id}/retry", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Only a failed connection can be retried.", problem.GetProperty("detail").GetString());
    }

    private static HttpRequestMessage Request(string method, string url, object? body = null) =>
        new(new HttpMethod(method), url) { Content = method is "POST" or "PATCH" ? JsonContent.Create(body ?? new { region = "us-east-1", serviceName = "x" }) : null };
}
