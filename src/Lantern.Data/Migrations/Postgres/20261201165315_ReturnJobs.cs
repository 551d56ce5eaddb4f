using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lantern.Data.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    as_at = table.Column<DateOnly>(type: "date", nullable: true),
                    input_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    requested_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    stage = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    done = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    children = table.Column<int>(type: "integer", nullable: true),
                    counts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    problem_count = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "return_job_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    file = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    line = table.Column<long>(type: "bigint", nullable: true),
                    child = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
