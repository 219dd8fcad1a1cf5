using Microsoft.Data.Sqlite;
using Portal.Web.Data;

namespace Portal.UnitTests.Data;

public class ConnectionStringTests
{
    [Fact]
    public void A_relative_database_path_is_made_absolute_under_the_content_root_and_its_folder_created()
    {
        var root = Path.Combine(Path.GetTempPath(), $"portal-cs-{Guid.NewGuid():N}");
        try
        {
            var resolved = new SqliteConnectionStringBuilder(DataServiceCollectionExtensions.ResolveConnectionString("Data Source=data/portal.db", root));

            Assert.Equal(Path.Combine(root, "data", "portal.db"), resolved.DataSource);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
