using Microsoft.EntityFrameworkCore.Migrations;
using SubgraphKit.Search;

#nullable disable

namespace RolesSubgraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSearchTable();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSearchTable();
        }
    }
}
