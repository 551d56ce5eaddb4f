using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReturnJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "return_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    as_at = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    input_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    requested_by_user_id = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    stage = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    done = table.Column<long>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    children = table.Column<int>(type: "INTEGER", nullable: true),
                    counts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    problem_count = table.Column<int>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "return_job_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    job_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_job_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_return_job_files_return_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "return_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "return_job_problems",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    job_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    file = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    line = table.Column<long>(type: "INTEGER", nullable: true),
                    child = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_job_problems", x => x.id);
                    table.ForeignKey(
                        name: "fk_return_job_problems_return_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "return_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_return_job_files_job_id",
                table: "return_job_files",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_return_job_problems_job_id_position",
                table: "return_job_problems",
                columns: new[] { "job_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_return_jobs_requested_at",
                table: "return_jobs",
                column: "requested_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "return_job_files");

            migrationBuilder.DropTable(
                name: "return_job_problems");

            migrationBuilder.DropTable(
                name: "return_jobs");
        }
    }
}
