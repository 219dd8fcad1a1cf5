using Portal.Tests.Shared;
using Portal.Web.Features.Connections;
using Portal.Web.Provisioning;

namespace Portal.UnitTests.Connections;

public sealed class ConnectionStatusMovesTests
{
    // Every status a connection may move to from each status ("x"), in the order of ConnectionStatus:
    // Requested, Creating, PendingAcceptance, Pending, Available, Rejected, Failed, Expired, Deleting, Deleted, Unknown.
    private static readonly Dictionary<ConnectionStatus, string> Table = new()
    {
        //                                     Req Cre PA  Pen Ava Rej Fai Exp Dng Ded Unk
        [ConnectionStatus.Requested] =         " .   x   .   .   .   .   x   .   x   x   . ",
        [ConnectionStatus.Creating] =          " .   .   x   x   x   x   x   x   x   x   x ",
        [ConnectionStatus.PendingAcceptance] = " .   .   .   x   x   x   x   x   x   x   x ",
        [ConnectionStatus.Pending] =           " .   .   x   .   x   x   x   x   x   x   x ",
        [ConnectionStatus.Available] =         " .   .   x   x   .   x   x   x   x   x   x ",
        [ConnectionStatus.Rejected] =          " .   .   x   x   x   .   x   x   x   x   x ",
        [ConnectionStatus.Failed] =            " x   .   .   .   .   .   .   .   x   x   . ",
        [ConnectionStatus.Expired] =           " .   .   .   .   .   .   x   .   x   x   . ",
        [ConnectionStatus.Deleting] =          " .   .   .   .   .   .   x   .   .   x   . ",
        [ConnectionStatus.Deleted] =           " .   .   .   .   .   .   .   .   .   .   . ",
        [ConnectionStatus.Unknown] =           " .   .   x   x   x   x   x   x   x   x   . ",
    };

    public static TheoryData<ConnectionStatus, ConnectionStatus, bool> EveryPair()
    {
        var data = new TheoryData<ConnectionStatus, ConnectionStatus, bool>();
        var statuses = Enum.GetValues<ConnectionStatus>();
        foreach (var from in statuses)
        {
            var marks = Table[from].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(statuses.Length, marks.Length);
            for (var i = 0; i < statuses.Length; i++)
            {
                data.Add(from, statuses[i], marks[i] == "x");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_move_is_allowed_exactly_when_the_table_says_so(ConnectionStatus from, ConnectionStatus to, bool allowed) =>
        Assert.Equal(allowed, ConnectionStatusMoves.IsAllowed(from, to));

    [Fact]
    public void The_table_covers_every_status() =>
        Assert.Equal(Enum.GetValues<ConnectionStatus>().Order(), Table.Keys.Order());

    [Fact]
    public void A_deleted_connection_refuses_to_come_back()
    {
        var deleted = ConnectionSeeds.InStatus(ConnectionStatus.Deleted);

        var refused = Assert.Throws<InvalidOperationException>(() => deleted.RetryFailed("Sam", deletionFailed: false, DateTimeOffset.UtcNow));

        Assert.Equal("A connection cannot go from Deleted to Requested.", refused.Message);
        Assert.Equal(ConnectionStatus.Deleted, deleted.Status);
    }

    [Fact]
    public void An_expired_connection_keeps_saying_why_while_its_endpoint_is_torn_down()
    {
        var expired = ConnectionSeeds.InStatus(ConnectionStatus.Expired);

        expired.StartAttempt(DateTimeOffset.UtcNow);
        expired.CompleteDelete("vpce-0aaaabbbbccccdddd", EndpointState.Deleted, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5));

        Assert.Equal(ConnectionStatus.Expired, expired.Status);
        Assert.NotNull(expired.DeletedAt);
        Assert.Equal("Endpoint vpce-0aaaabbbbccccdddd deleted.", expired.Events.Last().Message);
    }

    [Theory]
    [InlineData(ConnectionStatus.Deleting)]
    [InlineData(ConnectionStatus.Deleted)]
    public void Deleting_twice_is_harmless(ConnectionStatus status)
    {
        var connection = ConnectionSeeds.InStatus(status);

        Assert.Equal(DeleteOutcome.AlreadyDeleting, connection.QueueDelete("Ada", DateTimeOffset.UtcNow));
        Assert.Equal(status, connection.Status);
    }
}
