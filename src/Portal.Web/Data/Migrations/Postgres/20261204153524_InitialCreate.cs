using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    WorkspaceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Details = table.Column<string>(type: "text", nullable: true),
                    ClientAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Connections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ServiceName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AwsState = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EndpointId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClientToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DnsNames = table.Column<List<string>>(type: "text[]", nullable: false),
                    AvailabilityZoneIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    SubnetIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    AcceptanceRequired = table.Column<bool>(type: "boolean", nullable: false),
                    PrivateDnsName = table.Column<string>(type: "text", nullable: true),
                    SecurityGroupId = table.Column<string>(type: "text", nullable: true),
                    FailureReason = table.Column<string>(type: "text", nullable: true),
                    LastAwsError = table.Column<string>(type: "text", nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StatusChangedAt = table.Column<long>(type: "bigint", nullable: false),
                    AcceptanceDeadline = table.Column<long>(type: "bigint", nullable: true),
                    DeletedAt = table.Column<long>(type: "bigint", nullable: true),
                    PendingOperation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: true),
                    RetryReason = table.Column<string>(type: "text", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ClaimExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    NextCheckAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Connections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EgressIpRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestedById = table.Column<string>(type: "text", nullable: false),
                    RequestedByName = table.Column<string>(type: "text", nullable: false),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EgressIpRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegionSettings",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    PrincipalArn = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    VpcId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubnetIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    SecurityGroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EgressIps = table.Column<List<string>>(type: "text[]", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionSettings", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SimulatedEndpoints",
                columns: table => new
                {
                    EndpointId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Region = table.Column<string>(type: "text", nullable: false),
                    ServiceName = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClientToken = table.Column<string>(type: "text", nullable: true),
                    ConnectionTag = table.Column<string>(type: "text", nullable: true),
                    WorkspaceTag = table.Column<string>(type: "text", nullable: true),
                    SubnetIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    DnsNames = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StateChangedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedEndpoints", x => x.EndpointId);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceSecurityGroups",
                columns: table => new
                {
                    WorkspaceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkersGroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EndpointsGroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceSecurityGroups", x => new { x.WorkspaceId, x.Region });
                });

            migrationBuilder.CreateTable(
                name: "ConnectionEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
