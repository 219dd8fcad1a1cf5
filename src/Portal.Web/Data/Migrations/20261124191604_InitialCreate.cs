using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WorkspaceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: true),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Connections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServiceName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AwsState = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EndpointId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClientToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DnsNames = table.Column<string>(type: "TEXT", nullable: false),
                    AvailabilityZoneIds = table.Column<string>(type: "TEXT", nullable: false),
                    SubnetIds = table.Column<string>(type: "TEXT", nullable: false),
                    AcceptanceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrivateDnsName = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityGroupId = table.Column<string>(type: "TEXT", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", nullable: true),
                    LastAwsError = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptanceDeadline = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingOperation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RetryReason = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ClaimExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextCheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Connections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EgressIpRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EgressIpRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegionSettings",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrincipalArn = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubnetIds = table.Column<string>(type: "TEXT", nullable: false),
                    SecurityGroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EgressIps = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionSettings", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SimulatedEndpoints",
                columns: table => new
                {
                    EndpointId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false),
                    ServiceName = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClientToken = table.Column<string>(type: "TEXT", nullable: true),
                    ConnectionTag = table.Column<string>(type: "TEXT", nullable: true),
                    WorkspaceTag = table.Column<string>(type: "TEXT", nullable: true),
                    SubnetIds = table.Column<string>(type: "TEXT", nullable: false),
                    DnsNames = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StateChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedEndpoints", x => x.EndpointId);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceSecurityGroups",
                columns: table => new
                {
                    WorkspaceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WorkersGroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EndpointsGroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceSecurityGroups", x => new { x.WorkspaceId, x.Region });
                });

            migrationBuilder.CreateTable(
                name: "ConnectionEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionEvents_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_At",
                table: "AuditEntries",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId_At",
                table: "AuditEntries",
                columns: new[] { "ActorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ConnectionId_At",
                table: "AuditEntries",
                columns: new[] { "ConnectionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_WorkspaceId_At",
                table: "AuditEntries",
                columns: new[] { "WorkspaceId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionEvents_ConnectionId_At",
                table: "ConnectionEvents",
                columns: new[] { "ConnectionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_ClientToken",
                table: "Connections",
                column: "ClientToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Connections_CreatedAt",
                table: "Connections",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Connections_EndpointId",
                table: "Connections",
                column: "EndpointId");

            migrationBuilder.CreateIndex(
                name: "IX_Connections_PendingOperation_NextAttemptAt",
                table: "Connections",
                columns: new[] { "PendingOperation", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_Region_Status",
                table: "Connections",
                columns: new[] { "Region", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_Status_NextCheckAt",
                table: "Connections",
                columns: new[] { "Status", "NextCheckAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_WorkspaceId_CreatedAt",
                table: "Connections",
                columns: new[] { "WorkspaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_WorkspaceId_ServiceName",
                table: "Connections",
                columns: new[] { "WorkspaceId", "ServiceName" },
                unique: true,
                filter: "\"Status\" <> 'Deleted'");

            migrationBuilder.CreateIndex(
                name: "IX_EgressIpRequests_RequestedAt",
                table: "EgressIpRequests",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EgressIpRequests_WorkspaceId_RequestedAt",
                table: "EgressIpRequests",
                columns: new[] { "WorkspaceId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SimulatedEndpoints_ClientToken",
                table: "SimulatedEndpoints",
                column: "ClientToken");

            migrationBuilder.CreateIndex(
                name: "IX_SimulatedEndpoints_ConnectionTag",
                table: "SimulatedEndpoints",
                column: "ConnectionTag");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ConnectionEvents");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EgressIpRequests");

            migrationBuilder.DropTable(
                name: "RegionSettings");

            migrationBuilder.DropTable(
                name: "SimulatedEndpoints");

            migrationBuilder.DropTable(
                name: "WorkspaceSecurityGroups");

            migrationBuilder.DropTable(
                name: "Connections");
        }
    }
}
