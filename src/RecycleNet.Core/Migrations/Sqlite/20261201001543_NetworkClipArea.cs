using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NetworkClipArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClipArea",
                table: "networks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ClipMarginM",
                table: "networks",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClipArea",
                table: "networks");

            migrationBuilder.DropColumn(
                name: "ClipMarginM",
                table: "networks");
        }
    }
}
