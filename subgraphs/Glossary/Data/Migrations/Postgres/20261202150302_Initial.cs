using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using SubgraphKit.Search;

#nullable disable

namespace GlossarySubgraph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Terms",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Abbreviations = table.Column<List<string>>(type: "text[]", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RelatedTerms = table.Column<List<string>>(type: "text[]", nullable: false),
                    Patterns = table.Column<List<string>>(type: "text[]", nullable: false),
                    Section = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Terms", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "Perspectives",
                columns: table => new
                {
                    Term = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Text = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Section = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Perspectives", x => new { x.Term, x.Role });
                    table.ForeignKey(
                        name: "FK_Perspectives_Terms_Term",
                        column: x => x.Term,
                        principalTable: "Terms",
                        principalColumn: "Slug",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Perspectives_Role",
                table: "Perspectives",
                column: "Role");

            migrationBuilder.CreateIndex(
                name: "IX_Terms_Name",
                table: "Terms",
                column: "Name",
                unique: true);

            migrationBuilder.CreateSearchTable();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSearchTable();

            migrationBuilder.DropTable(
                name: "Perspectives");

            migrationBuilder.DropTable(
                name: "Terms");
        }
    }
}
