using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lantern.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndicatorTargetsAndBenchmarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_benchmarks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    comparator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    loaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    loaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_benchmarks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicator_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    amber_margin = table.Column<double>(type: "double precision", nullable: false),
                    set_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_targets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_benchmarks_indicator_id_comparator_period_end",
                table: "indicator_benchmarks",
                columns: new[] { "indicator_id", "comparator", "period_end" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_targets_indicator_id",
                table: "indicator_targets",
                column: "indicator_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_benchmarks");

            migrationBuilder.DropTable(
                name: "indicator_targets");
        }
    }
}
