using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_allocations_worker_id",
                table: "allocations");

            migrationBuilder.AddColumn<long>(
                name: "record_stamp",
                table: "local_authorities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "file_version",
                table: "children",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "ix_early_help_episodes_lead_worker_id_end_date",
                table: "early_help_episodes",
                columns: new[] { "lead_worker_id", "end_date" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_awaiting_sign_off",
                table: "contacts",
                column: "decided_at",
                filter: "decided_at IS NOT NULL AND signed_off_by_worker_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_recorded_by_worker_id",
                table: "contacts",
                column: "recorded_by_worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_protection_plans_step_down_proposed_on",
                table: "child_protection_plans",
                column: "step_down_proposed_on");

            migrationBuilder.CreateIndex(
                name: "ix_case_notes_author_id_status",
                table: "case_notes",
                columns: new[] { "author_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_submitted_on",
                table: "assessments",
                column: "submitted_on");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_worker_id_end_date",
                table: "allocations",
                columns: new[] { "worker_id", "end_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_early_help_episodes_lead_worker_id_end_date",
                table: "early_help_episodes");

            migrationBuilder.DropIndex(
                name: "ix_contacts_awaiting_sign_off",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_recorded_by_worker_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_child_protection_plans_step_down_proposed_on",
                table: "child_protection_plans");

            migrationBuilder.DropIndex(
                name: "ix_case_notes_author_id_status",
                table: "case_notes");

            migrationBuilder.DropIndex(
                name: "ix_assessments_submitted_on",
                table: "assessments");

            migrationBuilder.DropIndex(
                name: "ix_allocations_worker_id_end_date",
                table: "allocations");

            migrationBuilder.DropColumn(
                name: "record_stamp",
                table: "local_authorities");

            migrationBuilder.DropColumn(
                name: "file_version",
                table: "children");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_worker_id",
                table: "allocations",
                column: "worker_id");
        }
    }
}
