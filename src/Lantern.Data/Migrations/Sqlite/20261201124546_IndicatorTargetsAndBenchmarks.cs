using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Data.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    indicator_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    comparator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    loaded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    loaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_benchmarks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicator_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    indicator_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: false),
                    amber_margin = table.Column<double>(type: "REAL", nullable: false),
                    set_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
