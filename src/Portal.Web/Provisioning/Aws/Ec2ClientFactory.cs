using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Options;
using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Provisioning.Aws;

/// <summary>
/// One cached <see cref="AmazonEC2Client"/> per region. Credentials come from the SDK's default chain,
/// optionally exchanged for a role per region; <c>ServiceUrl</c> points a region at any EC2-compatible endpoint.
/// </summary>
public sealed class Ec2ClientFactory(IOptions<AwsRegionsOptions> options) : IDisposable
{
    private readonly Dictionary<string, AmazonEC2Client> clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock sync = new();

    /// <summary>Overall limit per HTTP attempt; the SDK's standard retry mode retries a timed-out attempt.</summary>
    internal TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of one EC2 call by the SDK (standard mode: throttling, 5xx, timeouts), after the first try.</summary>
    public const int DefaultMaxErrorRetry = 3;

    internal int MaxErrorRetry { get; init; } = DefaultMaxErrorRetry;

    /// <summary>Test hook: the HTTP handler the SDK sends through (fault injection). Null means the SDK's own.</summary>
    internal Func<HttpMessageHandler>? CreateHttpHandler { get; init; }

    public IAmazonEC2 GetClient(string region)
    {
        lock (sync)
        {
            if (!clients.TryGetValue(region, out var client))
            {
                // Created on first use, not at start-up, so a missing credential surfaces as a classified failure of a call.
                client = CreateClient(region, options.Value.Find(region));
                clients.Add(region, client);
            }
            return client;
        }
    }

    private AmazonEC2Client CreateClient(string region, RegionOptions? settings)
    {
        var config = new AmazonEC2Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = MaxErrorRetry,
            Timeout = RequestTimeout,
        };
        if (string.IsNullOrWhiteSpace(settings?.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            // SDK v4: with a ServiceURL the signing region must be given explicitly, and RegionEndpoint must not be set afterwards.
            config.ServiceURL = settings.ServiceUrl;
            config.AuthenticationRegion = region;
        }
        if (CreateHttpHandler is { } createHandler)
        {
            config.HttpClientFactory = new HandlerHttpClientFactory(createHandler, RequestTimeout);
        }

        if (string.IsNullOrWhiteSpace(settings?.RoleArn))
        {
            return new AmazonEC2Client(config); // the SDK's default credential chain
        }
        var assumed = new AssumeRoleAWSCredentials(DefaultAWSCredentialsIdentityResolver.GetCredentials(), settings.RoleArn, $"privatelink-portal-{region}");
        return new AmazonEC2Client(assumed, config);
    }

    public void Dispose()
    {
        lock (sync)
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
            clients.Clear();
        }
    }

    /// <summary>Sends the SDK's requests through a given handler; one HttpClient per EC2 client, cached here, not by the SDK.</summary>
    private sealed class HandlerHttpClientFactory(Func<HttpMessageHandler> createHandler, TimeSpan timeout) : HttpClientFactory
    {
        private readonly Lazy<HttpClient> httpClient = new(() => new HttpClient(createHandler()) { Timeout = timeout });

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => httpClient.Value;

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    }
}
