using Portal.Web.Features.Notifications;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Notifications;

public sealed class NotificationServiceTests
{
    private static SubscriptionRequest Webhook(string url) => new(NotificationChannel.Webhook, url, NotificationTopics.StatusChanges);

    [Theory]
    [InlineData("http://hooks.example.com/portal")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://localhost/hook")]
    public async Task The_server_refuses_webhooks_to_unencrypted_or_internal_addresses(string url)
    {
        await using var harness = await NotificationHarness.CreateAsync(settings: new Dictionary<string, string?> { ["Notifications:Webhooks:AllowLoopback"] = "false" });

        var outcome = await harness.Service.SubscribeAsync(NotificationHarness.Access(Ada), Webhook(url));

        Assert.False(outcome.Succeeded);
        Assert.Empty(await harness.Service.ListAsync(NotificationHarness.Access(Ada)));
    }

    [Fact]
    public async Task E_mail_subscriptions_are_refused_while_no_mail_server_is_configured()
    {
        await using var harness = await NotificationHarness.CreateAsync();

        var outcome = await harness.Service.SubscribeAsync(NotificationHarness.Access(Ada), new(NotificationChannel.Email, "ops@acme.example", NotificationTopics.Failures));

        Assert.Contains("no mail server is configured", outcome.Error);
    }

    [Theory]
    [InlineData("", "at least one")]
    [InlineData("ops@acme.example, not-an-address", "\"not-an-address\" is not an e-mail address.")]
    [InlineData("a@x.example,b@x.example,c@x.example,d@x.example,e@x.example,f@x.example", "at most 5")]
    public async Task E_mail_addresses_are_checked_on_the_server(string addresses, string error)
    {
        await using var harness = await NotificationHarness.CreateAsync(settings: new Dictionary<string, string?> { ["Notifications:Smtp:Host"] = "127.0.0.1" });

        var outcome = await harness.Service.SubscribeAsync(NotificationHarness.Access(Ada), new(NotificationChannel.Email, addresses, NotificationTopics.Failures));

        Assert.Contains(error, outcome.Error);
    }

    [Fact]
    public async Task A_subscription_s_topics_can_be_changed_to_any_valid_choice_and_the_change_is_audited()
    {
        await using var harness = await NotificationHarness.CreateAsync();
        var ada = NotificationHarness.Access(Ada);
        var subscription = await harness.WebhookAsync(Ada, "https://203.0.113.7/hook", NotificationTopics.StatusChanges);

        Assert.True(await harness.Service.SetTopicsAsync(ada, subscription.Id, NotificationTopics.Failures | NotificationTopics.ExpiryReminders));
        Assert.False(await harness.Service.SetTopicsAsync(ada, subscription.Id, NotificationTopics.None));
        Assert.False(await harness.Service.SetTopicsAsync(ada, subscription.Id, (NotificationTopics)64));

        Assert.Equal(NotificationTopics.Failures | NotificationTopics.ExpiryReminders, (await harness.Service.ListAsync(ada)).Single().Topics);
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        Assert.Single(db.AuditEntries.Where(e => e.Action == Portal.Web.Features.Audit.AuditActions.NotificationChanged));
    }

    [Fact]
    public async Task A_subscription_with_a_topic_the_portal_does_not_know_is_refused()
    {
        await using var harness = await NotificationHarness.CreateAsync();

        var outcome = await harness.Service.SubscribeAsync(NotificationHarness.Access(Ada),
            new(NotificationChannel.Webhook, "https://203.0.113.7/hook", NotificationTopics.Failures | (NotificationTopics)64));

        Assert.Contains("at least one kind", outcome.Error);
    }

    [Fact]
    public async Task The_secret_is_stored_protected_shown_to_members_and_replaced_on_rotation()
    {
        await using var harness = await NotificationHarness.CreateAsync();
        var ada = NotificationHarness.Access(Ada);
        var outcome = await harness.Service.SubscribeAsync(ada, Webhook("https://203.0.113.7/hook"));

        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            var stored = db.NotificationSubscriptions.Single();
            Assert.DoesNotContain(outcome.Secret!, stored.ProtectedSecret);
        }
        Assert.Equal(outcome.Secret, await harness.Service.RevealSecretAsync(ada, outcome.Subscription!.Id));
        var rotated = await harness.Service.RotateSecretAsync(ada, outcome.Subscription.Id);
        Assert.NotEqual(outcome.Secret, rotated);
        Assert.Equal(rotated, await harness.Service.RevealSecretAsync(ada, outcome.Subscription.Id));
    }

    [Fact]
    public async Task Support_sees_the_subscriptions_and_deliveries_of_every_workspace_and_can_filter_by_one()
    {
        await using var harness = await NotificationHarness.CreateAsync();
        var ada = (await harness.Service.SubscribeAsync(NotificationHarness.Access(Ada), Webhook("https://203.0.113.7/ada"))).Subscription!;
        var grace = (await harness.Service.SubscribeAsync(NotificationHarness.Access(Grace), Webhook("https://203.0.113.8/grace"))).Subscription!;
        await harness.Service.SendTestAsync(NotificationHarness.Access(Ada), ada.Id);
        await harness.Service.SendTestAsync(NotificationHarness.Access(Grace), grace.Id);

        Assert.Equal(["ws-acme", "ws-globex"], (await harness.Support.SubscriptionsAsync(Sam)).Select(s => s.WorkspaceId));
        Assert.Equal(2, (await harness.Support.DeliveriesAsync(Sam)).Count);
        Assert.Equal(grace.Id, Assert.Single(await harness.Support.DeliveriesAsync(Sam, "ws-globex")).SubscriptionId);
    }

    [Fact]
    public async Task Removing_a_subscription_removes_its_log()
    {
        await using var harness = await NotificationHarness.CreateAsync();
        var ada = NotificationHarness.Access(Ada);
        var subscription = (await harness.Service.SubscribeAsync(ada, Webhook("https://203.0.113.7/ada"))).Subscription!;
        await harness.Service.SendTestAsync(ada, subscription.Id);

        Assert.True(await harness.Service.UnsubscribeAsync(ada, subscription.Id));

        Assert.Empty(await harness.Service.ListAsync(ada));
        Assert.Empty(await harness.DeliveriesAsync());
    }
}
