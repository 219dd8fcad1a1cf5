using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Portal.IntegrationTests.Api;

/// <summary>The published OpenAPI document is valid, complete and says how to authenticate and how errors look.</summary>
[Collection(PortalApi.Name)]
public sealed class OpenApiDocumentTests(ApiWebApp app)
{
    private static readonly (HttpMethod Method, string Path)[] Routes =
    [
        (HttpMethod.Get, "/api/v1/workspaces/{workspaceId}/connections"),
        (HttpMethod.Post, "/api/v1/workspaces/{workspaceId}/connections"),
        (HttpMethod.Get, "/api/v1/workspaces/{workspaceId}/connections/{connectionId}"),
        (HttpMethod.Patch, "/api/v1/workspaces/{workspaceId}/connections/{connectionId}"),
        (HttpMethod.Delete, "/api/v1/workspaces/{workspaceId}/connections/{connectionId}"),
        (HttpMethod.Get, "/api/v1/workspaces/{workspaceId}/connections/{connectionId}/timeline"),
        (HttpMethod.Post, "/api/v1/workspaces/{workspaceId}/service-names/verify"),
        (HttpMethod.Get, "/api/v1/workspaces/{workspaceId}/regions/{region}/egress-ips"),
        (HttpMethod.Get, "/api/v1/regions"),
        (HttpMethod.Get, "/api/v1/regions/{region}"),
        (HttpMethod.Get, "/api/v1/support/connections"),
        (HttpMethod.Get, "/api/v1/support/connections/{connectionId}"),
        (HttpMethod.Post, "/api/v1/support/connections/{connectionId}/retry"),
    ];

    [Fact]
    public async Task The_document_is_valid_OpenAPI_3_and_lists_every_route_with_bearer_security_and_problem_responses()
    {
        using var response = await app.Client(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settings = new OpenApiReaderSettings();
        var result = await OpenApiDocument.LoadAsync(await response.Content.ReadAsStreamAsync(), "json", settings);

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.StartsWith("3.", result.Diagnostic.SpecificationVersion switch { OpenApiSpecVersion.OpenApi3_0 => "3.0", OpenApiSpecVersion.OpenApi3_1 => "3.1", var other => other.ToString() });
        var document = result.Document!;
        var scheme = Assert.IsType<OpenApiSecurityScheme>(document.Components!.SecuritySchemes!["Bearer"], exactMatch: false);
        Assert.Equal(SecuritySchemeType.Http, scheme.Type);
        Assert.Equal("bearer", scheme.Scheme);

        var documented = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (o.Key, p.Key))).ToHashSet();
        Assert.Equal(Routes.Select(r => (r.Method, r.Path)).ToHashSet(), documented);
        foreach (var (method, path) in Routes)
        {
            var operation = document.Paths[path].Operations![method];
            var requirement = Assert.Single(operation.Security!);
            Assert.Equal("Bearer", Assert.Single(requirement.Keys).Reference.Id);
            Assert.StartsWith("Requires ", operation.Description);
            foreach (var status in new[] { "401", "403" })
            {
                Assert.True(operation.Responses!.ContainsKey(status), $"{method} {path} documents no {status}");
            }
            foreach (var (status, problem) in operation.Responses!.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')))
            {
                Assert.True(problem.Content?.ContainsKey("application/problem+json") == true, $"{method} {path} {status} is not problem details");
            }
        }
    }

    [Fact]
    public async Task The_interactive_reference_opens_with_its_own_script_allowance_and_the_rest_of_the_portal_keeps_the_strict_policy()
    {
        var client = app.Client(null);

        using var link = await client.GetAsync("/api/reference");
        var location = link.Headers.Location is { } to ? new Uri(link.RequestMessage!.RequestUri!, to).PathAndQuery : "/api/reference";
        using var reference = await client.GetAsync(location);
        Assert.True(reference.StatusCode == HttpStatusCode.OK, $"{link.StatusCode} {location} then {reference.StatusCode}");
        Assert.Contains("\"url\":\"openapi/v1.json\"", await reference.Content.ReadAsStringAsync());
        Assert.Contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'", string.Join(";", reference.Headers.GetValues("Content-Security-Policy")));

        using var document = await client.GetAsync("/openapi/v1.json");
        Assert.Contains("script-src 'self';", string.Join(";", document.Headers.GetValues("Content-Security-Policy")));
    }
}
