using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RecycleNet.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Volumes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "transfer_stations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "sorting_centers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "VolumeReported",
                table: "siting_assignments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "outlets",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "volume_corrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CityId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FacilityKind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FacilityId = table.Column<long>(type: "bigint", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    Unit = table.Column<string>(type: "text", nullable: false),
                    OldQuantityMilli = table.Column<long>(type: "bigint", nullable: true),
                    NewQuantityMilli = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Planner = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volume_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "volumes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CityId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FacilityKind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FacilityId = table.Column<long>(type: "bigint", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QuantityMilli = table.Column<long>(type: "bigint", nullable: false),
                    DistrictId = table.Column<long>(type: "bigint", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Planner = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volumes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_volume_corrections_CityId_FacilityKind_FacilityId_Month",
                table: "volume_corrections",
                columns: new[] { "CityId", "FacilityKind", "FacilityId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_volumes_CityId_FacilityKind_FacilityId_Month_Category_Unit",
                table: "volumes",
                columns: new[] { "CityId", "FacilityKind", "FacilityId", "Month", "Category", "Unit" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_volumes_spans",
                table: "volumes",
                columns: new[] { "CityId", "Category", "Unit", "FacilityKind", "FacilityId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_volumes_tonnes",
                table: "volumes",
                columns: new[] { "CityId", "Unit", "Month", "FacilityKind", "FacilityId", "QuantityMilli" });

            migrationBuilder.CreateIndex(
                name: "IX_volumes_totals",
                table: "volumes",
                columns: new[] { "CityId", "Category", "Month", "Unit", "DistrictId", "QuantityMilli" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volume_corrections");

            migrationBuilder.DropTable(
                name: "volumes");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "transfer_stations");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "sorting_centers");

            migrationBuilder.DropColumn(
                name: "VolumeReported",
                table: "siting_assignments");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "outlets");
        }
    }
}
