using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "decisions",
                table: "supervisions",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "decisions",
                table: "supervisions");
        }
    }
}
