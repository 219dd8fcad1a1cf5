namespace Portal.Web.Data;

/// <summary>The <c>Database:Provider</c> setting.</summary>
public enum DatabaseProvider
{
    /// <summary>One file, no setup: the default.</summary>
    Sqlite,
    /// <summary>PostgreSQL through Npgsql, for several portal instances on one database.</summary>
    Postgres,
}
