using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkforceStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "workforce_standards",
                table: "local_authorities",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "workforce_standards",
                table: "local_authorities");
        }
    }
}
