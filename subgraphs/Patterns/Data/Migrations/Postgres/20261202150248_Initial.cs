using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using SubgraphKit.Search;

#nullable disable

namespace PatternsSubgraph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Patterns",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Benefits = table.Column<List<string>>(type: "text[]", nullable: false),
                    TradeOffs = table.Column<List<string>>(type: "text[]", nullable: false),
                    RelatedTerms = table.Column<List<string>>(type: "text[]", nullable: false),
                    Section = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patterns", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "Practices",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    Patterns = table.Column<List<string>>(type: "text[]", nullable: false),
                    Tools = table.Column<List<string>>(type: "text[]", nullable: false),
                    RelatedTerms = table.Column<List<string>>(type: "text[]", nullable: false),
                    Section = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Practices", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "Stances",
                columns: table => new
                {
                    Role = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Pattern = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Stance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rationale = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Section = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stances", x => new { x.Pattern, x.Role });
                    table.ForeignKey(
                        name: "FK_Stances_Patterns_Pattern",
                        column: x => x.Pattern,
                        principalTable: "Patterns",
                        principalColumn: "Slug",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stances_Role",
                table: "Stances",
                column: "Role");

            migrationBuilder.CreateSearchTable();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSearchTable();

            migrationBuilder.DropTable(
                name: "Practices");

            migrationBuilder.DropTable(
                name: "Stances");

            migrationBuilder.DropTable(
                name: "Patterns");
        }
    }
}
