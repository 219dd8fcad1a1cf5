using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Tests.Shared;
using Portal.Web.Features.Connections.Naming;
using Portal.Web.Features.Connections.ServiceNames;

namespace Portal.IntegrationTests.Api;

/// <summary>The customer endpoints against the real app: the wizard's rules, messages and limits, over HTTP.</summary>
[Collection(PortalApi.Name)]
public sealed class ConnectionsApiTests(ApiWebApp app)
{
    private const string Offered = "eu-central-1, eu-west-1, us-east-1, us-east-2, us-west-2";

    [Fact]
    public async Task A_connection_is_verified_created_read_polled_listed_and_deleted()
    {
        var (client, workspace) = app.NewCustomer();
        var name = ApiResponses.NewServiceName();

        var verified = await (await client.VerifyAsync(workspace, "us-east-1", "  " + name.ToUpperInvariant())).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(name, verified.GetProperty("serviceName").GetString());
        Assert.Equal("We removed surrounding spaces and changed capitals to lower case.", verified.GetProperty("note").GetString());
        Assert.NotEmpty(verified.GetProperty("sharedZoneIds").EnumerateArray());

        using var created = await client.CreateAsync(workspace, "us-east-1", name, idempotencyKey: Guid.NewGuid().ToString());
        var connection = await created.AssertJsonAsync(HttpStatusCode.Created);
        var id = connection.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/workspaces/{workspace}/connections/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(workspace, connection.GetProperty("workspaceId").GetString());
        Assert.Equal(name, connection.GetProperty("serviceName").GetString());
        Assert.Equal("Requested", connection.GetProperty("status").GetString());

        using var read = await client.GetAsync($"/api/v1/workspaces/{workspace}/connections/{id}");
        Assert.Equal(id, (await read.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetGuid());
        var etag = read.Headers.ETag!;

        var list = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("nextCursor").ValueKind);

        var timeline = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections/{id}/timeline")).AssertJsonAsync(HttpStatusCode.OK);
        var first = timeline.GetProperty("items").EnumerateArray().Last();
        Assert.Equal("Requested", first.GetProperty("toStatus").GetString());
        Assert.Equal($"API user user-{workspace} requested the connection \"us-east-1 {name.Split('.')[^1]}\" to {name} in us-east-1.", first.GetProperty("message").GetString());

        var deleted = await (await client.DeleteAsync($"/api/v1/workspaces/{workspace}/connections/{id}")).AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Contains(deleted.GetProperty("status").GetString(), new[] { "Deleting", "Deleted" });

        // The poller's old ETag no longer matches: the change comes back in full.
        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/workspaces/{workspace}/connections/{id}");
        poll.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(poll);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);

