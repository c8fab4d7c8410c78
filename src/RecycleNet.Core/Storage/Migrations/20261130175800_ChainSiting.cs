using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ChainSiting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Result_CentreTier_Bound",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_CentreTier_Candidates",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_CentreTier_Gap",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result_CentreTier_Method",
                table: "siting_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_CentreTier_Objective",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_CentreTier_SolverMs",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationHaulTonneKm",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationTier_Bound",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_StationTier_Candidates",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationTier_Gap",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result_StationTier_Method",
                table: "siting_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationTier_Objective",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationTier_SolverMs",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_StationsWithoutCentre",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageHaulTonneKm",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageTier_Bound",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_VillageTier_Candidates",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageTier_Gap",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result_VillageTier_Method",
                table: "siting_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageTier_Objective",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageTier_SolverMs",
                table: "siting_runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_VillagesWithoutStation",
                table: "siting_runs",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Result_CentreTier_Bound",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_CentreTier_Candidates",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_CentreTier_Gap",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_CentreTier_Method",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_CentreTier_Objective",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_CentreTier_SolverMs",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_StationHaulTonneKm",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_StationTier_Bound",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_StationTier_Candidates",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_StationTier_Gap",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_StationTier_Method",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_StationTier_Objective",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_StationTier_SolverMs",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_StationsWithoutCentre",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_VillageHaulTonneKm",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_VillageTier_Bound",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_VillageTier_Candidates",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_VillageTier_Gap",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_VillageTier_Method",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_VillageTier_Objective",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_VillageTier_SolverMs",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "Result_VillagesWithoutStation",
                table: "siting_runs");
        }
    }
}
