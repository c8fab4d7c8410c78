using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StoredNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_chunks");

            migrationBuilder.DropTable(
                name: "networks");
        }
    }
}