        // Deleting twice is harmless.
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"/api/v1/workspaces/{workspace}/connections/{id}")).StatusCode);
    }

    [Fact]
    public async Task Polling_with_the_ETag_answers_304_until_the_connection_changes()
    {
        var (client, workspace) = app.NewCustomer();
        var id = (await (await client.CreateAsync(workspace, "us-east-1", ApiResponses.NewServiceName())).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Let the simulated provisioning settle enough that two reads in a row see the same version.
        EntityTagHeaderValue etag;
        HttpResponseMessage notModified;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            using var read = await client.GetAsync($"/api/v1/workspaces/{workspace}/connections/{id}");
            etag = read.Headers.ETag!;
            using var poll = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/workspaces/{workspace}/connections/{id}");
            poll.Headers.IfNoneMatch.Add(etag);
            notModified = await client.SendAsync(poll);
        }
        while (notModified.StatusCode != HttpStatusCode.NotModified && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(ServiceNameExamples.BadNames), MemberType = typeof(ServiceNameExamples))]
    public async Task Every_wrong_service_name_gets_400_with_the_wizards_message(string? input, string? region, ServiceNameErrorCode code, string message)
    {
        var (client, workspace) = app.NewCustomer();

        var created = await (await client.CreateAsync(workspace, region, input)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var verified = await (await client.VerifyAsync(workspace, region, input)).AssertProblemAsync(HttpStatusCode.BadRequest);

        foreach (var problem in new[] { created, verified })
        {
            if (region is null)
            {
                // The wizard cannot get this far without a region; the API says what the region step says.
                Assert.Equal(ServiceNameMessages.ChooseRegion, problem.GetProperty("detail").GetString());
                Assert.Equal("region", problem.GetProperty("field").GetString());
            }
            else
            {
                Assert.Equal(message, problem.GetProperty("detail").GetString());
                Assert.Equal(code.ToString(), problem.GetProperty("code").GetString());
                Assert.Equal("serviceName", problem.GetProperty("field").GetString());
            }
        }
        var list = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_region_we_do_not_offer_is_refused_like_the_wizard_refuses_it()
    {
        var (client, workspace) = app.NewCustomer();

        var problem = await (await client.CreateAsync(workspace, "ap-south-1", "com.amazonaws.vpce.ap-south-1.vpce-svc-0a1b2c3d")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"We do not offer PrivateLink in ap-south-1. Choose one of: {Offered}.", problem.GetProperty("detail").GetString());
        Assert.Equal("region", problem.GetProperty("field").GetString());

        var region = await (await client.GetAsync("/api/v1/regions/ap-south-1")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("PrivateLink is not offered in ap-south-1 at the moment, so it has no egress IPs to show. Pick another region.", region.GetProperty("detail").GetString());
        await (await client.GetAsync($"/api/v1/workspaces/{workspace}/regions/ap-south-1/egress-ips")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_service_already_connected_in_the_workspace_is_a_409_with_the_wizards_message()
    {
        var (client, workspace) = app.NewCustomer();
        var name = ApiResponses.NewServiceName();
        await (await client.CreateAsync(workspace, "us-east-1", name)).AssertJsonAsync(HttpStatusCode.Created);

        var problem = await (await client.CreateAsync(workspace, "us-east-1", name)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(ServiceNameMessages.AlreadyConnected, problem.GetProperty("detail").GetString());
        Assert.Equal("AlreadyConnected", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_connection_is_named_by_the_caller_and_a_taken_or_badly_formed_name_is_refused_with_the_wizards_message()
    {
        var (client, workspace) = app.NewCustomer();
        var path = $"/api/v1/workspaces/{workspace}/connections";

        var named = await (await client.PostAsJsonAsync(path, new { region = "us-east-1", serviceName = ApiResponses.NewServiceName(), name = "Orders DB", description = "Primary" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("Orders DB", "Primary"), (named.GetProperty("name").GetString(), named.GetProperty("description").GetString()));

        var taken = await (await client.PostAsJsonAsync(path, new { region = "us-east-1", serviceName = ApiResponses.NewServiceName(), name = " orders db " }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal((ConnectionNames.Taken("orders db"), "name"), (taken.GetProperty("detail").GetString(), taken.GetProperty("field").GetString()));

        var bad = await (await client.PostAsJsonAsync(path, new { region = "us-east-1", serviceName = ApiResponses.NewServiceName(), name = "!orders" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal((ConnectionNames.BadCharacters, "name"), (bad.GetProperty("detail").GetString(), bad.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_connection_is_renamed_and_its_description_changed_with_the_pages_rules()
    {
        var (client, workspace) = app.NewCustomer();
        var path = $"/api/v1/workspaces/{workspace}/connections";
        var id = (await (await client.PostAsJsonAsync(path, new { region = "us-east-1", serviceName = ApiResponses.NewServiceName(), name = "Orders DB", description = "Primary" }))
            .AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await client.PostAsJsonAsync(path, new { region = "us-east-1", serviceName = ApiResponses.NewServiceName(), name = "Billing" }))
            .AssertJsonAsync(HttpStatusCode.Created);

        var renamed = await (await client.PatchAsJsonAsync($"{path}/{id}", new { name = "  Orders DB primary " })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Orders DB primary", "Primary"), (renamed.GetProperty("name").GetString(), renamed.GetProperty("description").GetString()));
        var cleared = await (await client.PatchAsJsonAsync($"{path}/{id}", new { description = "" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Orders DB primary", JsonValueKind.Null), (cleared.GetProperty("name").GetString(), cleared.GetProperty("description").ValueKind));
        var timeline = await (await client.GetAsync($"{path}/{id}/timeline")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("renamed the connection from \"Orders DB\" to \"Orders DB primary\""));

        var taken = await (await client.PatchAsJsonAsync($"{path}/{id}", new { name = "BILLING" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal((ConnectionNames.Taken("BILLING"), "name", "NameTaken"), (taken.GetProperty("detail").GetString(), taken.GetProperty("field").GetString(), taken.GetProperty("code").GetString()));
        var bad = await (await client.PatchAsJsonAsync($"{path}/{id}", new { name = "!orders" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal((ConnectionNames.BadCharacters, "name"), (bad.GetProperty("detail").GetString(), bad.GetProperty("field").GetString()));
        var unchanged = await (await client.GetAsync($"{path}/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Orders DB primary", unchanged.GetProperty("name").GetString());

        await (await client.DeleteAsync($"{path}/{id}")).AssertJsonAsync(HttpStatusCode.Accepted);
        await client.WaitForStatusAsync($"{path}/{id}", c => c.GetProperty("status"), "Deleted");
        var deleted = await (await client.PatchAsJsonAsync($"{path}/{id}", new { name = "Renamed after delete" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("ConnectionDeleted", deleted.GetProperty("code").GetString());
        await (await client.PatchAsJsonAsync($"{path}/{Guid.NewGuid()}", new { name = "Nowhere" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_service_that_does_not_allowlist_us_fails_verification_with_the_reason_the_wizard_shows()
    {
        var (client, workspace) = app.NewCustomer();

        var problem = await (await client.VerifyAsync(workspace, "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000404")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("ServiceNotFoundOrNotAllowlisted", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_repeat_with_the_same_Idempotency_Key_returns_the_same_connection()
    {
        var (client, workspace) = app.NewCustomer();
        var name = ApiResponses.NewServiceName();
        var key = Guid.NewGuid().ToString();

        var first = await (await client.CreateAsync(workspace, "us-east-1", name, key)).AssertJsonAsync(HttpStatusCode.Created);
        using var again = await client.CreateAsync(workspace, "us-east-1", " " + name.ToUpperInvariant(), key);
        var repeat = await again.AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("id").GetGuid(), repeat.GetProperty("id").GetGuid());
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        var list = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_a_different_request_is_a_422_and_stores_nothing()
    {
        var (client, workspace) = app.NewCustomer();
        var key = Guid.NewGuid().ToString();
        await (await client.CreateAsync(workspace, "us-east-1", ApiResponses.NewServiceName(), key)).AssertJsonAsync(HttpStatusCode.Created);

        var problem = await (await client.CreateAsync(workspace, "us-east-1", ApiResponses.NewServiceName(), key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("urn:privatelink-portal:problem:idempotency-key-reused", problem.GetProperty("type").GetString());
        var list = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Concurrent_creates_with_one_Idempotency_Key_store_one_connection()
    {
        var (client, workspace) = app.NewCustomer();
        var name = ApiResponses.NewServiceName();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.CreateAsync(workspace, "us-east-1", name, key)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        var list = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(ids[0], Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_list_pages_with_a_cursor_newest_first_without_gaps_or_repeats()
    {
        var (client, workspace) = app.NewCustomer();
        var created = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 5))
        {
            created.Add((await (await client.CreateAsync(workspace, "us-east-1", ApiResponses.NewServiceName())).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        var seen = new List<Guid>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).AssertJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
        await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections?cursor=not-a-cursor")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections?limit=101")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Creating_faster_than_the_wizard_allows_is_a_429_with_Retry_After()
    {
        var (client, workspace) = app.NewCustomer();
        // The per-user allowance for creates is a burst of 5 (Limits:Create:PerUser), refused input included, as in the UI.
        foreach (var _ in Enumerable.Range(0, 5))
        {
            await (await client.CreateAsync(workspace, "us-east-1", "hello")).AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using var refused = await client.CreateAsync(workspace, "us-east-1", ApiResponses.NewServiceName());
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);

        var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.InRange(seconds, 1, 60);
        Assert.Equal($"You are going a little fast: wait {seconds} {(seconds == 1 ? "second" : "seconds")} and try again.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Regions_give_the_principal_to_allowlist_and_members_get_the_egress_ips()
    {
        var (client, workspace) = app.NewCustomer(ApiTokens.Read);

        var regions = await (await client.GetAsync("/api/v1/regions")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Offered.Split(", "), regions.EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        var region = await (await client.GetAsync("/api/v1/regions/us-east-1")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("arn:aws:iam::111122223333:root", region.GetProperty("principalArn").GetString());

        var egress = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/regions/us-east-1/egress-ips")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["192.0.2.10", "192.0.2.11", "192.0.2.12"], egress.GetProperty("ips").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task A_connection_id_that_is_not_there_is_a_404_problem()
    {
        var (client, workspace) = app.NewCustomer();
        var id = Guid.NewGuid();

        var problem = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"There is no connection {id} in this workspace.", problem.GetProperty("detail").GetString());
        await (await client.GetAsync($"/api/v1/workspaces/{workspace}/connections/{id}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/v1/workspaces/{workspace}/connections/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
