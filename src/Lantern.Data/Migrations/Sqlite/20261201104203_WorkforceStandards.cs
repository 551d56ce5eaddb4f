using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Data.Migrations.Sqlite
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
                type: "TEXT",
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
