using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConnectionNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Connections",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Connections",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Connections",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Connections made before names existed are called "{region} {service id}", as the wizard proposes
            // (ConnectionNames.Suggest). Live ones are unique per workspace and service, so these names are unique too.
            migrationBuilder.Sql("""
                UPDATE "Connections"
                SET "Name" = "Region" || ' ' || substr("ServiceName", length('com.amazonaws.vpce.') + length("Region") + 2);
                """);
            migrationBuilder.Sql("""UPDATE "Connections" SET "NameKey" = lower("Name");""");

            migrationBuilder.CreateIndex(
                name: "IX_Connections_WorkspaceId_NameKey",
                table: "Connections",
                columns: new[] { "WorkspaceId", "NameKey" },
                unique: true,
                filter: "\"Status\" <> 'Deleted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Connections_WorkspaceId_NameKey",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Connections");
        }
    }
}
