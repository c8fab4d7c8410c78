using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Cities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every row written before cities was Jinan's, the only city there was: the new columns say so.
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
                name: "CityId",
                table: "siting_runs",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "outlets",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

            migrationBuilder.AddColumn<string>(
                name: "CityId",
                table: "networks",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "jinan");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "CityId",
                table: "siting_runs");

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "outlets");

            migrationBuilder.DropColumn(
                name: "CityId",
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
