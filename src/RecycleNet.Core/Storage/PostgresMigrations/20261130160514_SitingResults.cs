using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RecycleNet.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SitingResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Answer",
                table: "siting_runs",
                newName: "Result_Method");

            migrationBuilder.AddColumn<int>(
                name: "Result_After_Communities",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_After_CoveredCommunities",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Result_After_CoveredHouseholds",
                table: "siting_runs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Result_After_Households",
                table: "siting_runs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_After_Share",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_Before_Communities",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_Before_CoveredCommunities",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Result_Before_CoveredHouseholds",
                table: "siting_runs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Result_Before_Households",
                table: "siting_runs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_Before_Share",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_Bound",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_BuildMs",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_Candidates",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_CoveragePairs",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_Gap",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Result_GoalReached",
                table: "siting_runs",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_HaulingOutlets",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_Objective",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Result_Optimal",
                table: "siting_runs",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_OutletsWithinHaulLimitAfter",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_OutletsWithinHaulLimitBefore",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Result_SiteCostYuan",
                table: "siting_runs",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_SitesNeededLowerBound",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_SolverMs",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_TonneKmPerDayAfter",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_TonneKmPerDayBefore",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_siting_assignments_RunId",
                table: "siting_assignments",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_siting_center_loads_RunId",
                table: "siting_center_loads",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "siting_assignments");

            migrationBuilder.DropTable(
                name: "siting_center_loads");

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

            migrationBuilder.RenameColumn(
                name: "Result_Method",
                table: "siting_runs",
                newName: "Answer");
        }
    }
}
