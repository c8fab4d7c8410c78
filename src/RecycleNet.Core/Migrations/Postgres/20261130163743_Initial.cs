using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RecycleNet.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Planner = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Target = table.Column<string>(type: "text", nullable: true),
                    FeatureId = table.Column<long>(type: "bigint", nullable: true),
                    VersionBefore = table.Column<long>(type: "bigint", nullable: true),
                    VersionAfter = table.Column<long>(type: "bigint", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Adcode = table.Column<string>(type: "text", nullable: false),
                    Population = table.Column<long>(type: "bigint", nullable: false),
                    AvgHouseholdSize = table.Column<double>(type: "double precision", nullable: false),
                    UrbanShare = table.Column<double>(type: "double precision", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_districts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    CreditCode = table.Column<string>(type: "text", nullable: false),
                    MofcomRegistered = table.Column<bool>(type: "boolean", nullable: false),
                    DirectOutletCount = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "networks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Format = table.Column<string>(type: "text", nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Planner = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_networks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outlets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Modern = table.Column<bool>(type: "boolean", nullable: false),
                    AreaM2 = table.Column<double>(type: "double precision", nullable: true),
                    Operator = table.Column<string>(type: "text", nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ServedCommunityIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outlets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "planner_keys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false),
                    Created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revoked = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planner_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "siting_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Stage = table.Column<string>(type: "text", nullable: false),
                    Request = table.Column<string>(type: "text", nullable: false),
                    TimeLimitSeconds = table.Column<double>(type: "double precision", nullable: false),
                    Planner = table.Column<string>(type: "text", nullable: false),
                    Created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Started = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ElapsedMs = table.Column<double>(type: "double precision", nullable: true),
                    Owner = table.Column<string>(type: "text", nullable: true),
                    Heartbeat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    Result_Method = table.Column<string>(type: "text", nullable: true),
                    Result_SolverMs = table.Column<double>(type: "double precision", nullable: true),
                    Result_Objective = table.Column<double>(type: "double precision", nullable: true),
                    Result_Bound = table.Column<double>(type: "double precision", nullable: true),
                    Result_Gap = table.Column<double>(type: "double precision", nullable: true),
                    Result_Optimal = table.Column<bool>(type: "boolean", nullable: true),
                    Result_Candidates = table.Column<int>(type: "integer", nullable: true),
                    Result_Before_Households = table.Column<long>(type: "bigint", nullable: true),
                    Result_Before_CoveredHouseholds = table.Column<long>(type: "bigint", nullable: true),
                    Result_Before_Communities = table.Column<int>(type: "integer", nullable: true),
                    Result_Before_CoveredCommunities = table.Column<int>(type: "integer", nullable: true),
                    Result_Before_Share = table.Column<double>(type: "double precision", nullable: true),
                    Result_After_Households = table.Column<long>(type: "bigint", nullable: true),
                    Result_After_CoveredHouseholds = table.Column<long>(type: "bigint", nullable: true),
                    Result_After_Communities = table.Column<int>(type: "integer", nullable: true),
                    Result_After_CoveredCommunities = table.Column<int>(type: "integer", nullable: true),
                    Result_After_Share = table.Column<double>(type: "double precision", nullable: true),
                    Result_GoalReached = table.Column<bool>(type: "boolean", nullable: true),
                    Result_SitesNeededLowerBound = table.Column<int>(type: "integer", nullable: true),
                    Result_CoveragePairs = table.Column<int>(type: "integer", nullable: true),
                    Result_BuildMs = table.Column<double>(type: "double precision", nullable: true),
                    Result_SiteCostYuan = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Result_OutletsWithinHaulLimitBefore = table.Column<int>(type: "integer", nullable: true),
                    Result_OutletsWithinHaulLimitAfter = table.Column<int>(type: "integer", nullable: true),
                    Result_TonneKmPerDayBefore = table.Column<double>(type: "double precision", nullable: true),
                    Result_TonneKmPerDayAfter = table.Column<double>(type: "double precision", nullable: true),
                    Result_HaulingOutlets = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_siting_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sorting_centers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Status = table.Column<string>(type: "text", nullable: false),
                    CapacityTonnesPerDay = table.Column<double>(type: "double precision", nullable: true),
                    GreenCertified = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sorting_centers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: true),
                    DistrictId = table.Column<long>(type: "bigint", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_communities_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_chunks",
                columns: table => new
                {
                    NetworkId = table.Column<long>(type: "bigint", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_chunks", x => new { x.NetworkId, x.Seq });
                    table.ForeignKey(
                        name: "FK_network_chunks_networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "siting_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    OutletId = table.Column<long>(type: "bigint", nullable: false),
                    OutletName = table.Column<string>(type: "text", nullable: false),
                    CenterId = table.Column<long>(type: "bigint", nullable: true),
                    ProposalRank = table.Column<int>(type: "integer", nullable: true),
                    DistanceM = table.Column<double>(type: "double precision", nullable: true),
                    VolumeTonnesPerDay = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_siting_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_siting_assignments_siting_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "siting_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "siting_center_loads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Outlets = table.Column<int>(type: "integer", nullable: false),
                    LoadTonnesPerDay = table.Column<double>(type: "double precision", nullable: false),
                    CapacityTonnesPerDay = table.Column<double>(type: "double precision", nullable: true),
                    OverCapacity = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_siting_center_loads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_siting_center_loads_siting_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "siting_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "siting_proposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Label = table.Column<string>(type: "text", nullable: true),
                    District = table.Column<string>(type: "text", nullable: true),
                    HouseholdsGained = table.Column<long>(type: "bigint", nullable: true),
                    CumulativeShare = table.Column<double>(type: "double precision", nullable: true),
                    EstimatedSubsidyYuan = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Outlets = table.Column<int>(type: "integer", nullable: true),
                    LoadTonnesPerDay = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_siting_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_siting_proposals_siting_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "siting_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_communities_DistrictId",
                table: "communities",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_communities_Geometry",
                table: "communities",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_districts_Adcode",
                table: "districts",
                column: "Adcode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_districts_Geometry",
                table: "districts",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_CreditCode",
                table: "enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outlets_Geometry",
                table: "outlets",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_planner_keys_Hash",
                table: "planner_keys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_planner_keys_Name",
                table: "planner_keys",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_siting_assignments_RunId",
                table: "siting_assignments",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_siting_center_loads_RunId",
                table: "siting_center_loads",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_siting_proposals_RunId_Rank",
                table: "siting_proposals",
                columns: new[] { "RunId", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_siting_runs_Status_Created",
                table: "siting_runs",
                columns: new[] { "Status", "Created" });

            migrationBuilder.CreateIndex(
                name: "IX_sorting_centers_Geometry",
                table: "sorting_centers",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            // Every write through the service adds an audit row, naming what it wrote, in the write's own transaction; the
            // notification goes out when that transaction commits, and every instance listening rebuilds the views of that
            // layer (Setup/SharedRevisionWatcher).
            migrationBuilder.Sql("""
                CREATE FUNCTION recyclenet_notify_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('recyclenet_revision', coalesce(NEW."Target", ''));
                    RETURN NULL;
                END $$;
                CREATE TRIGGER audit_notify_revision AFTER INSERT ON audit
                    FOR EACH ROW EXECUTE FUNCTION recyclenet_notify_revision();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_notify_revision ON audit; DROP FUNCTION IF EXISTS recyclenet_notify_revision();");
            migrationBuilder.DropTable(
                name: "audit");

            migrationBuilder.DropTable(
                name: "communities");

            migrationBuilder.DropTable(
                name: "enterprises");

            migrationBuilder.DropTable(
                name: "network_chunks");

            migrationBuilder.DropTable(
                name: "outlets");

            migrationBuilder.DropTable(
                name: "planner_keys");

            migrationBuilder.DropTable(
                name: "siting_assignments");

            migrationBuilder.DropTable(
                name: "siting_center_loads");

            migrationBuilder.DropTable(
                name: "siting_proposals");

            migrationBuilder.DropTable(
                name: "sorting_centers");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "networks");

            migrationBuilder.DropTable(
                name: "siting_runs");
        }
    }
}
