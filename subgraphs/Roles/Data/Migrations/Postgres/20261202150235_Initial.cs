using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using SubgraphKit.Search;

#nullable disable

namespace RolesSubgraph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComparisonAspects",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Section = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComparisonAspects", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "Roles",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Summary = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Focus = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Responsibilities = table.Column<List<string>>(type: "text[]", nullable: false),
                    Advantages = table.Column<List<string>>(type: "text[]", nullable: false),
                    Challenges = table.Column<List<string>>(type: "text[]", nullable: false),
                    CareerOutlook = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Section = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Roles", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "Tools",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RoleSlugs = table.Column<List<string>>(type: "text[]", nullable: false),
                    Section = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tools", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "AspectStances",
                columns: table => new
                {
                    AspectSlug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RoleSlug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Text = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspectStances", x => new { x.AspectSlug, x.RoleSlug });
                    table.ForeignKey(
                        name: "FK_AspectStances_ComparisonAspects_AspectSlug",
                        column: x => x.AspectSlug,
                        principalTable: "ComparisonAspects",
                        principalColumn: "Slug",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspectStances_Roles_RoleSlug",
                        column: x => x.RoleSlug,
                        principalTable: "Roles",
                        principalColumn: "Slug",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspectStances_RoleSlug",
                table: "AspectStances",
                column: "RoleSlug");

            migrationBuilder.CreateIndex(
                name: "IX_ComparisonAspects_Position",
                table: "ComparisonAspects",
                column: "Position",
                unique: true);

            migrationBuilder.CreateSearchTable();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSearchTable();

            migrationBuilder.DropTable(
                name: "AspectStances");

            migrationBuilder.DropTable(
                name: "Tools");

            migrationBuilder.DropTable(
                name: "ComparisonAspects");

            migrationBuilder.DropTable(
                name: "Roles");
        }
    }
}
