using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RecycleNet.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class RuralTiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Outlets and centres stored before tiers are the city's own: community outlets and city sorting centres.
            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "sorting_centers",
                type: "text",
                nullable: false,
                defaultValue: "city");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transfer_stations");

            migrationBuilder.DropTable(
                name: "waste_sorting_points");

            migrationBuilder.DropTable(
                name: "villages");

            migrationBuilder.DropTable(
                name: "townships");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "sorting_centers");

            migrationBuilder.DropColumn(
                name: "ServedVillageIds",
                table: "outlets");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "outlets");
        }
    }
}
