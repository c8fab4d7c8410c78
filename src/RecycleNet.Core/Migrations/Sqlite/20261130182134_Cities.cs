using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "sorting_centers",
                type: "TEXT",
                nullable: false,
                defaultValue: "city");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "siting_runs",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

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

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "outlets",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "ServedVillageIds",
                table: "outlets",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "outlets",
                type: "TEXT",
                nullable: false,
                defaultValue: "community");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "networks",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "Crs",
                table: "networks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mapping",
                table: "networks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "enterprises",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "districts",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "communities",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "audit",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.CreateTable(
                name: "townships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<long>(type: "INTEGER", nullable: true),
                    Population = table.Column<long>(type: "INTEGER", nullable: true),
                    CityId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Geometry = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 1L)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    CapacityTonnesPerDay = table.Column<double>(type: "REAL", nullable: true),
                    TownshipId = table.Column<long>(type: "INTEGER", nullable: false),
                    CityId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Geometry = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 1L)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<long>(type: "INTEGER", nullable: true),
                    DistrictId = table.Column<long>(type: "INTEGER", nullable: true),
                    CityId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Geometry = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 1L)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<long>(type: "INTEGER", nullable: true),
                    TakesRecyclables = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    CityId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Geometry = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 1L)
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
                name: "IX_transfer_stations_CityId_Id",
                table: "transfer_stations",
                columns: new[] { "CityId", "Id" });

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
