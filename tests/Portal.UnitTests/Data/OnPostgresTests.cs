using Portal.UnitTests.Connections;
using Portal.UnitTests.Operations;
using Portal.Web.Data;

namespace Portal.UnitTests.Data;

// The lifecycle, tenant boundary and limits tests again, each on a fresh database in the throwaway PostgreSQL cluster:
// the claims, unique indexes, concurrency tokens and queries must behave the same on both providers.

public sealed class ConnectionRequestTestsOnPostgres : ConnectionRequestTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class ProvisioningWorkerTestsOnPostgres : ProvisioningWorkerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class ConnectionReconcilerTestsOnPostgres : ConnectionReconcilerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class TenantBoundaryTestsOnPostgres : TenantBoundaryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class ConnectionLimitsTestsOnPostgres : ConnectionLimitsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class ConnectionDetailsTestsOnPostgres : ConnectionDetailsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
