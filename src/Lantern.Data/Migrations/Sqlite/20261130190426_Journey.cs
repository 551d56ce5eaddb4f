using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Journey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "contact_sign_off_required",
                table: "local_authorities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "step_down_review_months",
                table: "local_authorities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "decision_reason",
                table: "contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "recorded_by_worker_id",
                table: "contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "signed_off_at",
                table: "contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "signed_off_by_worker_id",
                table: "contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "step_down_proposed_by_worker_id",
                table: "child_protection_plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "step_down_proposed_on",
                table: "child_protection_plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome_reason",
                table: "assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "submitted_by_worker_id",
                table: "assessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "submitted_on",
                table: "assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "early_help_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    episode_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_early_help_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_early_help_reviews_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "significant_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_by_worker_id = table.Column<long>(type: "INTEGER", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_significant_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_significant_events_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_decided_at",
                table: "contacts",
                column: "decided_at");

            migrationBuilder.CreateIndex(
                name: "ix_early_help_reviews_child_id",
                table: "early_help_reviews",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_early_help_reviews_episode_id",
                table: "early_help_reviews",
                column: "episode_id");

            migrationBuilder.CreateIndex(
                name: "ix_significant_events_child_id",
                table: "significant_events",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_significant_events_date",
                table: "significant_events",
                column: "date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "early_help_reviews");

            migrationBuilder.DropTable(
                name: "significant_events");

            migrationBuilder.DropIndex(
                name: "ix_contacts_decided_at",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "contact_sign_off_required",
                table: "local_authorities");

            migrationBuilder.DropColumn(
                name: "step_down_review_months",
                table: "local_authorities");

            migrationBuilder.DropColumn(
                name: "decision_reason",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "recorded_by_worker_id",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "signed_off_at",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "signed_off_by_worker_id",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "step_down_proposed_by_worker_id",
                table: "child_protection_plans");

            migrationBuilder.DropColumn(
                name: "step_down_proposed_on",
                table: "child_protection_plans");

            migrationBuilder.DropColumn(
                name: "outcome_reason",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "submitted_by_worker_id",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "submitted_on",
                table: "assessments");
        }
    }
}
