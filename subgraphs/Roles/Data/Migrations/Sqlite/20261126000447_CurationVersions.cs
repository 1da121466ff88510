using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RolesSubgraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CurationVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Tools",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "AspectStances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Tools");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AspectStances");
        }
    }
}
