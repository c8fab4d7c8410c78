using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RecycleNet.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Cities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every row written before cities was Jinan's, the only city there was: the new columns say so. Outlets and
            // centres stored before tiers are the city's own: community outlets and city sorting centres.
            migrationBuilder.DropIndex(
                name: "IX_enterprises_CreditCode",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "IX_districts_Adcode",
                table: "districts");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "sorting_centers",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "sorting_centers",
                type: "text",
                nullable: false,
                defaultValue: "city");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "siting_runs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<double>(
                name: "Result_CentreTier_Bound",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_CentreTier_Candidates",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_CentreTier_Gap",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result_CentreTier_Method",
                table: "siting_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_CentreTier_Objective",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_CentreTier_SolverMs",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationHaulTonneKm",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationTier_Bound",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_StationTier_Candidates",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationTier_Gap",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result_StationTier_Method",
                table: "siting_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationTier_Objective",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_StationTier_SolverMs",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_StationsWithoutCentre",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageHaulTonneKm",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageTier_Bound",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_VillageTier_Candidates",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageTier_Gap",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result_VillageTier_Method",
                table: "siting_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageTier_Objective",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Result_VillageTier_SolverMs",
                table: "siting_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Result_VillagesWithoutStation",
                table: "siting_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "outlets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<List<long>>(
                name: "ServedVillageIds",
                table: "outlets",
                type: "bigint[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "outlets",
                type: "text",
                nullable: false,
                defaultValue: "community");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "networks",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "Crs",
                table: "networks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mapping",
                table: "networks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "enterprises",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "districts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "communities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "audit",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.CreateTable(
                name: "townships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "text", nullable: false),
                    DistrictId = table.Column<long>(type: "bigint", nullable: true),
                    Population = table.Column<long>(type: "bigint", nullable: true),
                    CityId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_townships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_townships_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_stations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Status = table.Column<string>(type: "text", nullable: false),
                    CapacityTonnesPerDay = table.Column<double>(type: "double precision", nullable: true),
                    TownshipId = table.Column<long>(type: "bigint", nullable: false),
                    CityId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transfer_stations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_transfer_stations_townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "villages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    TownshipId = table.Column<long>(type: "bigint", nullable: true),
                    DistrictId = table.Column<long>(type: "bigint", nullable: true),
                    CityId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_villages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_villages_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_villages_townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "waste_sorting_points",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    CommunityId = table.Column<long>(type: "bigint", nullable: true),
                    VillageId = table.Column<long>(type: "bigint", nullable: true),
                    TakesRecyclables = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    CityId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_waste_sorting_points", x => x.Id);
                    table.ForeignKey(
                        name: "FK_waste_sorting_points_communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_waste_sorting_points_villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sorting_centers_CityId_Id",
                table: "sorting_centers",
                columns: new[] { "CityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outlets_CityId_Id",
                table: "outlets",
                columns: new[] { "CityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_networks_CityId",
                table: "networks",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_CityId_CreditCode",
                table: "enterprises",
                columns: new[] { "CityId", "CreditCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_districts_CityId_Adcode",
                table: "districts",
                columns: new[] { "CityId", "Adcode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_districts_CityId_Id",
                table: "districts",
                columns: new[] { "CityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_communities_CityId_Id",
                table: "communities",
                columns: new[] { "CityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_CityId_Id",
                table: "audit",
                columns: new[] { "CityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_townships_CityId_Code",
                table: "townships",
                columns: new[] { "CityId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_townships_CityId_Id",
                table: "townships",
                columns: new[] { "CityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_townships_DistrictId",
                table: "townships",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_townships_Geometry",
                table: "townships",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_transfer_stations_CityId_Id",
                table: "transfer_stations",
                columns: new[] { "CityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transfer_stations_Geometry",
                table: "transfer_stations",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_transfer_stations_TownshipId",
                table: "transfer_stations",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_villages_CityId_Id",
                table: "villages",
                columns: new[] { "CityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_villages_DistrictId",
                table: "villages",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_villages_Geometry",
                table: "villages",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_villages_TownshipId",
                table: "villages",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_waste_sorting_points_CityId_Id",
                table: "waste_sorting_points",
                columns: new[] { "CityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_waste_sorting_points_CommunityId",
                table: "waste_sorting_points",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_waste_sorting_points_Geometry",
                table: "waste_sorting_points",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_waste_sorting_points_VillageId",
                table: "waste_sorting_points",
                column: "VillageId");

            // The notification names the city as well as the layer ("binzhou/outlets"), so the other instances rebuild only
            // that city's views (Setup/SharedRevisionWatcher).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION recyclenet_notify_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('recyclenet_revision', NEW."CityId" || '/' || coalesce(NEW."Target", ''));
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION recyclenet_notify_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('recyclenet_revision', coalesce(NEW."Target", ''));
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.DropTable(
                name: "transfer_stations");

            migrationBuilder.DropTable(
                name: "waste_sorting_points");

            migrationBuilder.DropTable(
                name: "villages");

            migrationBuilder.DropTable(
                name: "townships");

            migrationBuilder.DropIndex(
                name: "IX_sorting_centers_CityId_Id",
                table: "sorting_centers");

            migrationBuilder.DropIndex(
                name: "IX_outlets_CityId_Id",
                table: "outlets");

            migrationBuilder.DropIndex(
                name: "IX_networks_CityId",
                table: "networks");

            migrationBuilder.DropIndex(
                name: "IX_enterprises_CityId_CreditCode",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "IX_districts_CityId_Adcode",
                table: "districts");

            migrationBuilder.DropIndex(
                name: "IX_districts_CityId_Id",
                table: "districts");

            migrationBuilder.DropIndex(
                name: "IX_communities_CityId_Id",
                table: "communities");

            migrationBuilder.DropIndex(
                name: "IX_audit_CityId_Id",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "sorting_centers");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "sorting_centers");

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "siting_runs");

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

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "outlets");

            migrationBuilder.DropColumn(
                name: "ServedVillageIds",
                table: "outlets");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "outlets");

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "networks");

            migrationBuilder.DropColumn(
                name: "Crs",
                table: "networks");

            migrationBuilder.DropColumn(
                name: "Mapping",
                table: "networks");

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "districts");

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "audit");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_CreditCode",
                table: "enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_districts_Adcode",
                table: "districts",
                column: "Adcode",
                unique: true);
        }
    }
}
