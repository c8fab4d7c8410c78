using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Centrelines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Crs",
                table: "networks");

            migrationBuilder.DropColumn(
                name: "Mapping",
                table: "networks");
        }
    }
}
