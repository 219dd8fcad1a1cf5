using Portal.Web.Hosting.Limits;
using Portal.Web.Data;
using System.Reflection;
using Portal.Web.Features.Account;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Naming;
using Portal.Web.Features.EgressIps;
using Portal.Web.Features.Notifications;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Connections;

/// <summary>
/// Every method a customer's page can call takes the caller's <see cref="WorkspaceAccess"/>, which only membership
/// grants, and none of them reaches a connection of another workspace, whatever id is passed.
/// </summary>
public class TenantBoundaryTests
{
    /// <summary>The database these tests run on; <c>TenantBoundaryTestsOnPostgres</c> runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<ProvisioningHarness> CreateAsync(LimitsOptions? limits = null) => ProvisioningHarness.CreateAsync(limits, Provider);

    private static readonly Type[] CustomerServices = [typeof(ConnectionService), typeof(EgressIpService), typeof(NotificationService)];

    /// <summary>What each customer-facing method does when Grace (ws-globex) aims it at Ada's connection in ws-acme.</summary>
    private static readonly Dictionary<string, Func<ProvisioningHarness, WorkspaceAccess, Guid, Task>> ForgedCalls = new()
    {
        ["ConnectionService.ListAsync"] = async (h, grace, _) => Assert.Empty(await h.Service.ListAsync(grace)),
        ["ConnectionService.FindAsync"] = async (h, grace, id) => Assert.Null(await h.Service.FindAsync(grace, id)),
        ["ConnectionService.ListPageAsync"] = async (h, grace, _) => Assert.Empty(await h.Service.ListPageAsync(grace, null, 100)),
        // The API's Idempotency-Key of Ada's create, replayed by Grace, finds nothing.
        ["ConnectionService.FindByRequestIdAsync"] = async (h, grace, id) =>
            Assert.Null(await h.Service.FindByRequestIdAsync(grace, Guid.ParseExact((await h.LoadAsync(id)).ClientToken, "N"))),
        ["ConnectionService.DeleteAsync"] = async (h, grace, id) => Assert.Equal(DeleteOutcome.NotFound, await h.Service.DeleteAsync(grace, id)),
        // The same service in another workspace is not "already connected": Ada's connection is neither named nor linked.
        ["ConnectionService.CheckServiceNameAsync"] = async (h, grace, _) => Assert.True((await h.Service.CheckServiceNameAsync(grace, UsEast, ServiceName)).IsValid),
        ["ConnectionService.VerifyAsync"] = async (h, grace, _) => Assert.Null((await h.Service.VerifyAsync(grace, UsEast, ServiceName)).InputError),
        ["ConnectionService.CreateAsync"] = async (h, grace, id) =>
        {
            var outcome = await h.Service.CreateAsync(grace, Request());
            Assert.NotEqual(id, outcome.ConnectionId);
            Assert.Equal(grace.WorkspaceId, (await h.LoadAsync(outcome.ConnectionId!.Value)).WorkspaceId);
        },
        ["ConnectionService.UpdateDetailsAsync"] = async (h, grace, id) =>
            Assert.False((await h.Service.UpdateDetailsAsync(grace, id, new ConnectionDetails("Taken over", "by another workspace"))).Found),
        // Ada's name is free in Grace's workspace: names are unique per workspace, and Ada's connection is neither named nor found.
        ["ConnectionService.CheckConnectionNameAsync"] = async (h, grace, id) =>
            Assert.Null(await h.Service.CheckConnectionNameAsync(grace, (await h.LoadAsync(id)).Name, id)),
        ["EgressIpService.RequestAsync"] = async (h, grace, _) => Assert.IsType<EgressIpOutcome.Shown>(await h.EgressIps.RequestAsync(grace, UsEast)),
        // Grace aims each notification method at Ada's webhook; Ada's subscription, secret and log stay as they were.
        ["NotificationService.ListAsync"] = (h, grace, _) => AgainstAdasWebhook(h, async ada => Assert.Empty(await h.Notifications.ListAsync(grace))),
        ["NotificationService.DeliveriesAsync"] = (h, grace, _) => AgainstAdasWebhook(h, async ada => Assert.Empty(await h.Notifications.DeliveriesAsync(grace))),
        ["NotificationService.SubscribeAsync"] = (h, grace, _) => AgainstAdasWebhook(h, async ada =>
        {
            var outcome = await h.Notifications.SubscribeAsync(grace, new SubscriptionRequest(NotificationChannel.Webhook, "https://203.0.113.9/grace", NotificationTopics.StatusChanges));
            Assert.Equal("ws-globex", outcome.Subscription!.WorkspaceId);
        }),
        ["NotificationService.SetEnabledAsync"] = (h, grace, _) => AgainstAdasWebhook(h, async ada => Assert.False(await h.Notifications.SetEnabledAsync(grace, ada, false))),
        ["NotificationService.SetTopicsAsync"] = (h, grace, _) => AgainstAdasWebhook(h, async ada => Assert.False(await h.Notifications.SetTopicsAsync(grace, ada, NotificationTopics.Failures))),
        ["NotificationService.UnsubscribeAsync"] = (h, grace, _) => AgainstAdasWebhook(h, async ada => Assert.False(await h.Notifications.UnsubscribeAsync(grace, ada))),
        ["NotificationService.RevealSecretAsync"] = (h, grace, _) => AgainstAdasWebhook(h, async ada => Assert.Null(await h.Notifications.RevealSecretAsync(grace, ada))),
        ["NotificationService.RotateSecretAsync"] = (h, grace, _) => AgainstAdasWebhook(h, async ada => Assert.Null(await h.Notifications.RotateSecretAsync(grace, ada))),
        ["NotificationService.SendTestAsync"] = (h, grace, _) => AgainstAdasWebhook(h, async ada => Assert.False(await h.Notifications.SendTestAsync(grace, ada))),
    };

