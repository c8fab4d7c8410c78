using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeyRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "planner_keys",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EnterpriseId",
                table: "planner_keys",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "planner_keys",
                type: "text",
                nullable: false,
                defaultValue: "planner"); // the keys from before roles wrote as planners, and still do

            migrationBuilder.AddColumn<DateTime>(
                name: "Rotated",
                table: "planner_keys",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "City",
                table: "planner_keys");

            migrationBuilder.DropColumn(
                name: "EnterpriseId",
                table: "planner_keys");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "planner_keys");

            migrationBuilder.DropColumn(
                name: "Rotated",
                table: "planner_keys");
        }
    }
}
