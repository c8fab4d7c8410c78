using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeamStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Not a rename (EF guessed one): a run's answer was JSON text, a result's method is a word. Runs stored by earlier
            // builds keep their status but lose the answer; their result was never domain data.
            migrationBuilder.DropColumn(
                name: "Answer",
                table: "siting_runs");

            migrationBuilder.AddColumn<string>(
                name: "Result_Method",
                table: "siting_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_After_Communities",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_After_CoveredCommunities",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Result_After_CoveredHouseholds",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Result_After_Households",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_After_Share",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_Before_Communities",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_Before_CoveredCommunities",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Result_Before_CoveredHouseholds",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Result_Before_Households",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_Before_Share",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_Bound",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_BuildMs",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_Candidates",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_CoveragePairs",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_Gap",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Result_GoalReached",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_HaulingOutlets",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_Objective",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Result_Optimal",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_OutletsWithinHaulLimitAfter",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_OutletsWithinHaulLimitBefore",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Result_SiteCostYuan",
                table: "siting_runs",
                type: "TEXT",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_SitesNeededLowerBound",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_SolverMs",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_TonneKmPerDayAfter",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_TonneKmPerDayBefore",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "networks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Format = table.Column<string>(type: "TEXT", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Planner = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_networks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "siting_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutletId = table.Column<long>(type: "INTEGER", nullable: false),
                    OutletName = table.Column<string>(type: "TEXT", nullable: false),
                    CenterId = table.Column<long>(type: "INTEGER", nullable: true),
                    ProposalRank = table.Column<int>(type: "INTEGER", nullable: true),
                    DistanceM = table.Column<double>(type: "REAL", nullable: true),
                    VolumeTonnesPerDay = table.Column<double>(type: "REAL", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Outlets = table.Column<int>(type: "INTEGER", nullable: false),
                    LoadTonnesPerDay = table.Column<double>(type: "REAL", nullable: false),
                    CapacityTonnesPerDay = table.Column<double>(type: "REAL", nullable: true),
                    OverCapacity = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Label = table.Column<string>(type: "TEXT", nullable: true),
                    District = table.Column<string>(type: "TEXT", nullable: true),
                    HouseholdsGained = table.Column<long>(type: "INTEGER", nullable: true),
                    CumulativeShare = table.Column<double>(type: "REAL", nullable: true),
                    EstimatedSubsidyYuan = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Outlets = table.Column<int>(type: "INTEGER", nullable: true),
                    LoadTonnesPerDay = table.Column<double>(type: "REAL", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "network_chunks",
                columns: table => new
                {
                    NetworkId = table.Column<long>(type: "INTEGER", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_chunks");

            migrationBuilder.DropTable(
                name: "siting_assignments");

            migrationBuilder.DropTable(
                name: "siting_center_loads");

            migrationBuilder.DropTable(
                name: "siting_proposals");

            migrationBuilder.DropTable(
                name: "networks");

            migrationBuilder.DropColumn(
                name: "Result_After_Communities",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_After_CoveredCommunities",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_After_CoveredHouseholds",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_After_Households",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_After_Share",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Before_Communities",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Before_CoveredCommunities",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Before_CoveredHouseholds",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Before_Households",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Before_Share",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Bound",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_BuildMs",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Candidates",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_CoveragePairs",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Gap",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_GoalReached",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_HaulingOutlets",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Objective",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Optimal",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_OutletsWithinHaulLimitAfter",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_OutletsWithinHaulLimitBefore",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_SiteCostYuan",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_SitesNeededLowerBound",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_SolverMs",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_TonneKmPerDayAfter",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_TonneKmPerDayBefore",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_Method",
                table: "siting_runs");

            migrationBuilder.AddColumn<string>(
                name: "Answer",
                table: "siting_runs",
                type: "TEXT",
                nullable: true);
        }
    }
}