    /// <summary>Ada subscribes a webhook and sends one test; after Grace's call, all of it is unchanged.</summary>
    private static async Task AgainstAdasWebhook(ProvisioningHarness h, Func<Guid, Task> graceCall)
    {
        var ada = Access(Ada);
        var outcome = await h.Notifications.SubscribeAsync(ada, new SubscriptionRequest(NotificationChannel.Webhook, "https://203.0.113.7/ada", NotificationTopics.StatusChanges));
        var id = outcome.Subscription!.Id;
        Assert.True(await h.Notifications.SendTestAsync(ada, id));

        await graceCall(id);

        Assert.Equal(outcome.Subscription, Assert.Single(await h.Notifications.ListAsync(ada)));
        Assert.Equal(outcome.Secret, await h.Notifications.RevealSecretAsync(ada, id));
        Assert.Single(await h.Notifications.DeliveriesAsync(ada));
    }

    public static TheoryData<string> CustomerMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in CustomerServices.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            data.Add($"{method.DeclaringType!.Name}.{method.Name}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CustomerMethods))]
    public async Task A_customer_method_takes_workspace_access_and_never_reaches_another_workspace(string name)
    {
        var method = CustomerServices.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == name);
        Assert.Equal(typeof(WorkspaceAccess), method.GetParameters()[0].ParameterType);
        Assert.DoesNotContain(method.GetParameters(), p => p.Name!.Contains("workspace", StringComparison.OrdinalIgnoreCase) && p.ParameterType == typeof(string));
        Assert.True(ForgedCalls.ContainsKey(name), $"{name} is new: add what it does when aimed at another workspace to {nameof(ForgedCalls)}.");

        await using var harness = await CreateAsync();
        var adasConnection = await harness.CreateConnectionAsync(Ada);
        var before = await harness.LoadAsync(adasConnection);

        await ForgedCalls[name](harness, Access(Grace), adasConnection);

        var after = await harness.LoadAsync(adasConnection);
        Assert.Equal((before.Status, before.Version, before.Events.Count), (after.Status, after.Version, after.Events.Count));
        Assert.Single(await harness.Service.ListAsync(Access(Ada)));
    }

    [Fact]
    public void Access_is_granted_only_to_members_and_cannot_be_made_any_other_way()
    {
        Assert.Null(WorkspaceAccess.Grant(Grace, "ws-acme"));
        Assert.Null(WorkspaceAccess.Grant(Sam, "ws-acme"));
        Assert.Null(WorkspaceAccess.Grant(Ada, null));
        Assert.Equal("ws-acme", WorkspaceAccess.Grant(Ada, "ws-acme")!.WorkspaceId);
        Assert.Empty(typeof(WorkspaceAccess).GetConstructors());
        Assert.All(typeof(WorkspaceAccess).GetProperties(), p => Assert.Null(p.SetMethod));
    }

    [Fact]
    public async Task Support_actions_refuse_customers()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync(Ada);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.SupportActions.FindAsync(Ada, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.SupportActions.AuditTrailAsync(Ada, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.SupportActions.DeleteAsync(Ada, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.SupportActions.RetryAsync(Ada, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.SupportActions.RefreshAsync(Ada, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.NotificationSupport.SubscriptionsAsync(Ada));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.NotificationSupport.DeliveriesAsync(Ada, "ws-acme"));
    }
}
