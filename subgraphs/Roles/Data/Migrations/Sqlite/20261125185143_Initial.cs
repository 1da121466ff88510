using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RolesSubgraph.Data.Migrations.Sqlite
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
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComparisonAspects", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "Roles",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Focus = table.Column<string>(type: "TEXT", nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", nullable: false),
                    Advantages = table.Column<string>(type: "TEXT", nullable: false),
                    Challenges = table.Column<string>(type: "TEXT", nullable: false),
                    CareerOutlook = table.Column<string>(type: "TEXT", nullable: false),
                    Section = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Roles", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "Tools",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    RoleSlugs = table.Column<string>(type: "TEXT", nullable: false),
                    Section = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tools", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "AspectStances",
                columns: table => new
                {
                    AspectSlug = table.Column<string>(type: "TEXT", nullable: false),
                    RoleSlug = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
