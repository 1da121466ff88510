using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GlossarySubgraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TermVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Terms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Terms");
        }
    }
}
