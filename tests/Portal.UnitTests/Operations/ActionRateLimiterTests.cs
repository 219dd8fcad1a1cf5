using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Account;
using Portal.Web.Hosting.Limits;

namespace Portal.UnitTests.Operations;

public sealed class ActionRateLimiterTests
{
    private static readonly PortalUser Ada = new("ada", "Ada Lovelace", null, ["ws-acme", "ws-acme-staging"], false);
    private static readonly PortalUser Bob = new("bob", "Bob", null, ["ws-acme"], false);
    private static readonly PortalUser Cy = new("cy", "Cy", null, ["ws-acme"], false);
    private static readonly PortalUser Grace = new("grace", "Grace Hopper", null, ["ws-globex"], false);

    [Fact]
    public void A_user_over_their_allowance_is_told_how_long_to_wait()
    {
        using var limiter = VerifyLimiter(perUser: 2, perWorkspace: 100);

        var results = Attempts(limiter, Ada, "ws-acme", 3);

        Assert.Equal([true, true, false], results.Select(r => r.IsAllowed));
        Assert.Equal(TimeSpan.FromMinutes(1), results[2].RetryAfter);
        Assert.Equal("You are going a little fast: wait 60 seconds and try again.", results[2].Refusal);
        Assert.Null(results[0].Refusal);
    }

    [Fact]
    public void One_users_clicking_does_not_use_up_their_colleagues_allowance()
    {
        using var limiter = VerifyLimiter(perUser: 3, perWorkspace: 5);

        var ada = Attempts(limiter, Ada, "ws-acme", 10);
        var bob = Attempts(limiter, Bob, "ws-acme", 3);

        // Ada's seven refused attempts stopped at her own bucket: the workspace still had 2 of its 5 for Bob.
        Assert.Equal(3, ada.Count(r => r.IsAllowed));
        Assert.Equal([true, true, false], bob.Select(r => r.IsAllowed));
    }

    [Fact]
    public void The_workspace_allowance_is_shared_by_its_members_and_other_workspaces_keep_theirs()
    {
        using var limiter = VerifyLimiter(perUser: 5, perWorkspace: 3);

        Attempts(limiter, Ada, "ws-acme", 2);
        Attempts(limiter, Bob, "ws-acme", 1);

        Assert.False(limiter.TryAcquire(Cy.Id, "ws-acme", LimitedAction.Verify).IsAllowed);
        Assert.True(limiter.TryAcquire(Grace.Id, "ws-globex", LimitedAction.Verify).IsAllowed);
    }

    [Fact]
    public void A_users_allowance_follows_them_into_their_other_workspaces()
    {
        using var limiter = VerifyLimiter(perUser: 2, perWorkspace: 100);

        Attempts(limiter, Ada, "ws-acme", 2);

        Assert.False(limiter.TryAcquire(Ada.Id, "ws-acme-staging", LimitedAction.Verify).IsAllowed);
    }

    [Fact]
    public void Each_action_has_its_own_allowance()
    {
        using var limiter = VerifyLimiter(perUser: 1, perWorkspace: 100);

        Attempts(limiter, Ada, "ws-acme", 2);

        Assert.True(limiter.TryAcquire(Ada.Id, "ws-acme", LimitedAction.Create).IsAllowed);
        Assert.True(limiter.TryAcquire(Ada.Id, "ws-acme", LimitedAction.EgressIps).IsAllowed);
    }

    [Fact]
    public async Task The_allowance_refills_with_time()
    {
        // 600 a minute: one token every 100 ms.
        using var limiter = VerifyLimiter(perUser: 1, perWorkspace: 100, perMinute: 600);
        Assert.True(limiter.TryAcquire(Ada.Id, "ws-acme", LimitedAction.Verify).IsAllowed);
        Assert.False(limiter.TryAcquire(Ada.Id, "ws-acme", LimitedAction.Verify).IsAllowed);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!limiter.TryAcquire(Ada.Id, "ws-acme", LimitedAction.Verify).IsAllowed)
        {
            Assert.True(DateTime.UtcNow < deadline, "The bucket did not refill within 5 seconds.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public void Refusals_are_counted_by_action()
    {
        var meters = TestMeters.NewFactory();
        using var recorder = new TestMeters.Recorder<long>(meters);
        using var limiter = new ActionRateLimiter(Options.Create(VerifyLimits(1, 100, 1)), meters, NullLogger<ActionRateLimiter>.Instance);

        Attempts(limiter, Ada, "ws-acme", 3);

        Assert.Equal(2, recorder.Measurements.Count(m => m.Instrument == "portal.limits.refusals" && (string?)m.Tags["action"] == "Verify"));
    }

    [Theory]
    [InlineData(200, "wait 1 second and")]
    [InlineData(1000, "wait 1 second and")]
    [InlineData(1001, "wait 2 seconds and")]
    [InlineData(12000, "wait 12 seconds and")]
    public void The_wait_is_rounded_up_to_whole_seconds(int milliseconds, string expected)
    {
        Assert.Contains(expected, LimitMessages.GoingTooFast(TimeSpan.FromMilliseconds(milliseconds)));
    }

    private static ActionRateLimiter VerifyLimiter(int perUser, int perWorkspace, int perMinute = 1) =>
        new(Options.Create(VerifyLimits(perUser, perWorkspace, perMinute)), TestMeters.NewFactory(), NullLogger<ActionRateLimiter>.Instance);

    private static LimitsOptions VerifyLimits(int perUser, int perWorkspace, int perMinute) => new()
    {
        Verify = new ActionLimits
        {
            PerUser = new TokenBucket { Burst = perUser, PerMinute = perMinute },
            PerWorkspace = new TokenBucket { Burst = perWorkspace, PerMinute = perMinute },
        },
    };

    private static List<ActionLimitResult> Attempts(ActionRateLimiter limiter, PortalUser user, string workspaceId, int count) =>
        Enumerable.Range(0, count).Select(_ => limiter.TryAcquire(user.Id, workspaceId, LimitedAction.Verify)).ToList();
}
