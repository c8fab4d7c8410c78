using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SitingProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "siting_proposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Label = table.Column<string>(type: "TEXT", nullable: true),
                    District = table.Column<string>(type: "TEXT", nullable: true),
                    HouseholdsGained = table.Column<long>(type: "INTEGER", nullable: true),
                    CumulativeShare = table.Column<double>(type: "REAL", nullable: true),
                    EstimatedSubsidyYuan = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Outlets = table.Column<int>(type: "INTEGER", nullable: true),
                    LoadTonnesPerDay = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_siting_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_siting_proposals_siting_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "siting_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_siting_proposals_RunId_Rank",
                table: "siting_proposals",
                columns: new[] { "RunId", "Rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "siting_proposals");
        }
    }
}
