using Portal.Web.Data;

namespace Portal.UnitTests.Notifications;

// The outbox, claims and the reminders' unique index must behave the same on PostgreSQL.

public sealed class NotificationOutboxTestsOnPostgres : NotificationOutboxTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class NotificationDispatcherTestsOnPostgres : NotificationDispatcherTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
