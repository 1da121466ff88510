using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatternsSubgraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CurationVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Practices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Patterns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Practices");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Patterns");
        }
    }
}
