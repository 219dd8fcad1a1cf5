using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.IntegrationTests.Api;

internal static class ApiResponses
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Asserts an RFC 9457 problem with this status and returns its members.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("urn:privatelink-portal:problem:", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> CreateAsync(this HttpClient client, string workspace, string? region, string? serviceName, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workspaces/{workspace}/connections")
        {
            Content = JsonContent.Create(new { region, serviceName }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> VerifyAsync(this HttpClient client, string workspace, string? region, string? serviceName) =>
        client.PostAsJsonAsync($"/api/v1/workspaces/{workspace}/service-names/verify", new { region, serviceName });

    /// <summary>A valid service name no other test uses (8-character ids: the simulated AWS treats them as ordinary services).</summary>
    public static string NewServiceName(string region = "us-east-1") =>
        $"com.amazonaws.vpce.{region}.vpce-svc-{Random.Shared.Next(0x10000000, int.MaxValue):x8}";

    /// <summary>Reads <paramref name="url"/> until the status found by <paramref name="statusOf"/> is <paramref name="status"/> (the worker moves it).</summary>
    public static async Task<JsonElement> WaitForStatusAsync(this HttpClient client, string url, Func<JsonElement, JsonElement> statusOf, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var body = await (await client.GetAsync(url)).AssertJsonAsync(HttpStatusCode.OK);
            if (statusOf(body).GetString() == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, statusOf(body).GetString());
                return body;
            }
            await Task.Delay(200);
        }
    }
}
