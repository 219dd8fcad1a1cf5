using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.E2ETests.Infrastructure;
using Portal.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Connections;

namespace Portal.E2ETests.Api;

/// <summary>
/// The API takes access tokens from a real OpenID Connect provider (tests/oidc-provider, client credentials), validated
/// through the provider's discovery document and JWKS alone: configuration only, as a customer's provider would be used.
/// </summary>
public sealed class ProviderTokenTests(ProviderApiFixture fixture) : IClassFixture<ProviderApiFixture>
{
    private const string ReadAndManage = "connections.read connections.manage";

    [Fact]
    public async Task An_acme_client_token_lists_its_workspace_and_creates_a_connection_that_the_list_then_shows()
    {
        using var api = Client(await fixture.Provider.ClientCredentialsTokenAsync(OidcProvider.AcmeApiClient, ReadAndManage));
        const string serviceName = "com.amazonaws.vpce.us-east-1.vpce-svc-0aaa0000000000001";

        using var before = await api.GetAsync("/api/v1/workspaces/ws-acme/connections");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.DoesNotContain(serviceName, await ServiceNamesAsync(before));

        using var created = await api.PostAsJsonAsync("/api/v1/workspaces/ws-acme/connections", new { region = "us-east-1", serviceName });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var after = await api.GetAsync("/api/v1/workspaces/ws-acme/connections");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var items = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        var listed = Assert.Single(items, item => item.GetProperty("id").GetGuid() == id);
        Assert.Equal(serviceName, listed.GetProperty("serviceName").GetString());
    }

    [Fact]
    public async Task A_token_with_only_the_read_scope_reads_but_may_not_create()
    {
        using var api = Client(await fixture.Provider.ClientCredentialsTokenAsync(OidcProvider.AcmeApiClient, "connections.read"));

        using var list = await api.GetAsync("/api/v1/workspaces/ws-acme-staging/connections");
        using var create = await api.PostAsJsonAsync("/api/v1/workspaces/ws-acme-staging/connections",
            new { region = "us-east-1", serviceName = "com.amazonaws.vpce.us-east-1.vpce-svc-0aaa0000000000002" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Empty(await ConnectionsAsync("ws-acme-staging"));
    }

    [Fact]
    public async Task The_acme_token_is_refused_on_another_workspace_and_nothing_of_that_workspace_changes()
    {
        var globex = await SeedAsync(ConnectionSeeds.InStatus(ConnectionStatus.Failed, "ws-globex", "com.amazonaws.vpce.us-west-2.vpce-svc-0bbb0000000000001"));
        var globexBefore = Snapshot(await ConnectionsAsync("ws-globex"));
        using var api = Client(await fixture.Provider.ClientCredentialsTokenAsync(OidcProvider.AcmeApiClient, ReadAndManage));

        using var list = await api.GetAsync("/api/v1/workspaces/ws-globex/connections");
        using var read = await api.GetAsync($"/api/v1/workspaces/ws-globex/connections/{globex.Id}");
        using var create = await api.PostAsJsonAsync("/api/v1/workspaces/ws-globex/connections",
            new { region = "us-west-2", serviceName = "com.amazonaws.vpce.us-west-2.vpce-svc-0bbb0000000000002" });
        using var delete = await api.DeleteAsync($"/api/v1/workspaces/ws-globex/connections/{globex.Id}");

        foreach (var response in new[] { list, read, create, delete })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("You are not a member of workspace", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(globexBefore, Snapshot(await ConnectionsAsync("ws-globex")));
    }

    [Fact]
    public async Task Support_routes_refuse_the_acme_client_and_answer_the_support_client()
    {
        var globex = await SeedAsync(ConnectionSeeds.InStatus(ConnectionStatus.Failed, "ws-globex", "com.amazonaws.vpce.us-west-2.vpce-svc-0bbb0000000000003"));
        using var acme = Client(await fixture.Provider.ClientCredentialsTokenAsync(OidcProvider.AcmeApiClient, ReadAndManage));
        using var support = Client(await fixture.Provider.ClientCredentialsTokenAsync(OidcProvider.SupportApiClient, "connections.read"));

        using var refused = await acme.GetAsync("/api/v1/support/connections?pageSize=100");
        using var answered = await support.GetAsync($"/api/v1/support/connections?workspaceId=ws-globex&pageSize=100");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var items = (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
        Assert.Contains(items, item => item.GetProperty("id").GetGuid() == globex.Id);
    }

    [Fact]
    public async Task A_provider_token_whose_signature_was_tampered_with_is_a_401()
    {
        var token = await fixture.Provider.ClientCredentialsTokenAsync(OidcProvider.AcmeApiClient, ReadAndManage);
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        // A character in the middle: every one of its bits is part of the signature (the last one may only carry padding).
        var middle = signature.Length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        using var api = Client($"{parts[0]}.{parts[1]}.{new string(signature)}");

        using var response = await api.GetAsync("/api/v1/workspaces/ws-acme/connections");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_genuine_provider_token_for_another_audience_is_a_401()
    {
        using var api = Client(await fixture.Provider.ClientCredentialsTokenAsync(OidcProvider.AcmeApiClient, ReadAndManage, OidcProvider.OtherAudience));

        using var response = await api.GetAsync("/api/v1/workspaces/ws-acme/connections");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_tests_own_signing_key_is_not_trusted_when_the_api_points_at_the_provider()
    {
        // Same issuer, audience and claims as the provider's tokens, signed by a key the provider's JWKS does not publish.
        using var api = Client(ApiTokens.Create("ada", ["ws-acme"], ApiTokens.Manage, issuer: fixture.Provider.Issuer, audience: OidcProvider.ApiAudience));

        using var response = await api.GetAsync("/api/v1/workspaces/ws-acme/connections");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<List<string?>> ServiceNamesAsync(HttpResponseMessage list) =>
        (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("serviceName").GetString()).ToList();

    private async Task<Connection> SeedAsync(Connection connection)
    {
        await using var db = await fixture.Host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return connection;
    }

    private async Task<List<Connection>> ConnectionsAsync(string workspaceId)
    {
        await using var db = await fixture.Host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Connections.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).ToListAsync();
    }

    private static string Snapshot(IEnumerable<Connection> connections) =>
        string.Join("\n", connections.OrderBy(c => c.Id).Select(c => $"{c.Id} {c.ServiceName.Value} {c.Status} {c.PendingOperation} {c.DeletedAt} {c.UpdatedAt:O}"));
}
